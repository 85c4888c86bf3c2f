import { compliant, K8sObject, nonCompliant, notApplicable, RuleResult } from './types';
import { pods } from './walk';

const REQUIRED = ['cpu', 'memory', 'ephemeral-storage'] as const;

/**
 * Every container requests and limits cpu, memory and ephemeral storage; pods that tolerate the NVIDIA
 * taint limit `nvidia.com/gpu` on their serving container (requests, when given, equal the limit).
 */
export function resourcesSet(objects: readonly K8sObject[]): RuleResult {
  const all = pods(objects);
  if (all.length === 0) return notApplicable('no pod templates');
  const problems: string[] = [];
  for (const p of all) {
    for (const c of [...p.initContainers, ...p.containers]) {
      for (const r of REQUIRED) {
        if (c.resources?.requests?.[r] === undefined) problems.push(`${p.owner} container ${c.name}: no ${r} request`);
        if (c.resources?.limits?.[r] === undefined) problems.push(`${p.owner} container ${c.name}: no ${r} limit`);
      }
    }
    const gpuPod = (p.spec.tolerations ?? []).some((t: any) => t.key === 'nvidia.com/gpu');
    if (gpuPod) {
      const main = p.containers[0] ?? {};
      const limit = main.resources?.limits?.['nvidia.com/gpu'];
      const request = main.resources?.requests?.['nvidia.com/gpu'];
      if (limit === undefined || Number(limit) < 1) problems.push(`${p.owner}: GPU pod without a nvidia.com/gpu limit`);
      else if (request !== undefined && String(request) !== String(limit)) problems.push(`${p.owner}: nvidia.com/gpu request differs from limit`);
    }
  }
  return problems.length > 0 ? nonCompliant(problems.join('; ')) : compliant('requests and limits set (GPU included)');
}
