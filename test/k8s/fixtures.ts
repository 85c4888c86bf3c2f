import { App } from 'cdk8s';
import { definePlatform } from '../../lib/spec';
import { planPlatform, Plan, Placement, ServicePlan } from '../../lib/plan';
import { ModelServiceChart, ModelServiceChartProps } from '../../constructs/k8s/chart';
import type { ClusterFlavor, ClusterFlavorName, WakeUpOption } from '../../constructs/k8s/cluster';
import type { Manifest } from '../../constructs/k8s/render';
import { k8sRenderings } from '../../constructs/k8s/synth';
import { examplePlan } from '../fixtures/examples';

export { examplePlan };
export type { Manifest };

/**
 * Services beyond the bundled examples, so every engine and model source is covered: TGI from an S3
 * bucket, Triton (own metrics port) from a GCS bucket, and spot capacity.
 */
export function extraPlan(): Plan {
  extra ??= planPlatform(
    definePlatform({
      name: 'k8s-extra',
      services: [
        {
          name: 'mistral-tgi',
          model: { source: 's3://example-models/mistral-7b', parametersBillions: 7.2, contextTokens: 4096 },
          runtime: { engine: 'tgi' },
          autoscaling: { minReplicas: 2, maxReplicas: 6, target: { metric: 'queueDepth', value: 4 } },
          secrets: [{ name: 'hf-token', from: 'prod/hf-token', key: 'token', env: 'HF_TOKEN' }],
          placement: { clouds: ['aws'], regions: ['us-east-1'] },
        },
        {
          name: 'triton-resnet',
          model: { source: 'gs://example-models/resnet', parametersBillions: 0.03, precision: 'fp16', contextTokens: 512 },
          runtime: { engine: 'triton' },
          resources: { gpu: { type: 'L4', count: 1 } },
          autoscaling: { minReplicas: 1, maxReplicas: 3, scaleToZero: true },
          secrets: [{ name: 'api-key', from: 'team/ml/api-key', env: 'API_KEY' }],
          placement: { clouds: ['gcp'], regions: ['us-central1'], spot: 'allowed' },
        },
      ],
    }),
  );
  return extra;
}
let extra: Plan | undefined;

/** A CloudWatch wake-up as the AWS target passes it (API Gateway request count). */
export const AWS_WAKE_UP: WakeUpOption = {
  kind: 'aws-cloudwatch',
  region: 'us-east-1',
  namespace: 'AWS/ApiGateway',
  metricName: 'Count',
  dimensions: { ApiName: 'svc-api', Stage: 'prod' },
};

/** Every (service, placement) pair of the example and extra plans. */
export function allPairs(): Array<{ service: ServicePlan; placement: Placement }> {
  return [...examplePlan().services, ...extraPlan().services].flatMap((service) => service.placements.map((placement) => ({ service, placement })));
}

/** The flavour a placement's cloud runs. */
export function nativeFlavor(p: Placement): ClusterFlavorName {
  return p.cloud === 'aws' ? 'eks' : 'gke';
}

/** One rendering to check: label, props and the manifests. */
export interface Case {
  readonly label: string;
  readonly props: ModelServiceChartProps;
  readonly manifests: Manifest[];
}

/**
 * Every rendering the tests check: the synth renderings of both plans (native flavour per placement and
 * generic per service), plus option variants (HPA, no monitoring, GKE secret store, existing store, IRSA, wake-up
 * signals).
 */
export function allCases(): Case[] {
  cases ??= build();
  return cases;
}
let cases: Case[] | undefined;

function build(): Case[] {
  const out: Case[] = [];
  for (const plan of [examplePlan(), extraPlan()]) {
    for (const r of k8sRenderings(plan)) {
      const service = plan.services.find((s) => s.name === r.service) as ServicePlan;
      const placement = service.placements.find((p) => p.id === r.placementId) as Placement;
      out.push({ label: `${r.dir}`, props: { service, placement, cluster: { flavor: r.flavor } as ClusterFlavor }, manifests: r.manifests });
    }
  }
  const variants: Array<(p: Placement) => ClusterFlavor> = [
    (p) => ({ flavor: nativeFlavor(p), autoscaler: 'hpa' }) as ClusterFlavor,
    (p) => ({ flavor: nativeFlavor(p), monitoring: 'none' }) as ClusterFlavor,
    (p): ClusterFlavor =>
      p.cloud === 'gcp'
        ? { flavor: 'gke', projectId: 'example-project', clusterLocation: 'us-central1', clusterName: 'ml', serviceAccountAnnotations: { 'iam.gke.io/gcp-service-account': 'svc@example-project.iam.gserviceaccount.com' } }
        : { flavor: 'eks', podIdentity: true, vpcCidr: '10.20.0.0/16', serviceAccountAnnotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/svc' } },
    () => ({ flavor: 'generic', secretStore: { kind: 'existing', name: 'vault' }, extraGpuTaints: ['gpu-node'] }),
    // A wake-up signal per cloud, as the cloud targets pass it.
    (p): ClusterFlavor =>
      p.cloud === 'aws'
        ? { flavor: 'eks', wakeUp: AWS_WAKE_UP }
        : { flavor: 'gke', wakeUp: { kind: 'prometheus', query: 'sum(rate(loadbalancing_googleapis_com:https_request_count[2m]))' } },
  ];
  for (const { service, placement } of allPairs()) {
    variants.forEach((v, i) => {
      const cluster = v(placement);
      const props = { service, placement, cluster };
      out.push({ label: `${service.name}/${placement.id}-${cluster.flavor}#variant${i}`, props, manifests: render(props) });
    });
  }
  return out;
}

/** Renders a chart in a fresh app. */
export function render(props: ModelServiceChartProps): Manifest[] {
  const app = new App();
  return new ModelServiceChart(app, 'test', props).toJson() as Manifest[];
}

/** The object of a kind and name; throws when absent or ambiguous. */
export function find(manifests: readonly Manifest[], kind: string, name: string): any {
  const hits = manifests.filter((m) => m.kind === kind && (m.metadata as { name: string }).name === name);
  if (hits.length !== 1) throw new Error(`expected one ${kind}/${name}, found ${hits.length} (have: ${manifests.map((m) => `${m.kind}/${(m.metadata as { name: string }).name}`).join(', ')})`);
  return hits[0];
}

/** Every object of a kind. */
export function ofKind(manifests: readonly Manifest[], kind: string): any[] {
  return manifests.filter((m) => m.kind === kind);
}

/** The server container of a rendering's Deployment. */
export function server(manifests: readonly Manifest[], name: string): any {
  const d = find(manifests, 'Deployment', name);
  return d.spec.template.spec.containers.find((c: { name: string }) => c.name === 'server');
}
