import { compliant, K8sObject, nonCompliant, notApplicable, RuleResult } from './types';
import { pods } from './walk';

const key = (p: any) => JSON.stringify([p?.httpGet?.path, p?.periodSeconds, p?.failureThreshold, p?.timeoutSeconds]);

/**
 * Serving containers have startup, readiness and liveness probes; readiness and liveness differ (path or
 * timing); the startup budget (period × failureThreshold) covers the annotated model load time.
 */
export function probesPresent(objects: readonly K8sObject[]): RuleResult {
  const all = pods(objects);
  if (all.length === 0) return notApplicable('no pod templates');
  const problems: string[] = [];
  for (const p of all) {
    const load = Number(p.annotations['modelplane.io/model-load-seconds'] ?? 0);
    for (const c of p.containers) {
      const where = `${p.owner} container ${c.name}`;
      const { startupProbe: s, readinessProbe: r, livenessProbe: l } = c;
      if (!s || !r || !l) {
        problems.push(`${where}: missing ${[!s && 'startupProbe', !r && 'readinessProbe', !l && 'livenessProbe'].filter(Boolean).join(', ')}`);
        continue;
      }
      if (key(r) === key(l)) problems.push(`${where}: readiness and liveness probes are identical`);
      const budget = (s.periodSeconds ?? 10) * (s.failureThreshold ?? 3) + (s.initialDelaySeconds ?? 0);
      if (budget < load) problems.push(`${where}: startup budget ${budget}s is below the model load time ${load}s`);
    }
  }
  return problems.length > 0 ? nonCompliant(problems.join('; ')) : compliant('startup, readiness and liveness probes present and distinct');
}
