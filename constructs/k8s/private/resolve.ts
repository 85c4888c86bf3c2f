import { GPU_MODELS } from '../../../lib/catalog/gpu-types';
import type { Placement } from '../../../lib/plan/types';
import {
  AwsCloudWatchWakeUp, ClusterFlavor, CommonClusterOptions, DEFAULT_CLUSTER_SECRET_STORE, DEFAULT_GATEWAY_NAMESPACE_LABELS, DEFAULT_PROMETHEUS_ADDRESS, GOOGLE_LB_RANGES,
  PRIVATE_RANGES, SecretStoreOption,
} from '../cluster';
import type { NetworkPolicyPeer, NetworkPolicyPort, Toleration } from '../types';

/** Everything the chart needs from the flavour, with defaults applied. */
export interface ResolvedCluster {
  readonly flavor: ClusterFlavor['flavor'];
  readonly nodeSelector: Readonly<Record<string, string>>;
  readonly tolerations: readonly Toleration[];
  readonly serviceAccountAnnotations: Readonly<Record<string, string>>;
  readonly secretStore: SecretStoreOption;
  readonly ingressCidrs: readonly string[];
  readonly gatewayNamespaceLabels: Readonly<Record<string, string>>;
  readonly autoscaler: 'keda' | 'hpa';
  readonly monitoring: boolean;
  readonly prometheusAddress: string;
  readonly monitoringNamespace: string;
  readonly monitoringLabels: Readonly<Record<string, string>>;
  /** What wakes a scale-to-zero service; `none` keeps it at minReplicas. */
  readonly wakeUp: ResolvedWakeUp;
  readonly serviceAnnotations: Readonly<Record<string, string>>;
  readonly httpsEgressCidrs: readonly string[];
  /** Link-local endpoints workload identity needs (metadata server / pod identity agent). */
  readonly identityEgress: ReadonlyArray<{ readonly cidr: string; readonly ports: readonly NetworkPolicyPort[] }>;
}

/**
 * Every GPU pod tolerates the NVIDIA taint whatever its value and effect (EKS/Karpenter: `nvidia.com/gpu`
 * without value; GKE: `nvidia.com/gpu=present:NoSchedule`, which GKE would also add itself).
 */
const GPU_TOLERATION: Toleration = { key: 'nvidia.com/gpu', operator: 'Exists' };

/**
 * Applies the flavour's defaults. Throws (code K8S_NO_GKE_ACCELERATOR) when GKE has no name for the GPU, and
 * (K8S_WAKE_UP_CONFLICT, K8S_INVALID_WAKE_UP) on a wake-up signal KEDA could not use.
 */
