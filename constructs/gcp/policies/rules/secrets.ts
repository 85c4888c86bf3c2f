import type { ResourceValidationPolicy } from '@pulumi/policy';
import { looksLikeSecret } from '../../../../lib/spec/secret-detection';
import { resourceRule } from '../rule';

export const noSecretVersions = resourceRule('no-plaintext-secret-versions', 'Secret values are never program inputs: no Secret Manager versions with data.', ['gcp:secretmanager/secretVersion:SecretVersion'], (p) =>
  p.secretData !== undefined || p.secretDataWo !== undefined ? ['A SecretVersion with secretData puts the value in the program and its state: add versions in Secret Manager and reference the secret by id.'] : [],
);

/** Keys whose values are expected to look random without being secrets. */
const NOT_SECRET_KEYS = new Set(['caCertificate', 'certificate-authority-data', 'clusterCaCertificate', 'kubeconfig', 'openapiConfig', 'dashboardJson']);

/** No input of any resource looks like a credential (tokens, keys, passwords). */
export const noSecretLiterals: ResourceValidationPolicy = {
  name: 'no-secret-literals',
  description: 'No input looks like a credential (API keys, tokens, private keys).',
  enforcementLevel: 'mandatory',
  validateResource: (args, report) => {
    for (const path of secretLookingPaths(args.props, '')) report(`${path} looks like a secret value: reference it from Secret Manager instead (value not shown).`);
  },
};

export function secretLookingPaths(v: unknown, path: string): string[] {
  if (typeof v === 'string') return looksLikeSecret(v) ? [path || '(value)'] : [];
  if (Array.isArray(v)) return v.flatMap((x, i) => secretLookingPaths(x, `${path}[${i}]`));
  if (v !== null && typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>).flatMap(([k, x]) => (NOT_SECRET_KEYS.has(k) ? [] : secretLookingPaths(x, path ? `${path}.${k}` : k)));
  }
  return [];
}
