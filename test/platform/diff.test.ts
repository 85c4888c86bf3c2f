import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../bin/cli';
import { diffPlans, formatDiff, requestIncompatibilities, responseIncompatibilities } from '../../lib/diff';
import { planPlatform } from '../../lib/plan';
import { parsePlatform, PlatformSpecInput, ServiceSpecInput } from '../../lib/spec';

/** `modelplane diff OLD NEW`: what changes per target, breaking API changes and replacements flagged. */
const base: ServiceSpecInput = {
  name: 'chat',
  model: { source: 'hf://meta-llama/Llama-3.1-8B-Instruct', contextTokens: 4096 },
  autoscaling: { target: { metric: 'concurrency', value: 2 } },
  api: {
    path: '/chat',
    requestSchema: { type: 'object', required: ['messages'], properties: { messages: { type: 'array', items: { type: 'object' } }, temperature: { type: 'number' } } },
    responseSchema: { type: 'object', required: ['id', 'choices'], properties: { id: { type: 'string' }, choices: { type: 'array' } } },
  },
  secrets: [{ name: 'hf-token', from: 'prod/hf-token', env: 'HF_TOKEN' }],
  placement: { clouds: ['gcp', 'aws'], regions: ['us-central1', 'us-east4', 'us-east-1'], strategy: 'failover' },
};

function platform(change: (s: Record<string, any>) => void = () => undefined): PlatformSpecInput {
  const s = structuredClone(base) as Record<string, any>;
  change(s);
  return { name: 'p', services: [s as ServiceSpecInput] };
}
const plan = (p: PlatformSpecInput) => planPlatform(parsePlatform(p));
const diff = (a: PlatformSpecInput, b: PlatformSpecInput) => diffPlans(plan(a), plan(b));

describe('diffPlans', () => {
  it('reports nothing for the same declaration', () => {
    const r = diff(platform(), platform());
    expect(r.changes).toEqual([]);
    expect(r.blocked).toBe(false);
    expect(formatDiff(r)).toBe('no changes');
  });

  it('a changed model or runtime is a rolling update of the workload, not breaking', () => {
    const r = diff(platform(), platform((s) => (s.model.contextTokens = 8192)));
    expect(r.changes.map((c) => [c.target, c.kind, c.field])).toContainEqual(['k8s', 'update', 'model.contextTokens']);
    expect(r.blocked).toBe(false);
  });

  it.each([
    ['api.path', (s: Record<string, any>) => (s.api.path = '/v2/chat')],
    ['api.auth', (s: Record<string, any>) => (s.api.auth = { type: 'iam' })],
    ['api.streaming', (s: Record<string, any>) => (s.api.streaming = false)],
    ['api.maxRequestSeconds', (s: Record<string, any>) => (s.api.maxRequestSeconds = 60)],
  ])('flags a breaking API change: %s', (field, change) => {
    const r = diff(platform(), platform(change));
    expect(r.breaking.map((c) => c.field)).toContain(field);
    expect(r.breaking.every((c) => c.kind !== 'update')).toBe(true);
    expect(r.blocked).toBe(true);
  });

  it('checks the declared request and response schemas for compatibility', () => {
    const stricter = diff(platform(), platform((s) => s.api.requestSchema.required.push('model')));
    expect(stricter.breaking.map((c) => c.field)).toContain('api.requestSchema.properties.model');
    const lessOut = diff(platform(), platform((s) => (s.api.responseSchema.required = ['id'])));
    expect(lessOut.breaking.map((c) => c.message)).toContain('response is no longer guaranteed in responses');
    const compatible = diff(platform(), platform((s) => (s.api.requestSchema.properties.top_p = { type: 'number' })));
    expect(compatible.breaking).toEqual([]);
  });

  it('flags replacement of capacity when the GPU node pool changes', () => {
    const r = diff(platform(), platform((s) => (s.resources = { gpu: { type: 'L4', count: 2 } })));
    const capacity = r.breaking.filter((c) => c.kind === 'replaces-capacity');
    expect(capacity.length).toBeGreaterThan(0);
    expect(capacity.map((c) => c.target).sort()).toEqual(['aws', 'gcp']);
  });

  it('flags a moved placement as replacing that cloud’s capacity', () => {
    const r = diff(platform(), platform((s) => (s.placement.regions = ['us-central1', 'us-east4', 'us-west-2'])));
    expect(r.breaking.some((c) => c.kind === 'replaces-capacity' && c.field.startsWith('placement aws-us-east-1'))).toBe(true);
  });

  it('flags replacement of stateful bindings: a secret reference or the model cache', () => {
    const secret = diff(platform(), platform((s) => (s.secrets[0].from = 'prod/hf-token-2')));
    expect(secret.breaking.map((c) => [c.kind, c.field])).toContainEqual(['replaces-stateful', 'secrets.hf-token.from']);
    const cache = diff(platform(), platform((s) => (s.resources = { ephemeralStorageGiB: 200 })));
    expect(cache.breaking.map((c) => [c.kind, c.field])).toContainEqual(['replaces-stateful', 'model cache']);
  });

  it('a removed service is breaking; an added one is not', () => {
    const two = platform();
    two.services = [...two.services, { ...(base as object), name: 'other' } as ServiceSpecInput];
    expect(diff(two, platform()).breaking.map((c) => [c.service, c.field])).toContainEqual(['other', 'services']);
    expect(diff(platform(), two).blocked).toBe(false);
  });

  it('accepts breaking changes the new spec acknowledges with a reason', () => {
    const r = diff(platform(), platform((s) => {
      s.api.path = '/v2/chat';
      s.allowBreakingChanges = { reason: 'v2 path announced to all clients in March' };
    }));
    expect(r.breaking.length).toBeGreaterThan(0);
    expect(r.allowed.map((c) => c.reason)).toContain('v2 path announced to all clients in March');
    expect(r.blocked).toBe(false);
  });
});

