import type { ReportViolation, ResourceValidationArgs } from '@pulumi/policy';
import { describe, expect, it } from 'vitest';
import {
  authenticatedFrontDoor, clusterDeletionProtection, clusterNetworkPolicy, clusterPrivateNodes, clusterShieldedNodes, clusterWorkloadIdentity, GCP_POLICIES,
  gatewayTimeout, nodePoolDedicatedServiceAccount, nodePoolGkeMetadata, nodePoolGpuDriver, nodePoolSecureBoot, noSecretLiterals, noSecretVersions,
} from '../../constructs/gcp/policies/policies';
import type { CapturedResource } from '../../constructs/gcp/private/mock-run';
import { GCP_CASES, run, T, withSpec } from './fixtures';

/** Calls a policy's validateResource on captured inputs, as the policy engine would, and returns the violations. */
function violations(policy: (typeof GCP_POLICIES)[number], type: string, props: Record<string, unknown>): string[] {
  const out: string[] = [];
  const report = ((m: string) => out.push(m)) as ReportViolation;
  const args = { type, props, urn: `urn:pulumi:test::modelplane::${type}::x`, name: 'x', opts: {}, stackTags: new Map(), isType: () => false, asType: () => undefined, getConfig: () => ({}), notApplicable: () => { throw new Error('not applicable'); } } as unknown as ResourceValidationArgs;
  void (policy.validateResource as (a: ResourceValidationArgs, r: ReportViolation) => void)(args, report);
  return out;
}

const change = (r: CapturedResource, patch: (i: Record<string, unknown>) => Record<string, unknown>) => patch(structuredClone(r.inputs));

describe('policy pack on the example program', () => {
  it.each(GCP_CASES.map((c) => [c.service.name, c] as const))('%s: every resource complies with every policy', async (_, { service, placement }) => {
    const r = await run(service, placement);
    for (const res of r.resources) for (const p of GCP_POLICIES) expect(violations(p, res.type, res.inputs), `${p.name} on ${res.name}`).toEqual([]);
  });
});

describe('each policy catches its violation', () => {
  const { service, placement } = GCP_CASES[0]!;
  const base = run(service, placement);

  it('cluster hardening', async () => {
    const c = (await base).one(T.cluster, 'cluster');
    expect(violations(clusterPrivateNodes, T.cluster, change(c, (i) => ({ ...i, privateClusterConfig: { enablePrivateNodes: false } })))).toHaveLength(1);
    expect(violations(clusterWorkloadIdentity, T.cluster, change(c, (i) => ({ ...i, workloadIdentityConfig: undefined })))).toHaveLength(1);
    expect(violations(clusterShieldedNodes, T.cluster, change(c, (i) => ({ ...i, enableShieldedNodes: false })))).toHaveLength(1);
    expect(violations(clusterDeletionProtection, T.cluster, change(c, (i) => ({ ...i, deletionProtection: false })))).toHaveLength(1);
    expect(violations(clusterNetworkPolicy, T.cluster, change(c, (i) => ({ ...i, datapathProvider: 'LEGACY_DATAPATH' })))).toHaveLength(1);
    expect(violations(clusterNetworkPolicy, T.cluster, change(c, (i) => ({ ...i, datapathProvider: undefined, networkPolicy: { enabled: true } })))).toEqual([]);
  });

  it('node pool hardening', async () => {
    const p = (await base).one(T.nodePool, 'gpu-nodes');
    const node = (f: (n: Record<string, unknown>) => Record<string, unknown>) => change(p, (i) => ({ ...i, nodeConfig: f(i.nodeConfig as Record<string, unknown>) }));
    expect(violations(nodePoolGkeMetadata, T.nodePool, node((n) => ({ ...n, workloadMetadataConfig: { mode: 'GCE_METADATA' } })))).toHaveLength(1);
    expect(violations(nodePoolSecureBoot, T.nodePool, node((n) => ({ ...n, shieldedInstanceConfig: { enableSecureBoot: false } })))).toHaveLength(1);
    expect(violations(nodePoolDedicatedServiceAccount, T.nodePool, node((n) => ({ ...n, serviceAccount: undefined })))).toHaveLength(1);
    expect(violations(nodePoolDedicatedServiceAccount, T.nodePool, node((n) => ({ ...n, serviceAccount: '123456789-compute@developer.gserviceaccount.com' })))).toHaveLength(1);
    expect(violations(nodePoolGpuDriver, T.nodePool, node((n) => ({ ...n, guestAccelerators: [{ type: 'nvidia-l4', count: 1 }] })))).toHaveLength(1);
  });

  it('no plaintext secrets', () => {
    expect(violations(noSecretVersions, 'gcp:secretmanager/secretVersion:SecretVersion', { secret: 's', secretData: 'x' })).toHaveLength(1);
    expect(violations(noSecretVersions, 'gcp:secretmanager/secretVersion:SecretVersion', { secret: 's' })).toEqual([]);
    const leaked = violations(noSecretLiterals, 'kubernetes:apps/v1:Deployment', { spec: { env: [{ name: 'HF_TOKEN', value: 'hf_abcdefghijklmnopqrstuvwxyzABCDEFGH' }] } });
    expect(leaked).toHaveLength(1);
    expect(leaked[0]).not.toContain('hf_abcdef');
  });

  it('authenticated front door and load balancer timeout', async () => {
    const e = (await base).one(T.endpoints, 'endpoints');
    const doc = JSON.parse(String(e.inputs.openapiConfig));
    delete doc.paths['/{path=**}'].post.security;
    expect(violations(authenticatedFrontDoor, T.endpoints, { ...e.inputs, openapiConfig: JSON.stringify(doc) })).toEqual([expect.stringContaining('POST /{path=**}')]);
    expect(violations(authenticatedFrontDoor, T.endpoints, { ...e.inputs, openapiConfig: JSON.stringify({ ...doc, 'x-google-allow': 'all' }) }).length).toBeGreaterThan(0);
    const pol = (await base).all(T.backendPolicy)[0]!;
    expect(violations(gatewayTimeout, T.backendPolicy, { spec: { default: {} } })).toHaveLength(1);
    expect(violations(gatewayTimeout, T.backendPolicy, pol.inputs)).toEqual([]);
  });

  it('accepts a public API only with its written reason', async () => {
    const pub = withSpec(service, (s) => ({ ...s, api: { ...s.api, auth: { type: 'public', reason: 'internal benchmark endpoint behind VPN' } } }));
    const e = (await run(pub, placement)).one(T.endpoints, 'endpoints');
    expect(violations(authenticatedFrontDoor, T.endpoints, e.inputs)).toEqual([]);
    const doc = JSON.parse(String(e.inputs.openapiConfig));
    delete doc['x-modelplane-public-reason'];
    expect(violations(authenticatedFrontDoor, T.endpoints, { openapiConfig: JSON.stringify(doc) }).length).toBeGreaterThan(0);
  });
});
