import type { ResourceValidationPolicy } from '@pulumi/policy';
import { clusterDeletionProtection, clusterNetworkPolicy, clusterNoLegacyAbac, clusterPrivateNodes, clusterShieldedNodes, clusterWorkloadIdentity } from './rules/cluster';
import { authenticatedFrontDoor, gatewayTimeout } from './rules/front-door';
import { nodePoolDedicatedServiceAccount, nodePoolGkeMetadata, nodePoolGpuDriver, nodePoolSecureBoot } from './rules/node-pool';
import { noSecretLiterals, noSecretVersions } from './rules/secrets';

/** Every rule of the modelplane GCP policy pack (importable without starting a policy server). */
export const GCP_POLICIES: readonly ResourceValidationPolicy[] = [
  clusterPrivateNodes,
  clusterWorkloadIdentity,
  clusterShieldedNodes,
  clusterDeletionProtection,
  clusterNetworkPolicy,
  clusterNoLegacyAbac,
  nodePoolGkeMetadata,
  nodePoolSecureBoot,
  nodePoolDedicatedServiceAccount,
  nodePoolGpuDriver,
  noSecretVersions,
  noSecretLiterals,
  authenticatedFrontDoor,
  gatewayTimeout,
];

export {
  clusterDeletionProtection, clusterNetworkPolicy, clusterNoLegacyAbac, clusterPrivateNodes, clusterShieldedNodes, clusterWorkloadIdentity,
  authenticatedFrontDoor, gatewayTimeout, nodePoolDedicatedServiceAccount, nodePoolGkeMetadata, nodePoolGpuDriver, nodePoolSecureBoot,
  noSecretLiterals, noSecretVersions,
};