describe('JSON Schema compatibility rules', () => {
  it('requests: removing an accepted type or enum value breaks callers; widening does not', () => {
    expect(requestIncompatibilities({ type: 'string', enum: ['a', 'b'] }, { type: 'string', enum: ['a'] })).toHaveLength(1);
    expect(requestIncompatibilities({ type: 'string', enum: ['a'] }, { type: 'string', enum: ['a', 'b'] })).toEqual([]);
    expect(requestIncompatibilities({ type: 'integer' }, { type: 'number' })).toEqual([]);
    expect(requestIncompatibilities({ type: ['string', 'null'] }, { type: 'string' })).toHaveLength(1);
  });
  it('responses: returning a new type or enum value breaks readers', () => {
    expect(responseIncompatibilities({ type: 'string' }, { type: ['string', 'null'] })).toHaveLength(1);
    expect(responseIncompatibilities({ type: 'string', enum: ['stop'] }, { type: 'string', enum: ['stop', 'length'] })).toHaveLength(1);
  });
});

describe('modelplane diff (CLI)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-diff-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, p: PlatformSpecInput) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, stringify(p));
    return file;
  };
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), progress: () => undefined }, out, err };
  };

  it('exits 0 without breaking changes, 1 with unacknowledged ones, 0 once acknowledged', async () => {
    const old = write('old.yaml', platform());
    const same = io();
    expect(await main(['diff', old, write('same.yaml', platform())], same.io)).toBe(0);
    const broken = io();
    expect(await main(['diff', old, write('new.yaml', platform((s) => (s.api.path = '/v2')))], broken.io)).toBe(1);
    expect(broken.out.join('\n')).toContain('✗ BREAKING [api] api.path (/chat → /v2)');
    const allowed = io();
    const acked = write('acked.yaml', platform((s) => {
      s.api.path = '/v2';
      s.allowBreakingChanges = { reason: 'announced deprecation of /chat' };
    }));
    expect(await main(['diff', old, acked], allowed.io)).toBe(0);
    expect(allowed.out.join('\n')).toContain('! (allowed)');
    const json = io();
    await main(['diff', old, acked, '--json'], json.io);
    expect(JSON.parse(json.out.join('\n')).blocked).toBe(false);
  });

  it('answers an invalid declaration with the validation error (exit 1) and a missing file with exit 2', async () => {
    const bad = io();
    expect(await main(['diff', write('a.yaml', platform()), write('b.yaml', { name: 'p', services: [{ name: 'BAD' } as never] })], bad.io)).toBe(1);
    expect(bad.err.join('\n')).toMatch(/MP_[A-Z_]+/);
    const missing = io();
    expect(await main(['diff', path.join(dir, 'nope.yaml'), path.join(dir, 'nope2.yaml')], missing.io)).toBe(2);
  });
});