export function resolveCluster(cluster: ClusterFlavor, placement: Placement): ResolvedCluster {
  const common = {
    flavor: cluster.flavor,
    serviceAccountAnnotations: cluster.serviceAccountAnnotations ?? {},
    gatewayNamespaceLabels: cluster.ingressFrom?.namespaceLabels ?? DEFAULT_GATEWAY_NAMESPACE_LABELS,
    autoscaler: cluster.autoscaler ?? 'keda',
    monitoring: (cluster.monitoring ?? 'prometheus-operator') === 'prometheus-operator',
    prometheusAddress: cluster.prometheusAddress ?? DEFAULT_PROMETHEUS_ADDRESS,
    monitoringNamespace: cluster.monitoringNamespace ?? 'monitoring',
    monitoringLabels: cluster.monitoringLabels ?? {},
    wakeUp: resolveWakeUp(cluster),
    serviceAnnotations: cluster.serviceAnnotations ?? {},
    httpsEgressCidrs: cluster.httpsEgressCidrs ?? ['0.0.0.0/0'],
  } as const;
  const existing: SecretStoreOption = { kind: 'existing', name: DEFAULT_CLUSTER_SECRET_STORE, clusterWide: true };

  switch (cluster.flavor) {
    case 'eks':
      return {
        ...common,
        nodeSelector: cluster.gpuNodeSelector ?? { 'node.kubernetes.io/instance-type': placement.instanceType },
        tolerations: [GPU_TOLERATION],
        secretStore: cluster.secretStore ?? { kind: 'aws', region: placement.region },
        ingressCidrs: cluster.ingressFrom?.cidrs ?? (cluster.vpcCidr !== undefined ? [cluster.vpcCidr] : PRIVATE_RANGES),
        identityEgress: cluster.podIdentity ? [{ cidr: '169.254.170.23/32', ports: [{ protocol: 'TCP', port: 80 }] }] : [],
      };
    case 'gke': {
      const accelerator = GPU_MODELS[placement.gpu.type].gkeAccelerator;
      if (cluster.gpuNodeSelector === undefined && accelerator === undefined) {
        throw new Error(
          `[K8S_NO_GKE_ACCELERATOR] placement ${placement.id}: GPU ${placement.gpu.type} has no GKE accelerator name; ` +
            'GKE offers T4, L4, A100-40GB, A100-80GB, H100, H100-MEGA, H200 and B200. Place the service on one of those, or pass cluster.gpuNodeSelector.',
        );
      }
      const spot = placement.capacity === 'spot';
      return {
        ...common,
        nodeSelector: cluster.gpuNodeSelector ?? {
          'cloud.google.com/gke-accelerator': accelerator as string,
          ...(spot ? { 'cloud.google.com/gke-spot': 'true' } : {}),
        },
        tolerations: [GPU_TOLERATION, ...(spot ? [{ key: 'cloud.google.com/gke-spot', operator: 'Exists' as const }] : [])],
        secretStore:
          cluster.secretStore ??
          (cluster.projectId !== undefined
            ? { kind: 'gcp', projectId: cluster.projectId, clusterLocation: cluster.clusterLocation, clusterName: cluster.clusterName }
            : existing),
        ingressCidrs: cluster.ingressFrom?.cidrs ?? [...GOOGLE_LB_RANGES, ...(cluster.proxyOnlySubnetCidrs ?? [])],
        // GKE Workload Identity: clients call 169.254.169.254:80, which Dataplane V2 redirects to the GKE
        // metadata server at 169.254.169.252:988; network policies must allow both.
        identityEgress: [
          { cidr: '169.254.169.252/32', ports: [{ protocol: 'TCP', port: 988 }] },
          { cidr: '169.254.169.254/32', ports: [{ protocol: 'TCP', port: 80 }] },
        ],
      };
    }
    case 'generic':
      return {
        ...common,
        nodeSelector: cluster.gpuNodeSelector ?? { 'nvidia.com/gpu.present': 'true' },
        tolerations: [GPU_TOLERATION, ...(cluster.extraGpuTaints ?? []).map((key) => ({ key, operator: 'Exists' as const }))],
        secretStore: cluster.secretStore ?? existing,
        ingressCidrs: cluster.ingressFrom?.cidrs ?? [],
        identityEgress: [],
      };
  }
}

/** Ingress peers: the flavour's address ranges plus the gateway namespaces. */
export function ingressPeers(c: ResolvedCluster): NetworkPolicyPeer[] {
  return [...c.ingressCidrs.map((cidr) => ({ ipBlock: { cidr } })), { namespaceSelector: { matchLabels: c.gatewayNamespaceLabels } }];
}

/** Metric periods KEDA's aws-cloudwatch scaler accepts below a minute (above: multiples of 60). */
const SHORT_PERIODS: readonly number[] = [1, 5, 10, 30];

/** The wake-up signal with its defaults applied and checked. */
export type ResolvedWakeUp =
  | { readonly kind: 'prometheus'; readonly query: string; readonly activationThreshold: number }
  | {
      readonly kind: 'aws-cloudwatch';
      readonly region: string;
      readonly namespace: string;
      readonly metricName: string;
      readonly dimensions: ReadonlyArray<readonly [string, string]>;
      readonly statistic: NonNullable<AwsCloudWatchWakeUp['statistic']>;
      readonly periodSeconds: number;
      readonly lookbackSeconds: number;
      readonly activationThreshold: number;
      readonly roleArn?: string;
    }
  | { readonly kind: 'none'; readonly reason: string };

