export { modelRequirement, estimateArchitecture, BYTES_PER_PARAMETER, KV_BYTES_PER_ELEMENT, OVERHEAD_GIB_PER_GPU } from './model-memory';
export type { ModelRequirement, ArchitectureSource } from './model-memory';
export { gpusNeeded, TENSOR_PARALLEL_SIZES } from './gpu-fit';
export type { GpuFit } from './gpu-fit';
export { knownModelFor, knownModels } from './known-models';
export type { KnownModel, ModelArchitecture } from './known-models';
