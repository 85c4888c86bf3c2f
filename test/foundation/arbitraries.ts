/**
 * fast-check generators of valid service specs over the bundled catalog, shared by the property tests.
 * Every generated spec passes validation (regions come from the catalog, GPU types run the precision, kvHeads
 * divide attentionHeads); whether it can be placed is for the planner to say.
 */
import fc from 'fast-check';
import { BUNDLED_CATALOG } from '../../lib/catalog/bundled';
import type { ServiceSpecInput } from '../../lib/spec';

export const PRECISION_LIST = ['bf16', 'fp16', 'fp8', 'int8', 'int4'] as const;
export type PrecisionName = (typeof PRECISION_LIST)[number];

/**
 * Precisions each GPU runs natively, written out from the issue (no bf16/fp8 on T4; no fp8 on A10G/A100),
 * independently of lib/catalog/gpu-types.ts.
 */
export const RUNS: Readonly<Record<string, readonly PrecisionName[]>> = {
  T4: ['fp16', 'int8', 'int4'],
  A10G: ['bf16', 'fp16', 'int8', 'int4'],
  'A100-40GB': ['bf16', 'fp16', 'int8', 'int4'],
  'A100-80GB': ['bf16', 'fp16', 'int8', 'int4'],
  L4: PRECISION_LIST,
  L40S: PRECISION_LIST,
  H100: PRECISION_LIST,
  'H100-MEGA': PRECISION_LIST,
  H200: PRECISION_LIST,
  B200: PRECISION_LIST,
};

/** Architecture facts of the known models (shared/reference/models.csv and the models' config.json). */
export const KNOWN: ReadonlyArray<{ source: string; billions: number; layers: number; heads: number; kvHeads: number; headDim: number }> = [
  { source: 'hf://meta-llama/Llama-3.1-8B-Instruct', billions: 8.03, layers: 32, heads: 32, kvHeads: 8, headDim: 128 },
  { source: 'hf://mistralai/Mistral-7B-Instruct-v0.3', billions: 7.25, layers: 32, heads: 32, kvHeads: 8, headDim: 128 },
  { source: 'hf://mistralai/Mixtral-8x7B-Instruct-v0.1', billions: 46.7, layers: 32, heads: 32, kvHeads: 8, headDim: 128 },
  { source: 'hf://meta-llama/Llama-3.1-70B-Instruct', billions: 70.6, layers: 80, heads: 64, kvHeads: 8, headDim: 128 },
  { source: 'hf://Qwen/Qwen2.5-72B-Instruct', billions: 72.7, layers: 80, heads: 64, kvHeads: 8, headDim: 128 },
  { source: 'hf://meta-llama/Llama-3.1-405B-Instruct', billions: 405.9, layers: 126, heads: 128, kvHeads: 8, headDim: 128 },
];

const CLOUD_REGIONS: Record<'aws' | 'gcp', string[]> = {
  aws: [...new Set(BUNDLED_CATALOG.offerings.filter((o) => o.cloud === 'aws').map((o) => o.region))].sort(),
  gcp: [...new Set(BUNDLED_CATALOG.offerings.filter((o) => o.cloud === 'gcp').map((o) => o.region))].sort(),
};
const GPU_NAMES = [...new Set(BUNDLED_CATALOG.offerings.map((o) => o.gpuType))].sort();

const divisors = (n: number) => Array.from({ length: n }, (_, i) => i + 1).filter((d) => n % d === 0);

const modelArb = fc.oneof(
  // A model modelplane knows: no numbers needed.
  fc.constantFrom(...KNOWN).map((k) => ({ source: k.source })),
  // A private model with its architecture.
  fc
    .record({
      billions: fc.double({ min: 0.05, max: 800, noNaN: true }),
      layers: fc.integer({ min: 1, max: 160 }),
      heads: fc.constantFrom(1, 6, 7, 8, 12, 16, 20, 24, 28, 32, 40, 48, 64, 96, 128),
      headDim: fc.constantFrom(64, 80, 96, 128, 256),
      kvPick: fc.nat(),
    })
    .map(({ billions, layers, heads, headDim, kvPick }) => {
      const ds = divisors(heads);
      return { source: 's3://my-models/private', parametersBillions: billions, architecture: { layers, attentionHeads: heads, kvHeads: ds[kvPick % ds.length]!, headDim } };
    }),
  // A private model without architecture: sized by the conservative estimate.
  fc.double({ min: 0.05, max: 800, noNaN: true }).map((billions) => ({ source: 'gs://my-models/other', parametersBillions: billions })),
);

