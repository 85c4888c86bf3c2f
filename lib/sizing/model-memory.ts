import type { Precision } from '../catalog/gpu-types';
import { DEFAULT_SIZING_CONCURRENCY } from '../spec/defaults';
import type { ServiceSpec } from '../spec/service';
import { ModelArchitecture, knownModelFor } from './known-models';

const GIB = 1024 ** 3;

/** Bytes per parameter of the weights, by precision. */
export const BYTES_PER_PARAMETER: Readonly<Record<Precision, number>> = { bf16: 2, fp16: 2, fp8: 1, int8: 1, int4: 0.5 };

/**
 * Bytes per KV-cache element. Engines keep the KV cache in the activation dtype (16-bit) unless told
 * otherwise, also for fp8/int8/int4 weight-quantised models; sizing assumes 16-bit (conservative).
 */
export const KV_BYTES_PER_ELEMENT = 2;

/**
 * GPU memory the engine needs outside weights and KV cache, per GPU: CUDA context, activations of a
 * forward pass, CUDA graphs and the NCCL buffers of tensor parallelism. vLLM profiles 1–2 GiB on L4–H100
 * class GPUs for 7B–70B models at default batch sizes.
 */
export const OVERHEAD_GIB_PER_GPU = 1.5;

/** Where the architecture used for KV sizing came from. */
export type ArchitectureSource = 'spec' | 'known-model' | 'estimate';

/** What a model needs from GPUs, independent of which GPU. */
export interface ModelRequirement {
  readonly parametersBillions: number;
  readonly precision: Precision;
  readonly contextTokens: number;
  /** Full-context sequences each replica's KV cache is sized for. */
  readonly concurrency: number;
  readonly architecture: ModelArchitecture;
  readonly architectureSource: ArchitectureSource;
  readonly weightsGiB: number;
  readonly kvCacheBytesPerToken: number;
  readonly kvCacheGiB: number;
  readonly overheadGiBPerGpu: number;
  /** Fraction of each GPU's memory the engine may use. */
  readonly gpuMemoryUtilization: number;
  /** Weights + KV cache + one GPU's overhead, divided by the utilisation: the memory one GPU would need. */
  readonly gpuMemoryGiB: number;
  /** Local disk for downloading and caching the weights. */
  readonly cacheDiskGiB: number;
}

/**
 * Sizes a model: weights = parameters × bytes per parameter; KV cache = 2 × layers × kvHeads × headDim ×
 * bytes × context tokens × concurrent sequences; plus per-GPU overhead, over the utilisation fraction.
 */
export function modelRequirement(spec: ServiceSpec): ModelRequirement {
  const known = knownModelFor(spec.model.source);
  const parametersBillions = spec.model.parametersBillions ?? known?.parametersBillions;
  if (parametersBillions === undefined) {
    // Validation guarantees this; a direct caller with a hand-made object gets a clear message.
    throw new Error(`service ${spec.name}: model.parametersBillions is required for ${spec.model.source}`);
  }
  const [architecture, architectureSource] = spec.model.architecture
    ? [spec.model.architecture, 'spec' as const]
    : known
      ? [known.architecture, 'known-model' as const]
      : [estimateArchitecture(parametersBillions), 'estimate' as const];

  const precision = spec.model.precision;
  const concurrency = spec.autoscaling.target.metric === 'concurrency' ? spec.autoscaling.target.value : DEFAULT_SIZING_CONCURRENCY;
  const weightsGiB = (parametersBillions * 1e9 * BYTES_PER_PARAMETER[precision]) / GIB;
  const kvCacheBytesPerToken = 2 * architecture.layers * architecture.kvHeads * architecture.headDim * KV_BYTES_PER_ELEMENT;
  const kvCacheGiB = (kvCacheBytesPerToken * spec.model.contextTokens * concurrency) / GIB;
  const utilization = spec.runtime.gpuMemoryUtilization;
  return {
    parametersBillions,
    precision,
    contextTokens: spec.model.contextTokens,
    concurrency,
    architecture,
    architectureSource,
    weightsGiB: round2(weightsGiB),
    kvCacheBytesPerToken,
    kvCacheGiB: round2(kvCacheGiB),
    overheadGiBPerGpu: OVERHEAD_GIB_PER_GPU,
    gpuMemoryUtilization: utilization,
    gpuMemoryGiB: round2((weightsGiB + kvCacheGiB + OVERHEAD_GIB_PER_GPU) / utilization),
    cacheDiskGiB: spec.resources.ephemeralStorageGiB ?? Math.ceil(weightsGiB * 1.2 + 10),
  };
}

/**
 * A conservative architecture for a model the library does not know: a grouped-query-attention layout whose
 * KV cache per token (≈ 48 KiB × √billions) is at or above that of Llama 3.1 8B/70B/405B, Mistral 7B and
 * Qwen 2.5 72B. Models with full multi-head attention need `model.architecture` for exact sizing.
 */
export function estimateArchitecture(parametersBillions: number): ModelArchitecture {
  const kvKiBPerToken = 48 * Math.sqrt(parametersBillions);
  const headDim = 128;
  const kvHeads = 8;
  const layers = Math.max(1, Math.ceil((kvKiBPerToken * 1024) / (2 * kvHeads * headDim * KV_BYTES_PER_ELEMENT)));
  return { layers, attentionHeads: 64, kvHeads, headDim };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
