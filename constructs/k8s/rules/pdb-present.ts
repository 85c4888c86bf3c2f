import { compliant, K8sObject, nonCompliant, notApplicable, RuleResult } from './types';
import { metaOf, pods, selects } from './walk';

/** Every long-running workload is covered by a PodDisruptionBudget in its namespace. */
export function pdbPresent(objects: readonly K8sObject[]): RuleResult {
  const workloads = pods(objects).filter((p) => !p.owner.startsWith('Job/') && !p.owner.startsWith('Pod/'));
  if (workloads.length === 0) return notApplicable('no workloads');
  const pdbs = objects.filter((o) => o.kind === 'PodDisruptionBudget');
  const missing = workloads.filter(
    (w) => !pdbs.some((b) => metaOf(b).namespace === w.namespace && selects((b.spec as any)?.selector, w.labels)),
  );
  return missing.length > 0
    ? nonCompliant(`no PodDisruptionBudget selects ${missing.map((w) => w.owner).join(', ')}`)
    : compliant(`${workloads.length} workload(s) covered by a PodDisruptionBudget`);
}