function gpuArb(precision: PrecisionName) {
  const usable = GPU_NAMES.filter((t) => RUNS[t]!.includes(precision));
  return fc.oneof(
    fc.constant('auto' as const),
    fc.record({ type: fc.constantFrom(...usable), count: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }) }).map((g) => (g.count === undefined ? { type: g.type } : g)),
    fc.uniqueArray(fc.constantFrom(...usable), { minLength: 1, maxLength: usable.length }).map((anyOf) => ({ anyOf })),
  );
}

const placementArb = (strategies: ReadonlyArray<'cheapest' | 'failover' | 'spread'>) =>
  fc
    .record({
      clouds: fc.uniqueArray(fc.constantFrom('aws' as const, 'gcp' as const), { minLength: 1, maxLength: 2 }),
      regionPick: fc.option(fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), { nil: undefined }),
      strategy: fc.constantFrom(...strategies),
      spreadCount: fc.option(fc.integer({ min: 2, max: 4 }), { nil: undefined }),
      spot: fc.constantFrom('never' as const, 'allowed' as const),
    })
    .map(({ clouds, regionPick, strategy, spreadCount, spot }) => {
      const offered = clouds.flatMap((c) => CLOUD_REGIONS[c]);
      const regions = regionPick === undefined ? undefined : [...new Set(regionPick.map((i) => offered[i % offered.length]!))];
      return {
        clouds,
        ...(regions ? { regions } : {}),
        strategy,
        ...(strategy === 'spread' && spreadCount !== undefined ? { spreadCount } : {}),
        spot,
      };
    });

/** A valid service spec (plain input) over the bundled catalog, with the given strategies. */
export function validServiceArb(strategies: ReadonlyArray<'cheapest' | 'failover' | 'spread'> = ['cheapest']): fc.Arbitrary<ServiceSpecInput> {
  return fc
    .record({
      model: modelArb,
      precision: fc.constantFrom(...PRECISION_LIST),
      contextTokens: fc.oneof(fc.constantFrom(512, 2048, 4096, 8192, 32768, 131072), fc.integer({ min: 128, max: 262_144 })),
      target: fc.oneof(
        fc.record({ metric: fc.constant('concurrency' as const), value: fc.integer({ min: 1, max: 64 }) }),
        fc.record({ metric: fc.constant('queueDepth' as const), value: fc.integer({ min: 1, max: 100 }) }),
      ),
      replicas: fc.tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 10 })),
      utilization: fc.option(fc.double({ min: 0.5, max: 0.98, noNaN: true }), { nil: undefined }),
      cpu: fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }),
      memoryGiB: fc.option(fc.integer({ min: 1, max: 2048 }), { nil: undefined }),
      placement: placementArb(strategies),
    })
    .chain((r) =>
      gpuArb(r.precision).map(
        (gpu): ServiceSpecInput => ({
          name: 'svc',
          model: { ...r.model, precision: r.precision, contextTokens: r.contextTokens },
          runtime: r.utilization === undefined ? { engine: 'vllm' } : { engine: 'vllm', gpuMemoryUtilization: r.utilization },
          resources: { gpu, ...(r.cpu === undefined ? {} : { cpu: r.cpu }), ...(r.memoryGiB === undefined ? {} : { memoryGiB: r.memoryGiB }) },
          autoscaling: { minReplicas: r.replicas[0], maxReplicas: r.replicas[0] + r.replicas[1], target: r.target },
          placement: r.placement,
        }),
      ),
    );
}
