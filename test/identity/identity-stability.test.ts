import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { examplePlan, examplePlatform } from '../fixtures/examples';
import { collectIdentities, Identities } from './collect';

/**
 * Identity stability: for every example, the CloudFormation logical IDs, Kubernetes object names and
 * Pulumi URNs are recorded in test/identity/example-identities.json. A change here replaces deployed
 * resources; when it is intended, review it and record it again with `npm run identities`.
 */
const RECORD = path.resolve(__dirname, 'example-identities.json');

describe('identity stability of the examples', () => {
  let current: Identities;
  const recorded = JSON.parse(fs.readFileSync(RECORD, 'utf8')) as Identities;

  it('collects the identities of every target', async () => {
    current = await collectIdentities(examplePlan(), examplePlatform().name);
    expect(Object.keys(current.aws).length).toBeGreaterThan(0);
    expect(Object.keys(current.k8s).length).toBeGreaterThan(0);
    expect(Object.keys(current.gcp).length).toBeGreaterThan(0);
  });

  for (const target of ['aws', 'k8s', 'gcp'] as const) {
    it(`${target}: no identity changed unintentionally (re-record with npm run identities after review)`, () => {
      expect(Object.keys(current[target]).sort()).toEqual(Object.keys(recorded[target]).sort());
      for (const [unit, ids] of Object.entries(recorded[target])) {
        const now = new Set(current[target][unit]);
        const removed = ids.filter((id) => !now.has(id));
        const added = (current[target][unit] ?? []).filter((id) => !ids.includes(id));
        expect({ unit, removed, added }).toEqual({ unit, removed: [], added: [] });
      }
    });
  }
});
