import { compliant, K8sObject, nonCompliant, notApplicable, RuleResult } from './types';
import { metaOf } from './walk';

/** A workload owned by an autoscaler (KEDA ScaledObject or HPA) leaves `replicas` out. */
export function noReplicasWhenAutoscaled(objects: readonly K8sObject[]): RuleResult {
  const scalers = objects.filter((o) => o.kind === 'ScaledObject' || o.kind === 'HorizontalPodAutoscaler');
  if (scalers.length === 0) return notApplicable('no autoscaler');
  const problems: string[] = [];
  for (const s of scalers) {
    const ref = (s.spec as any)?.scaleTargetRef ?? {};
    const kind = ref.kind ?? 'Deployment';
    const target = objects.find((o) => o.kind === kind && metaOf(o).name === ref.name && metaOf(o).namespace === metaOf(s).namespace);
    if (!target) problems.push(`${String(s.kind)}/${metaOf(s).name} targets ${kind}/${ref.name}, which is not in the manifests`);
    else if ((target.spec as any)?.replicas !== undefined) problems.push(`${kind}/${ref.name} sets replicas although ${String(s.kind)}/${metaOf(s).name} owns them`);
  }
  return problems.length > 0 ? nonCompliant(problems.join('; ')) : compliant('autoscaled workloads leave replicas to the autoscaler');
}
