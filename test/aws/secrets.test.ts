import { beforeAll, describe, expect, it } from 'vitest';
import { Template } from 'aws-cdk-lib/assertions';
import { isModelplaneError } from '../../lib/errors';
import { looksLikeSecret } from '../../lib/spec';
import type { ServiceSpecInput } from '../../lib/spec';
import { awsService, planOf, serviceTemplate } from './fixtures';

/** Secret-shaped canaries (well-known token shapes and a high-entropy one). */
const CANARIES = [
  'hf_Zq8xW2mN4bV6cX1zL9kJ7hG5fD3sA0pQwErT',
  'sk-proj-Abc123Def456Ghi789Jkl012Mno345',
  'AKIAZ7QWERTYUIOP1234',
  'ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5',
  'Xk9pQ2mZ7vR4tL8wN3bH6cJ1fD5gS0aYqWeRtYuI',
];

/** Strings of a template, without CloudFormation logical ids (which are long mixed-case tokens by design). */
function templateStrings(json: { Resources: Record<string, unknown>; Conditions?: Record<string, unknown> }): string[] {
  const ids = new Set([...Object.keys(json.Resources), ...Object.keys(json.Conditions ?? {})]);
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      let s = v;
      for (const id of ids) if (s.includes(id)) s = s.split(id).join('<id>');
      out.push(s);
      // Manifests and Helm values are JSON inside strings: scan their strings too.
      if (/^[[{]/.test(v)) {
        try {
          walk(JSON.parse(v));
        } catch {
          /* not JSON */
        }
      }
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(json);
  return out;
}

describe('secrets by reference', () => {
  let json: { Resources: Record<string, any> };
  let template: Template;
  beforeAll(() => {
    const plan = planOf([
      awsService({
        name: 'with-secrets',
        secrets: [
          { name: 'hf-token', from: 'canary/hf-token', env: 'HF_TOKEN' },
          { name: 'upstream', from: 'canary/upstream-api', key: 'token', env: 'UPSTREAM_TOKEN' },
        ],
      }),
    ]);
    template = serviceTemplate(plan.services[0]!).template;
    json = template.toJSON() as { Resources: Record<string, any> };
  });

  it('creates no secret and writes no secret value', () => {
    template.resourceCountIs('AWS::SecretsManager::Secret', 0);
    const text = JSON.stringify(json);
    expect(text).not.toMatch(/SecretString|GenerateSecretString|SecretStringTemplate/);
  });

  it('grants the workload role read on exactly the referenced secrets (name-?????? ARNs), nothing else', () => {
    const policies = Object.values(json.Resources).filter((r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r).includes('secretsmanager:'));
    expect(policies).toHaveLength(1);
    const statements = policies[0].Properties.PolicyDocument.Statement.filter((s: any) => JSON.stringify(s).includes('secretsmanager:'));
    expect(statements).toHaveLength(1);
    expect([...statements[0].Action].sort()).toEqual(['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue']);
    const resources = JSON.stringify(statements[0].Resource);
    expect(resources).toContain(':secret:canary/hf-token-??????');
    expect(resources).toContain(':secret:canary/upstream-api-??????');
    expect(statements[0].Resource).toHaveLength(2);
    // The role is IRSA for exactly the service's ServiceAccount.
    expect(JSON.stringify(json)).toContain('system:serviceaccount:with-secrets:with-secrets');
  });

  it('names of referenced secrets appear only as IAM ARNs and ExternalSecret keys', () => {
    const hits = templateStrings(json).filter((s) => s.includes('canary/'));
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) {
      const ok = /^canary\/[a-z-]+$/.test(h) || /^-\?{6}$/.test(h) || h.includes('-??????') || h.includes('"remoteRef"') || h.includes('ExternalSecret');
      expect({ h: h.slice(0, 120), ok }).toEqual({ h: h.slice(0, 120), ok: true });
    }
  });

  it('no string of the template looks like a secret', () => {
    // AWS-managed policy ARNs (e.g. AmazonEC2ContainerRegistryReadOnly) are long mixed-case names, not secrets.
    const suspicious = templateStrings(json).filter((s) => looksLikeSecret(s.replace(/:iam::aws:policy\/[A-Za-z0-9_/-]+/g, ':iam::aws:policy/<managed>')));
    expect(suspicious.map((s) => s.slice(0, 80))).toEqual([]);
  });
});

describe('canary secret values through every string field of the spec', () => {
  const base = (name: string): ServiceSpecInput => awsService({ name });
  const custom = (name: string, extra: Record<string, unknown>): ServiceSpecInput =>
    awsService({ name, model: { source: 'image://', parametersBillions: 0.3, contextTokens: 512 }, runtime: { engine: 'custom', image: 'ghcr.io/example/server:1.0.0', port: 8080, ...extra } as never, resources: { gpu: { type: 'L4', count: 1 } } as never });
  const cases: Array<[string, (c: string) => ServiceSpecInput]> = [
    ['runtime.env', (c) => ({ ...base('canary-env'), runtime: { engine: 'vllm', env: { TOKEN: c } } })],
    ['runtime.args', (c) => ({ ...base('canary-args'), runtime: { engine: 'vllm', args: ['--api-key', c] } })],
    ['model.source', (c) => ({ ...base('canary-source'), model: { source: `hf://org/model@${c}`, parametersBillions: 7, contextTokens: 4096 } })],
    ['secrets.from', (c) => ({ ...base('canary-from'), secrets: [{ name: 'x', from: c, env: 'X' }] })],
    ['api.auth.reason', (c) => ({ ...base('canary-reason'), api: { auth: { type: 'public', reason: `reviewed ${c}` } } })],
    ['runtime.command (custom)', (c) => custom('canary-command', { command: ['serve', `--token=${c}`] })],
  ];

  it.each(cases)('%s: refused by the spec or by the AWS target, never written to the template', (_field, make) => {
    for (const canary of CANARIES) {
      let text = '';
      try {
        const plan = planOf([make(canary)]);
        text = JSON.stringify(serviceTemplate(plan.services[0]!).template.toJSON());
      } catch (e) {
        if (isModelplaneError(e)) continue; // refused with a stable code, before any template exists
        throw e;
      }
      expect(text.includes(canary)).toBe(false);
    }
  });
});
