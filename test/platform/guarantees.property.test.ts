import { parse as parseYamlAll } from 'yaml';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isModelplaneError } from '../../lib/errors';
import { planPlatform, Plan } from '../../lib/plan';
import { parsePlatform, PlatformSpecInput, secretKind } from '../../lib/spec';
import { checkManifests, failures } from '../../constructs/k8s/rules';
import { CANARIES, CANARY_SPOTS, platformArb } from './arbitraries';
import { synthAll } from './synth-all';
import { schemaError } from '../k8s/schema';

/**
 * Guarantees across targets, over generated valid platforms: every target synthesizes; Kubernetes output is
 * schema-valid and passes the rule set; no secret-like value given anywhere in the spec reaches any output;
 * the same input gives byte-identical output. (cdk-nag runs inside synthAws: an unacknowledged finding
 * fails the synthesis, so "every target synthesizes" includes "cdk-nag clean".)
 */
function planOrSkip(input: PlatformSpecInput): Plan | undefined {
  try {
    return planPlatform(parsePlatform(input));
  } catch (e) {
    if (isModelplaneError(e) && e.problems.every((p) => p.code === 'MP_NO_FEASIBLE_PLACEMENT' || p.code === 'MP_STRATEGY_UNSATISFIABLE')) return undefined;
    throw e;
  }
}

function yamlDocs(text: string): Record<string, unknown>[] {
  return text
    .split(/^---$/m)
    .map((d) => d.trim())
    .filter((d) => d !== '')
    .map((d) => parseYamlAll(d) as Record<string, unknown>);
}

/** Every string in an output that looks like a secret (tokens, keys), with where it was found. */
function secretLikeStrings(files: Map<string, string>): string[] {
  const found: string[] = [];
  for (const [file, text] of files) {
    for (const token of text.split(/[\s"',;:{}\[\]()=]+/)) {
      // Generated output is full of hashes and logical IDs: look for the well-known token shapes there.
      const kind = token.length >= 16 ? secretKind(token, { highEntropy: false }) : undefined;
      if (kind) found.push(`${file}: ${token.slice(0, 12)}… (${kind})`);
    }
  }
  return found;
}

function onAws(input: PlatformSpecInput): PlatformSpecInput {
  return { ...input, services: input.services.map((s) => ({ ...s, placement: { ...s.placement, clouds: ['aws'], strategy: 'cheapest' } })) };
}

describe('guarantees across targets (generated platforms)', () => {
  it('Kubernetes and GCP: synthesize, schema-valid, rule-clean, secret-free, byte-identical', async () => {
    await fc.assert(
      fc.asyncProperty(platformArb(2), async (input) => {
        const plan = planOrSkip(input);
        if (plan === undefined) return;
        const first = await synthAll(plan, ['k8s', 'gcp']);
        const second = await synthAll(planPlatform(parsePlatform(input)), ['k8s', 'gcp']);
        expect([...second.entries()]).toEqual([...first.entries()]);
        for (const [file, text] of first) {
          if (!file.endsWith('.yaml')) continue;
          const docs = yamlDocs(text);
          for (const doc of docs) expect(await schemaError(doc), `${file} ${String(doc.kind)}`).toBeUndefined();
          expect(failures(checkManifests(docs as never)).map((r) => r.message)).toEqual([]);
        }
        expect(secretLikeStrings(first)).toEqual([]);
      }),
      { numRuns: Number(process.env.FC_RUNS_K8S ?? 12), seed: Number(process.env.FC_SEED ?? 424242) },
    );
  });

  it('AWS: synthesizes cdk-nag clean, secret-free and byte-identical', async () => {
    await fc.assert(
      // Every generated service is placed on AWS, so each run exercises the AWS target.
      fc.asyncProperty(platformArb(1).map(onAws), async (input) => {
        const plan = planOrSkip(input);
        if (plan === undefined) return;
        const first = await synthAll(plan, ['aws']);
        const second = await synthAll(plan, ['aws']);
        expect([...second.entries()]).toEqual([...first.entries()]);
        expect(first.size).toBeGreaterThan(0);
        expect(secretLikeStrings(first)).toEqual([]);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 3), seed: Number(process.env.FC_SEED ?? 777) },
    );
  });

  it('a secret-like value planted anywhere is refused, or never reaches any output', async () => {
    await fc.assert(
      fc.asyncProperty(platformArb(1), fc.constantFrom(...CANARIES), fc.integer({ min: 0, max: CANARY_SPOTS.length - 1 }), async (input, canary, spot) => {
        const planted = structuredClone(input) as { services: Record<string, unknown>[] };
        CANARY_SPOTS[spot]?.(planted.services[0] as Record<string, unknown>, canary);
        let plan: Plan | undefined;
        try {
          plan = planOrSkip(planted as PlatformSpecInput);
        } catch (e) {
          expect(isModelplaneError(e)).toBe(true);
          expect((e as Error).message).not.toContain(canary);
          return;
        }
        if (plan === undefined) return;
        const outputs = await synthAll(plan, ['k8s', 'gcp']);
        for (const [file, text] of outputs) expect(text.includes(canary), file).toBe(false);
      }),
      { numRuns: 25, seed: 99 },
    );
  });
});
