import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gcpInventory, synthGcp } from '../../constructs/gcp';
import { isModelplaneError } from '../../lib/errors';
import { examplePlan } from '../fixtures/examples';
import { GCP_CASES, run, T } from './fixtures';

describe('component structure', () => {
  it.each(GCP_CASES.map((c) => [c.service.name, c] as const))('%s: every child is parented to the component and named <name>-<role>', async (_, { service, placement }) => {
    const r = await run(service, placement);
    const roots = r.resources.filter((x) => x.type === T.component);
    expect(roots.map((x) => x.name)).toEqual([r.name]);
    for (const x of r.resources.filter((y) => y.type !== T.component)) {
      expect(x.parent, x.name).toBe(r.name);
      expect(x.name.startsWith(`${r.name}-`), x.name).toBe(true);
    }
  });

  it('pins the names of the main children (renaming one replaces a resource)', async () => {
    const { service, placement } = GCP_CASES[0]!;
    const r = await run(service, placement);
    for (const [type, role] of [[T.cluster, 'cluster'], [T.nodePool, 'gpu-nodes'], [T.nodePool, 'system-nodes'], [T.account, 'workload-sa'], [T.endpoints, 'endpoints'], [T.provider, 'k8s']] as const) {
      expect(() => r.one(type, role)).not.toThrow();
    }
  });

  it('defaults to the first GCP placement', async () => {
    const { service, placement } = GCP_CASES[0]!;
    const r = await run(service, undefined);
    expect(r.one(T.nodePool, 'gpu-nodes').inputs.nodeLocations).toEqual(placement.zones);
  });

  it('fails before creating anything for a service without a GCP placement', async () => {
    const aws = examplePlan().services.find((s) => s.placements.every((p) => p.cloud !== 'gcp'))!;
    let error: unknown;
    await run(aws, undefined).catch((e: unknown) => (error = e));
    expect(isModelplaneError(error)).toBe(true);
    expect(String(error)).toMatch(/has no GCP placement/);
  });
});

describe('synthGcp', () => {
  it('gives the same inventory for the same plan', async () => {
    const { service, placement } = GCP_CASES[0]!;
    const a = JSON.stringify(await gcpInventory(service, placement));
    const b = JSON.stringify(await gcpInventory(service, placement));
    expect(a).toBe(b);
  });

  it('writes one inventory per GCP placement, byte-identical across runs, without secret values', async () => {
    const dirs = [fs.mkdtempSync(path.join(os.tmpdir(), 'mp-gcp-')), fs.mkdtempSync(path.join(os.tmpdir(), 'mp-gcp-'))];
    const [first, second] = [await synthGcp(examplePlan(), dirs[0]!), await synthGcp(examplePlan(), dirs[1]!)];
    expect(first.files.map((f) => path.basename(f))).toEqual(GCP_CASES.map((c) => `${c.service.name}-${c.placement.id}.json`));
    for (const [i, f] of first.files.entries()) {
      const text = fs.readFileSync(f, 'utf8');
      expect(text).toBe(fs.readFileSync(second.files[i]!, 'utf8'));
      const inv = JSON.parse(text);
      expect(inv.resources.length).toBe(inv.resourceCount);
      expect(inv.resources.every((r: { type: string; name: string; parent: string | null }) => typeof r.type === 'string' && typeof r.name === 'string')).toBe(true);
      expect(text).not.toMatch(/secretData|BEGIN [A-Z ]*PRIVATE KEY|hf_[A-Za-z0-9]{20,}/);
    }
  });
});
