import * as cdk8s from 'cdk8s';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct } from 'constructs';
import type { Placement, ServicePlan } from '../../../lib/plan/types';
import { resourceNames } from '../../../lib/workload/names';
import { ModelServiceChart } from '../../k8s/chart';
import type { WakeUpOption } from '../../k8s/cluster';
import { assertNoSecretLiterals } from './leak-guard';
import { PROMETHEUS } from './versions';

export interface WorkloadOptions {
  readonly cluster: eks.ICluster;
  readonly service: ServicePlan;
  readonly placement: Placement;
  readonly region: string;
  readonly roleArn: string;
  readonly gpuNodeSelector: Readonly<Record<string, string>>;
  readonly vpcCidr: string;
  /** What wakes the service when it scales to zero. */
  readonly wakeUp: WakeUpOption;
}

export interface WorkloadParts {
  readonly chart: ModelServiceChart;
  readonly manifest: eks.KubernetesManifest;
}

/**
 * The Kubernetes workload (constructs/k8s, flavour eks) applied by the cluster's kubectl provider: the
 * ServiceAccount carries the IRSA role, GPU pods select the service's own node group, ExternalSecrets read
 * Secrets Manager in the placement's region through that role, the server port admits the VPC (the NLB
 * targets pods by IP), and a scale-to-zero service wakes on its API's request count. CDK tokens (role ARN,
 * CIDR) resolve at deploy time.
 */
export function addWorkload(scope: Construct, options: WorkloadOptions): WorkloadParts {
  const app = new cdk8s.App();
  const chart = new ModelServiceChart(app, 'Workload', {
    service: options.service,
    placement: options.placement,
    cluster: {
      flavor: 'eks',
      gpuNodeSelector: options.gpuNodeSelector,
      serviceAccountAnnotations: { 'eks.amazonaws.com/role-arn': options.roleArn },
      secretStore: { kind: 'aws', region: options.region },
      vpcCidr: options.vpcCidr,
      monitoringNamespace: PROMETHEUS.namespace,
      wakeUp: options.wakeUp,
    },
  });
  const objects = chart.toJson();
  assertNoSecretLiterals(options.service.name, objects);
  // What cluster.addCdk8sChart does, but scoped to this construct so that several services can share a cluster.
  const manifest = new eks.KubernetesManifest(scope, 'Workload', { cluster: options.cluster, manifest: objects, prune: true });
  return { chart, manifest };
}

/**
 * The AWS Load Balancer Controller registers the service's ready pods (by IP) in the NLB target group and
 * deregisters them on termination, honouring the readiness gate of the chart's probes.
 */
export function addTargetGroupBinding(scope: Construct, cluster: eks.ICluster, service: ServicePlan, targetGroup: elbv2.INetworkTargetGroup): eks.KubernetesManifest {
  const names = resourceNames(service.name);
  return new eks.KubernetesManifest(scope, 'TargetGroupBinding', { cluster, manifest: [{
    apiVersion: 'elbv2.k8s.aws/v1beta1',
    kind: 'TargetGroupBinding',
    metadata: { name: names.workload, namespace: names.namespace, labels: { 'app.kubernetes.io/managed-by': 'modelplane' } },
    spec: {
      serviceRef: { name: names.workload, port: service.spec.runtime.port },
      targetGroupARN: targetGroup.targetGroupArn,
      targetType: 'ip',
    },
  }] });
}
