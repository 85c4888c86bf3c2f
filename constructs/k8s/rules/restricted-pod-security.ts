import { compliant, K8sObject, nonCompliant, notApplicable, RuleResult } from './types';
import { pods } from './walk';

/** Pod Security "restricted" plus a read-only root filesystem (no host namespaces/paths either). */
export function restrictedPodSecurity(objects: readonly K8sObject[]): RuleResult {
  const all = pods(objects);
  if (all.length === 0) return notApplicable('no pod templates');
  const problems: string[] = [];
  for (const p of all) {
    const psc = p.spec.securityContext ?? {};
    if (p.spec.hostNetwork || p.spec.hostPID || p.spec.hostIPC) problems.push(`${p.owner}: host namespaces`);
    if ((p.spec.volumes ?? []).some((v: any) => v.hostPath)) problems.push(`${p.owner}: hostPath volume`);
    if (psc.runAsUser === 0) problems.push(`${p.owner}: pod runAsUser 0`);
    for (const c of [...p.initContainers, ...p.containers]) {
      const sc = c.securityContext ?? {};
      const where = `${p.owner} container ${c.name}`;
      if ((sc.runAsNonRoot ?? psc.runAsNonRoot) !== true) problems.push(`${where}: runAsNonRoot not true`);
      if ((sc.runAsUser ?? psc.runAsUser) === 0) problems.push(`${where}: runAsUser 0`);
      if ((sc.seccompProfile ?? psc.seccompProfile)?.type !== 'RuntimeDefault') problems.push(`${where}: seccomp not RuntimeDefault`);
      if (sc.allowPrivilegeEscalation !== false) problems.push(`${where}: allowPrivilegeEscalation not false`);
      if (sc.privileged === true) problems.push(`${where}: privileged`);
      if (!(sc.capabilities?.drop ?? []).includes('ALL')) problems.push(`${where}: capabilities not dropped (ALL)`);
      if ((sc.capabilities?.add ?? []).length > 0) problems.push(`${where}: adds capabilities`);
      if (sc.readOnlyRootFilesystem !== true) problems.push(`${where}: root filesystem writable`);
    }
  }
  return problems.length > 0 ? nonCompliant(problems.join('; ')) : compliant(`${all.length} pod template(s) meet the restricted profile`);
}
