import { GPU_MODELS } from '../../../lib/catalog/gpu-types';
import type { Placement } from '../../../lib/plan/types';
import {
  ClusterFlavor, DEFAULT_CLUSTER_SECRET_STORE, DEFAULT_GATEWAY_NAMESPACE_LABELS, DEFAULT_PROMETHEUS_ADDRESS, GOOGLE_LB_RANGES,
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
  readonly wakeUpQuery: string | undefined;
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

/** Applies the flavour's defaults. Throws (code K8S_NO_GKE_ACCELERATOR) when GKE has no name for the GPU. */
export function resolveCluster(cluster: ClusterFlavor, placement: Placement, namespace: string, service: string): ResolvedCluster {
  const common = {
    flavor: cluster.flavor,
    serviceAccountAnnotations: cluster.serviceAccountAnnotations ?? {},
    gatewayNamespaceLabels: cluster.ingressFrom?.namespaceLabels ?? DEFAULT_GATEWAY_NAMESPACE_LABELS,
    autoscaler: cluster.autoscaler ?? 'keda',
    monitoring: (cluster.monitoring ?? 'prometheus-operator') === 'prometheus-operator',
    prometheusAddress: cluster.prometheusAddress ?? DEFAULT_PROMETHEUS_ADDRESS,
    monitoringNamespace: cluster.monitoringNamespace ?? 'monitoring',
    monitoringLabels: cluster.monitoringLabels ?? {},
    wakeUpQuery:
      cluster.wakeUpQuery ??
      `sum(rate(istio_requests_total{destination_service_namespace="${namespace}",destination_service_name="${service}"}[2m]))`,
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
