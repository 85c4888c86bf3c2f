import { at, CLUSTER, resourceRule } from '../rule';

export const clusterPrivateNodes = resourceRule('gke-private-nodes', 'GKE nodes have no external address (privateClusterConfig.enablePrivateNodes).', [CLUSTER], (p) =>
  at(p, 'privateClusterConfig.enablePrivateNodes') === true ? [] : ['Enable private nodes: privateClusterConfig.enablePrivateNodes = true (egress through Cloud NAT).'],
);

export const clusterWorkloadIdentity = resourceRule('gke-workload-identity', 'Pods get Google identities through Workload Identity, never node credentials.', [CLUSTER], (p) => {
  const pool = at(p, 'workloadIdentityConfig.workloadPool');
  return typeof pool === 'string' && pool.endsWith('.svc.id.goog') ? [] : [`Set workloadIdentityConfig.workloadPool to <project>.svc.id.goog (received ${JSON.stringify(pool)}).`];
});

export const clusterShieldedNodes = resourceRule('gke-shielded-nodes', 'Shielded GKE nodes (verified node identity).', [CLUSTER], (p) =>
  p.enableShieldedNodes === true ? [] : ['Set enableShieldedNodes = true.'],
);

export const clusterDeletionProtection = resourceRule('gke-deletion-protection', 'The cluster cannot be destroyed by accident.', [CLUSTER], (p) =>
  p.deletionProtection === false ? ['deletionProtection is false: set it to true (turn it off deliberately before a planned teardown).'] : [],
);

export const clusterNetworkPolicy = resourceRule('gke-network-policy', 'NetworkPolicy is enforced (Dataplane V2 or the Calico network policy add-on).', [CLUSTER], (p) =>
  p.datapathProvider === 'ADVANCED_DATAPATH' || at(p, 'networkPolicy.enabled') === true ? [] : ['Enforce NetworkPolicy: datapathProvider = ADVANCED_DATAPATH (Dataplane V2) or networkPolicy.enabled = true.'],
);

export const clusterNoLegacyAbac = resourceRule('gke-no-legacy-abac', 'Legacy ABAC is off (RBAC only).', [CLUSTER], (p) => (p.enableLegacyAbac === true ? ['Disable legacy ABAC.'] : []));