function invalid(path: string, received: string, allowed: string, fix: string): Error {
  return new Error(`[K8S_INVALID_WAKE_UP] cluster.${path}: received ${received}; allowed ${allowed}. ${fix}`);
}

function threshold(path: string, value: number | undefined): number {
  const v = value ?? 0;
  if (!Number.isFinite(v) || v < 0) {
    throw invalid(path, String(value), 'a finite number >= 0', 'Use 0 to wake the service on any request.');
  }
  return v;
}

function nonEmpty(path: string, value: string): string {
  if (value.trim() === '') throw invalid(path, '""', 'a non-empty string', 'Give the value the metric is published with.');
  return value;
}

/**
 * Applies the defaults of `cluster.wakeUp` (or the deprecated `wakeUpQuery`) and checks it, before any
 * object exists. Throws (code K8S_WAKE_UP_CONFLICT) when both are given, (K8S_INVALID_WAKE_UP) on a value
 * KEDA would reject.
 */
export function resolveWakeUp(cluster: CommonClusterOptions): ResolvedWakeUp {
  if (cluster.wakeUp !== undefined && cluster.wakeUpQuery !== undefined) {
    throw new Error(
      `[K8S_WAKE_UP_CONFLICT] cluster.wakeUp (kind ${cluster.wakeUp.kind}) and cluster.wakeUpQuery are both set; ` +
        "give one: wakeUpQuery is shorthand for wakeUp: { kind: 'prometheus', query }.",
    );
  }
  const w = cluster.wakeUp ?? (cluster.wakeUpQuery !== undefined ? { kind: 'prometheus' as const, query: cluster.wakeUpQuery } : undefined);
  if (w === undefined) return { kind: 'none', reason: 'no wake-up signal configured (cluster.wakeUp)' };
  switch (w.kind) {
    case 'none':
      return { kind: 'none', reason: w.reason ?? 'cluster.wakeUp is none' };
    case 'prometheus':
      return { kind: 'prometheus', query: nonEmpty('wakeUp.query', w.query), activationThreshold: threshold('wakeUp.activationThreshold', w.activationThreshold) };
    case 'aws-cloudwatch': {
      const dimensions = Object.entries(w.dimensions);
      if (dimensions.length === 0) {
        throw invalid('wakeUp.dimensions', '{}', 'at least one dimension', 'Give the dimensions the metric is published with (API Gateway: ApiName and Stage).');
      }
      for (const [name, value] of dimensions) {
        if (name.includes(';') || value.includes(';')) {
          throw invalid(`wakeUp.dimensions.${name}`, `${name}=${value}`, "names and values without ';'", "KEDA splits dimensionName and dimensionValue on ';'.");
        }
      }
      const period = w.periodSeconds ?? 60;
      if (!Number.isInteger(period) || !(SHORT_PERIODS.includes(period) || (period >= 60 && period % 60 === 0))) {
        throw invalid('wakeUp.periodSeconds', String(period), '1, 5, 10, 30 or a multiple of 60', 'Use 60 (API Gateway publishes one datapoint a minute).');
      }
      const lookback = w.lookbackSeconds ?? 300;
      if (!Number.isInteger(lookback) || lookback <= 0 || lookback % period !== 0) {
        throw invalid('wakeUp.lookbackSeconds', String(lookback), `a positive multiple of periodSeconds (${period})`, `Use ${period * 5}.`);
      }
      return {
        kind: 'aws-cloudwatch',
        region: nonEmpty('wakeUp.region', w.region),
        namespace: nonEmpty('wakeUp.namespace', w.namespace),
        metricName: nonEmpty('wakeUp.metricName', w.metricName),
        dimensions,
        statistic: w.statistic ?? 'Sum',
        periodSeconds: period,
        lookbackSeconds: lookback,
        activationThreshold: threshold('wakeUp.activationThreshold', w.activationThreshold),
        ...(w.roleArn !== undefined ? { roleArn: w.roleArn } : {}),
      };
    }
  }
}
