/**
 * Sizing: weights, KV cache and GPU counts, checked against the reference facts in
 * shared/reference/models.csv and against what operators know (8B on one L4, 70B on several H100s, 405B not on
 * 8×H100).
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GPU_MODELS, GpuType, supportsPrecision } from '../../lib/catalog/gpu-types';
import { planService } from '../../lib/plan';
import { estimateArchitecture, gpusNeeded, knownModelFor, modelRequirement, ModelRequirement } from '../../lib/sizing';
import { parseService } from '../../lib/spec';
import type { ServiceSpecInput } from '../../lib/spec';
import { LLAMA_405B, LLAMA_70B, LLAMA_8B, minimalService } from './fixtures';

const MODELS_CSV = path.resolve(__dirname, '../../../shared/reference/models.csv');

interface ReferenceModel {
  model: string;
  paramsBillions: number;
  layers: number;
  attentionHeads: number;
  kvHeads: number;
  headDim: number;
  weightsBf16GiB: number;
  kvPerTokenBf16KiB: number;
}

function readReference(): ReferenceModel[] {
  if (!existsSync(MODELS_CSV)) return [];
  const [header, ...lines] = readFileSync(MODELS_CSV, 'utf8').trim().split(/\r?\n/);
  const cols = header!.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    const get = (name: string) => cells[cols.indexOf(name)]!;
    return {
      model: get('model'),
      paramsBillions: Number(get('params_billions')),
      layers: Number(get('layers')),
      attentionHeads: Number(get('attention_heads')),
      kvHeads: Number(get('kv_heads')),
      headDim: Number(get('head_dim')),
      weightsBf16GiB: Number(get('weights_bf16_gib')),
      kvPerTokenBf16KiB: Number(get('kv_per_token_bf16_kib')),
    };
  });
}

const REFERENCE = readReference();
const referenceIt = REFERENCE.length > 0 ? it : it.skip;
if (REFERENCE.length === 0) console.warn(`sizing: ${MODELS_CSV} not found — reference checks skipped`);
const rows = REFERENCE.length > 0 ? REFERENCE.map((r) => [r.model, r] as const) : [['(models.csv absent)', undefined as unknown as ReferenceModel] as const];

function requirement(overrides: Parameters<typeof minimalService>[0] = {}): ModelRequirement {
  return modelRequirement(parseService(minimalService(overrides)));
}

function fitOn(req: ModelRequirement, type: GpuType, maxCount = 8) {
  return gpusNeeded(req, { type, memoryGiB: GPU_MODELS[type].memoryGiB }, { maxCount });
}

describe('against shared/reference/models.csv', () => {
  referenceIt('covers the models the issue names', () => {
    expect(REFERENCE.map((r) => r.model)).toEqual(expect.arrayContaining(['meta-llama/Llama-3.1-8B-Instruct', 'meta-llama/Llama-3.1-70B-Instruct', 'meta-llama/Llama-3.1-405B-Instruct']));
  });

  describe.each(rows)('%s', (_, ref) => {
    referenceIt('is a known model with the reference architecture and size', () => {
      const known = knownModelFor(`hf://${ref.model}`);
      expect(known, `${ref.model} should be in lib/sizing/known-models.ts`).toBeDefined();
      expect(known!.architecture).toEqual({ layers: ref.layers, attentionHeads: ref.attentionHeads, kvHeads: ref.kvHeads, headDim: ref.headDim });
      expect(known!.parametersBillions).toBeCloseTo(ref.paramsBillions, 2);
    });

    referenceIt('bf16 weights are within 1% of weights_bf16_gib', () => {
      const req = requirement({ model: { source: `hf://${ref.model}`, precision: 'bf16' } });
      expect(Math.abs(req.weightsGiB - ref.weightsBf16GiB) / ref.weightsBf16GiB).toBeLessThan(0.01);
    });

    referenceIt('KV cache per token equals kv_per_token_bf16_kib (known model)', () => {
      const req = requirement({ model: { source: `hf://${ref.model}` } });
      expect(req.architectureSource).toBe('known-model');
      expect(req.kvCacheBytesPerToken / 1024).toBe(ref.kvPerTokenBf16KiB);
    });

    referenceIt('KV cache per token equals kv_per_token_bf16_kib (architecture given in the spec)', () => {
      const req = requirement({
        model: {
          source: 's3://my-models/private-copy',
          parametersBillions: ref.paramsBillions,
          architecture: { layers: ref.layers, attentionHeads: ref.attentionHeads, kvHeads: ref.kvHeads, headDim: ref.headDim },
        },
      });
      expect(req.architectureSource).toBe('spec');
      expect(req.kvCacheBytesPerToken / 1024).toBe(ref.kvPerTokenBf16KiB);
    });

    referenceIt('the conservative estimate for an unknown model is at least the real KV per token', () => {
      const est = estimateArchitecture(ref.paramsBillions);
      const estKiB = (2 * est.layers * est.kvHeads * est.headDim * 2) / 1024;
      expect(estKiB).toBeGreaterThanOrEqual(ref.kvPerTokenBf16KiB);
      const req = requirement({ model: { source: 's3://my-models/unknown', parametersBillions: ref.paramsBillions } });
      expect(req.architectureSource).toBe('estimate');
      expect(req.kvCacheBytesPerToken / 1024).toBeGreaterThanOrEqual(ref.kvPerTokenBf16KiB);
    });
  });
});

describe('the formulas', () => {
  it('weights scale with bytes per parameter: bf16 = fp16 = 2× fp8 = 2× int8 = 4× int4', () => {
    const w = (precision: 'bf16' | 'fp16' | 'fp8' | 'int8' | 'int4') => requirement({ model: { source: LLAMA_8B, precision } }).weightsGiB;
    expect(w('fp16')).toBe(w('bf16'));
    expect(w('fp8')).toBeCloseTo(w('bf16') / 2, 1);
    expect(w('int8')).toBe(w('fp8'));
    expect(w('int4')).toBeCloseTo(w('bf16') / 4, 1);
  });

  it('KV cache = per-token bytes × context × concurrent sequences', () => {
    const base = requirement({ model: { source: LLAMA_8B, contextTokens: 8192 }, autoscaling: { target: { metric: 'concurrency', value: 2 } } });
    expect(base.kvCacheGiB).toBeCloseTo((128 * 1024 * 8192 * 2) / 1024 ** 3, 2);
    const doubleContext = requirement({ model: { source: LLAMA_8B, contextTokens: 16384 }, autoscaling: { target: { metric: 'concurrency', value: 2 } } });
    expect(doubleContext.kvCacheGiB).toBeCloseTo(2 * base.kvCacheGiB, 2);
    const doubleConcurrency = requirement({ model: { source: LLAMA_8B, contextTokens: 8192 }, autoscaling: { target: { metric: 'concurrency', value: 4 } } });
    expect(doubleConcurrency.kvCacheGiB).toBeCloseTo(2 * base.kvCacheGiB, 2);
  });

  it('required GPU memory = (weights + KV cache + overhead) / utilisation', () => {
    const req = requirement({ runtime: { engine: 'vllm', gpuMemoryUtilization: 0.8 } });
    expect(req.gpuMemoryGiB).toBeCloseTo((req.weightsGiB + req.kvCacheGiB + req.overheadGiBPerGpu) / 0.8, 1);
  });
});

describe('what fits where', () => {
  const llama8b = (concurrency: number) =>
    requirement({ model: { source: LLAMA_8B, precision: 'bf16', contextTokens: 8192 }, autoscaling: { target: { metric: 'concurrency', value: concurrency } } });

  it.each([1, 2])('Llama-3.1-8B bf16 fits one L4 at 8k context and concurrency %i', (concurrency) => {
    expect(fitOn(llama8b(concurrency), 'L4', 1)).toMatchObject({ fits: true, count: 1 });
  });

  it.each([8, 16])('Llama-3.1-8B bf16 does not fit one L4 at 8k context and concurrency %i', (concurrency) => {
    const fit = fitOn(llama8b(concurrency), 'L4', 1);
    expect(fit.fits).toBe(false);
    if (!fit.fits) expect(fit.reason).toMatch(/GiB/);
  });

  it('Llama-3.1-70B bf16 needs several H100s (at least 2), never one', () => {
    const req = requirement({ model: { source: LLAMA_70B, precision: 'bf16' } });
    expect(fitOn(req, 'H100', 1).fits).toBe(false);
    const fit = fitOn(req, 'H100');
    expect(fit.fits).toBe(true);
    if (fit.fits) expect(fit.count).toBeGreaterThanOrEqual(2);
  });

  it('Llama-3.1-405B bf16 does not fit 8×H100 but fits 8×H200 and 8×B200', () => {
    const req = requirement({ model: { source: LLAMA_405B, precision: 'bf16' } });
    expect(fitOn(req, 'H100').fits).toBe(false);
    expect(fitOn(req, 'H100-MEGA').fits).toBe(false);
    expect(fitOn(req, 'H200')).toMatchObject({ fits: true });
    expect(fitOn(req, 'B200')).toMatchObject({ fits: true });
  });

  it('the planner places 405B bf16 on H200 or B200 machines with 8 GPUs per replica', () => {
    const plan = planService(parseService(minimalService({ model: { source: LLAMA_405B, precision: 'bf16' } })));
    const p = plan.placements[0]!;
    expect(['H200', 'B200']).toContain(p.gpu.type);
    expect(p.gpu.count).toBe(8);
  });
});

describe('precision support per GPU generation', () => {
  const small = (precision: 'bf16' | 'fp16' | 'fp8' | 'int8' | 'int4') => requirement({ model: { source: 's3://models/tiny', parametersBillions: 0.5, precision } });

  it.each<[GpuType, string, boolean]>([
    ['T4', 'bf16', false],
    ['T4', 'fp8', false],
    ['T4', 'fp16', true],
    ['T4', 'int8', true],
    ['A10G', 'bf16', true],
    ['A10G', 'fp8', false],
    ['A100-40GB', 'fp8', false],
    ['A100-80GB', 'fp8', false],
    ['A100-80GB', 'bf16', true],
    ['L4', 'fp8', true],
    ['L40S', 'fp8', true],
    ['H100', 'fp8', true],
    ['H200', 'fp8', true],
    ['B200', 'fp8', true],
  ])('%s runs %s: %s', (gpu, precision, supported) => {
    expect(supportsPrecision(gpu, precision as never)).toBe(supported);
    const fit = fitOn(small(precision as never), gpu);
    expect(fit.fits).toBe(supported);
    if (!fit.fits) expect(fit.reason).toContain(`cannot run ${precision}`);
  });
});

describe('tensor-parallel sizes divide the attention heads', () => {
  // 50B bf16 ≈ 93 GiB of weights: too big for 4×L4 (19.8 GiB usable each), fits 8×L4.
  const withHeads = (attentionHeads: number, kvHeads: number): ServiceSpecInput =>
    minimalService({ model: { source: 's3://models/custom-50b', parametersBillions: 50, architecture: { layers: 40, attentionHeads, kvHeads, headDim: 128 } } });

  it('16 heads: 8 L4s serve the model', () => {
    expect(fitOn(modelRequirement(parseService(withHeads(16, 4))), 'L4')).toMatchObject({ fits: true, count: 8 });
  });

  it('12 heads: TP 8 is excluded, so 8 L4s are not an option and the model does not fit', () => {
    const fit = fitOn(modelRequirement(parseService(withHeads(12, 4))), 'L4');
    expect(fit.fits).toBe(false);
    if (!fit.fits) expect(fit.reason).toMatch(/4×L4/);
  });

  it('6 heads: only TP 1 and 2 remain', () => {
    const req = modelRequirement(parseService(minimalService({ model: { source: 's3://models/custom-20b', parametersBillions: 20, architecture: { layers: 40, attentionHeads: 6, kvHeads: 2, headDim: 128 } } })));
    // ≈ 37 GiB of weights: 4×L4 would do; 2×L4 cannot.
    expect(fitOn(req, 'L4').fits).toBe(false);
    expect(fitOn(req, 'L40S')).toMatchObject({ fits: true, count: 2 });
  });

  it('7 heads: only TP 1; no size at all when a fixed count does not divide them', () => {
    const req = modelRequirement(parseService(minimalService({ model: { source: 's3://models/odd', parametersBillions: 1, architecture: { layers: 8, attentionHeads: 7, kvHeads: 7, headDim: 64 } } })));
    expect(fitOn(req, 'L4')).toMatchObject({ fits: true, count: 1 });
    const fixed = gpusNeeded(req, { type: 'L4', memoryGiB: GPU_MODELS.L4.memoryGiB }, { fixedCount: 2 });
    expect(fixed.fits).toBe(false);
    if (!fixed.fits) expect(fixed.reason).toMatch(/divides/);
  });

  it('the planner never gives a replica a GPU count that does not divide the heads', () => {
    const plan = planService(parseService(withHeads(12, 4)), undefined);
    for (const p of plan.placements) expect(12 % p.gpu.count).toBe(0);
  });
});
