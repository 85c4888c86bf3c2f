import { networkDefaultDeny } from './network-default-deny';
import { noReplicasWhenAutoscaled } from './no-replicas-when-autoscaled';
import { noSecretLiterals } from './no-secret-literals';
import { notDefaultNamespace } from './not-default-namespace';
import { pdbPresent } from './pdb-present';
import { pinnedImages } from './pinned-images';
import { probesPresent } from './probes';
import { resourcesSet } from './resources';
import { restrictedPodSecurity } from './restricted-pod-security';
import type { K8sObject, ManifestRule, RuleStatus } from './types';

/** The rule set, by stable id. */
export const K8S_RULES: Readonly<Record<string, ManifestRule>> = {
  'MP-K8S-1-restricted-pod-security': restrictedPodSecurity,
  'MP-K8S-2-probes': probesPresent,
  'MP-K8S-3-resources': resourcesSet,
  'MP-K8S-4-pdb': pdbPresent,
  'MP-K8S-5-network-default-deny': networkDefaultDeny,
  'MP-K8S-6-pinned-images': pinnedImages,
  'MP-K8S-7-no-secret-literals': noSecretLiterals,
  'MP-K8S-8-not-default-namespace': notDefaultNamespace,
  'MP-K8S-9-no-replicas-when-autoscaled': noReplicasWhenAutoscaled,
};

export interface CheckResult {
  readonly rule: string;
  readonly status: RuleStatus | 'acknowledged';
  readonly message: string;
}

/**
 * Runs every rule over a set of manifests (one rendering). A non-compliant result may be acknowledged with
 * a reason (`{ 'MP-K8S-4-pdb': 'batch job, no PDB wanted' }`); the reason is kept in the message.
 */
export function checkManifests(objects: readonly K8sObject[], acknowledgements: Readonly<Record<string, string>> = {}): CheckResult[] {
  return Object.entries(K8S_RULES).map(([rule, fn]) => {
    const r = fn(objects);
    const reason = acknowledgements[rule];
    if (r.status === 'non-compliant' && reason !== undefined && reason.trim().length > 0) {
      return { rule, status: 'acknowledged', message: `${r.message} (acknowledged: ${reason})` };
    }
    return { rule, status: r.status, message: r.message };
  });
}

/** The results that fail: non-compliant and not acknowledged. */
export function failures(results: readonly CheckResult[]): CheckResult[] {
  return results.filter((r) => r.status === 'non-compliant');
}
