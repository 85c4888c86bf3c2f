import { secretKind } from '../../../lib/spec/secret-detection';
import { compliant, K8sObject, nonCompliant, RuleResult } from './types';
import { id, pods } from './walk';

/**
 * Secrets only as references: no `kind: Secret` carrying data or stringData, and no environment value or
 * argument that looks like a token, key or password.
 */
export function noSecretLiterals(objects: readonly K8sObject[]): RuleResult {
  const problems: string[] = [];
  for (const o of objects) {
    if (o.kind === 'Secret' && (o.data !== undefined || o.stringData !== undefined)) problems.push(`${id(o)} carries secret data`);
  }
  for (const p of pods(objects)) {
    for (const c of [...p.initContainers, ...p.containers]) {
      for (const e of c.env ?? []) {
        const kind = typeof e.value === 'string' ? secretKind(e.value) : undefined;
        if (kind) problems.push(`${p.owner} container ${c.name} env ${e.name} looks like ${kind}`);
      }
      for (const a of [...(c.args ?? []), ...(c.command ?? [])]) {
        const kind = typeof a === 'string' ? secretKind(a) : undefined;
        if (kind) problems.push(`${p.owner} container ${c.name} argument looks like ${kind}`);
      }
    }
  }
  return problems.length > 0 ? nonCompliant(problems.join('; ')) : compliant('no secret values in the manifests');
}
