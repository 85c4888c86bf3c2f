/**
 * AWS target benchmark: synthesis time and memory of the example-like platform at 1, 10 and 50 services,
 * against the same core resources written by hand with plain aws-cdk-lib (VPC, EKS cluster, GPU node group,
 * NLB, VPC link, REST API, alarms) in the same run. Run: npx tsx bench/aws.ts
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { KubectlV33Layer } from '@aws-cdk/lambda-layer-kubectl-v33';
import { synthAws } from '../constructs/aws';
import { definePlatform, PlatformSpecInput } from '../lib/spec';
import { planPlatform, Plan } from '../lib/plan';
import { measure, Measurement, printTable } from './measure';

function platformOf(count: number): Plan {
  const services = Array.from({ length: count }, (_, i) => ({
    name: `svc-${i}`,
    model: { source: 'hf://meta-llama/Llama-3.1-8B-Instruct@0e9e39f249a16976918f6564b8830bc894c89659', contextTokens: 8192 },
    runtime: { engine: 'vllm' },
    secrets: [{ name: 'hf-token', from: 'modelplane/hf-token', env: 'HF_TOKEN' }],
    placement: { clouds: ['aws'], regions: ['us-east-1'] },
  }));
  return planPlatform(definePlatform({ name: 'bench', services } as PlatformSpecInput));
}

/** The same core resources per service, written by hand: what a user would write without modelplane. */
function handWritten(count: number, outdir: string): void {
  const app = new App({ outdir });
  for (let i = 0; i < count; i++) {
    const stack = new Stack(app, `hand-svc-${i}`, { env: { region: 'us-east-1' } });
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 3 });
    const cluster = new eks.Cluster(stack, 'Cluster', {
      version: eks.KubernetesVersion.V1_33,
      vpc,
      defaultCapacity: 0,
      defaultCapacityType: eks.DefaultCapacityType.NODEGROUP,
      endpointAccess: eks.EndpointAccess.PRIVATE,
      kubectlProviderOptions: { kubectlLayer: new KubectlV33Layer(stack, 'Kubectl') },
    });
    cluster.addNodegroupCapacity('Gpu', {
      instanceTypes: [new ec2.InstanceType('g6.xlarge')],
      amiType: eks.NodegroupAmiType.AL2023_X86_64_NVIDIA,
      minSize: 1,
      maxSize: 4,
      taints: [{ key: 'nvidia.com/gpu', effect: eks.TaintEffect.NO_SCHEDULE }],
    });
    cluster.addHelmChart('DevicePlugin', { repository: 'https://nvidia.github.io/k8s-device-plugin', chart: 'nvidia-device-plugin', version: '0.17.1' });
    const nlb = new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc, internetFacing: false });
    const tg = new elbv2.NetworkTargetGroup(stack, 'Tg', { vpc, port: 8000, targetType: elbv2.TargetType.IP });
    nlb.addListener('L', { port: 80, defaultTargetGroups: [tg] });
    const link = new apigw.VpcLink(stack, 'Link', { targets: [nlb] });
    const api = new apigw.RestApi(stack, 'Api');
    api.root.addProxy({
      defaultIntegration: new apigw.Integration({
        type: apigw.IntegrationType.HTTP_PROXY,
        integrationHttpMethod: 'ANY',
        uri: `http://${nlb.loadBalancerDnsName}/{proxy}`,
        options: { connectionType: apigw.ConnectionType.VPC_LINK, vpcLink: link, timeout: Duration.seconds(605), responseTransferMode: apigw.ResponseTransferMode.STREAM },
      }),
      defaultMethodOptions: { apiKeyRequired: true },
    });
    api.metricLatency({ statistic: 'p95' }).createAlarm(stack, 'Latency', { threshold: 8000, evaluationPeriods: 10 });
    new cloudwatch.Dashboard(stack, 'Dashboard');
  }
  app.synth();
}

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'mp-bench-'));
}

export async function benchAws(): Promise<Measurement[]> {
  const rows: Measurement[] = [];
  for (const n of [1, 10, 50]) {
    const plan = platformOf(n);
    const runs = n === 1 ? 3 : 1;
    const ours = await measure(`modelplane synthAws ${n} services (cdk-nag on)`, () => synthAws(plan, tmp(), { platformName: 'bench' }), runs);
    const oursNoNag = await measure(`modelplane synthAws ${n} services (cdk-nag off)`, () => synthAws(plan, tmp(), { platformName: 'bench', nag: false }), runs);
    const hand = await measure(`hand-written aws-cdk-lib ${n} services`, () => handWritten(n, tmp()), runs);
    rows.push(ours, oursNoNag, hand, {
      name: `ratio ${n}: modelplane (nag off) / hand-written`,
      ms: Math.round((oursNoNag.ms / hand.ms) * 100) / 100,
      heapMiB: Math.round((oursNoNag.heapMiB / hand.heapMiB) * 100) / 100,
      rssMiB: Math.round((oursNoNag.rssMiB / hand.rssMiB) * 100) / 100,
      runs,
    });
  }
  return rows;
}

if (require.main === module) {
  benchAws().then((rows) => printTable('AWS target: cdk synth (ratio rows: ms and MiB columns hold ratios)', rows));
}
