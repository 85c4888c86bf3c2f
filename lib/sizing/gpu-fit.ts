import { GpuType, supportsPrecision } from '../catalog/gpu-types';
import type { ModelRequirement } from './model-memory';

/** Tensor-parallel sizes within one node. */
export const TENSOR_PARALLEL_SIZES = [1, 2, 4, 8] as const;

export type GpuFit =
  | { readonly fits: true; readonly count: number; readonly perGpuNeedGiB: number; readonly perGpuUsableGiB: number }
  | { readonly fits: false; readonly reason: string };

/**
 * The fewest GPUs of one type that serve the model: the smallest tensor-parallel size (1, 2, 4, 8, dividing
 * the attention heads) whose per-GPU share of weights and KV cache, plus overhead, fits in the usable
 * memory (memory × utilisation). `fixedCount` checks one size only (a spec that pins the count).
 * `maxCount` bounds the search (GPUs on the largest instance).
 */
export function gpusNeeded(req: ModelRequirement, gpu: { type: GpuType; memoryGiB: number }, options: { fixedCount?: number; maxCount?: number } = {}): GpuFit {
  if (!supportsPrecision(gpu.type, req.precision)) {
    return { fits: false, reason: `${gpu.type} cannot run ${req.precision}` };
  }
  const usable = gpu.memoryGiB * req.gpuMemoryUtilization;
  const maxCount = options.maxCount ?? 8;
  const sizes = options.fixedCount !== undefined ? [options.fixedCount] : TENSOR_PARALLEL_SIZES.filter((n) => n <= maxCount);
  let last = 0;
  for (const n of sizes) {
    if (req.architecture.attentionHeads % n !== 0) continue;
    const need = (req.weightsGiB + req.kvCacheGiB) / n + req.overheadGiBPerGpu;
    last = need;
    if (need <= usable) return { fits: true, count: n, perGpuNeedGiB: round2(need), perGpuUsableGiB: round2(usable) };
  }
  const tried = sizes.filter((n) => req.architecture.attentionHeads % n === 0);
  if (tried.length === 0) return { fits: false, reason: `no GPU count in ${sizes.join(', ')} divides the ${req.architecture.attentionHeads} attention heads` };
  return {
    fits: false,
    reason: `${req.weightsGiB} GiB weights + ${req.kvCacheGiB} GiB KV cache need ${round2(last)} GiB per GPU on ${tried[tried.length - 1]}×${gpu.type}, more than the ${round2(usable)} GiB usable`,
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
