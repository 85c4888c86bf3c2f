import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SynthesizedApp, synthExample, synthPlan } from './fixtures';
import { examplePlan } from '../fixtures/examples';

/** Stateful resource types: their data outlives the stack. */
const STATEFUL = ['AWS::Logs::LogGroup', 'AWS::KMS::Key', 'AWS::SecretsManager::Secret'];

let synth: SynthesizedApp;
beforeAll(() => {
  synth = synthExample();
});

describe('logical ids are public contract', () => {
  it('match the pinned list for the example (renaming one replaces a resource: update deliberately)', () => {
    const pinned = JSON.parse(fs.readFileSync(path.join(__dirname, 'logical-ids.json'), 'utf8')) as Record<string, string[]>;
    const actual = Object.fromEntries(synth.stacks.map((s) => [s.name, Object.entries(s.json.Resources).map(([id, r]) => `${id} ${r.Type}`).sort()]));
    expect(actual).toEqual(pinned);
  });

  it('synthesis is deterministic: the same plan gives byte-identical templates', () => {
    const again = synthPlan(examplePlan());
    for (const [i, s] of synth.stacks.entries()) expect(fs.readFileSync(again.stacks[i]!.file, 'utf8')).toBe(fs.readFileSync(s.file, 'utf8'));
  });
});

describe('stateful resources are retained', () => {
  it('log groups and KMS keys carry DeletionPolicy and UpdateReplacePolicy Retain', () => {
    let count = 0;
    for (const s of synth.stacks) {
      for (const [id, r] of Object.entries(s.json.Resources)) {
        if (!STATEFUL.includes(r.Type)) continue;
        count++;
        expect({ id, deletion: r.DeletionPolicy, replace: r.UpdateReplacePolicy }).toEqual({ id, deletion: 'Retain', replace: 'Retain' });
      }
    }
    expect(count).toBeGreaterThanOrEqual(2 * 5);
  });

  it('every log group modelplane writes is encrypted with the service key and kept a year', () => {
    for (const s of synth.stacks) {
      for (const [id, r] of Object.entries(s.json.Resources)) {
        // The kubectl provider's Lambda log groups are aws-cdk-lib's (retained, 2 years, service-encrypted).
        if (r.Type !== 'AWS::Logs::LogGroup' || id.includes('KubectlProvider')) continue;
        expect(r.Properties?.KmsKeyId).toBeDefined();
        expect(r.Properties?.RetentionInDays).toBe(365);
      }
    }
  });
});
