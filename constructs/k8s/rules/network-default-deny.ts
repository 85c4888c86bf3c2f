import { compliant, K8sObject, nonCompliant, notApplicable, RuleResult } from './types';
import { metaOf, pods } from './walk';

/** Every namespace with workloads has a default-deny NetworkPolicy: all pods, Ingress and Egress, no rules. */
export function networkDefaultDeny(objects: readonly K8sObject[]): RuleResult {
  const namespaces = [...new Set(pods(objects).map((p) => p.namespace ?? ''))];
  if (namespaces.length === 0) return notApplicable('no workloads');
  const isDeny = (o: K8sObject): boolean => {
    const s = (o.spec ?? {}) as any;
    const types: string[] = s.policyTypes ?? [];
    return (
      Object.keys(s.podSelector ?? { x: 1 }).length === 0 &&
      types.includes('Ingress') &&
      types.includes('Egress') &&
      (s.ingress ?? []).length === 0 &&
      (s.egress ?? []).length === 0
    );
  };
  const missing = namespaces.filter((ns) => !objects.some((o) => o.kind === 'NetworkPolicy' && (metaOf(o).namespace ?? '') === ns && isDeny(o)));
  return missing.length > 0
    ? nonCompliant(`no default-deny NetworkPolicy in namespace(s) ${missing.map((n) => n || '<unset>').join(', ')}`)
    : compliant('default-deny NetworkPolicy present');
}
