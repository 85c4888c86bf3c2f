/**
 * Facts about the NVIDIA GPU models modelplane can place services on.
 *
 * One row per GPU model: memory, generation, which numeric precisions it runs natively, and the names
 * each cloud's schedulers use for it. Everything that depends on "which GPU is this" reads from here, so a
 * new GPU is one row.
 *
 * Sources:
 * - memory: NVIDIA product briefs (T4 16 GB, A10G 24 GB, L4 24 GB, L40S 48 GB, A100 40/80 GB, H100 80 GB,
 *   H200 141 GB, B200 180 GB), expressed as the GiB the CUDA driver reports (`nvidia-smi` total memory).
 * - precision: T4 (Turing) has no bf16 and no fp8; A10G and A100 (Ampere) have bf16 but no fp8 tensor cores
 *   (weight-only fp8 kernels exist but are not native); L4, L40S (Ada), H100, H200 (Hopper) and B200
 *   (Blackwell) run fp8 natively.
 * - GKE names: cloud.google.com/gke-accelerator values, GKE docs "About GPUs in GKE".
 * - EKS names: karpenter.k8s.aws/instance-gpu-name values (lower-case model names).
 */

/** The numeric precisions a model's weights can be served in. */
export const PRECISIONS = ['bf16', 'fp16', 'fp8', 'int8', 'int4'] as const;
export type Precision = (typeof PRECISIONS)[number];

/** GPU models known to the bundled catalog. */
export const GPU_TYPES = [
  'T4',
  'A10G',
  'L4',
  'L40S',
  'A100-40GB',
  'A100-80GB',
  'H100',
  'H100-MEGA',
  'H200',
  'B200',
] as const;
export type GpuType = (typeof GPU_TYPES)[number];

export type GpuGeneration = 'turing' | 'ampere' | 'ada' | 'hopper' | 'blackwell';

export interface GpuModel {
  readonly type: GpuType;
  readonly generation: GpuGeneration;
  /** Memory of one GPU, in GiB, as the driver reports it. */
  readonly memoryGiB: number;
  /** Precisions the GPU runs natively. */
  readonly precisions: readonly Precision[];
  /** GKE node label value for `cloud.google.com/gke-accelerator`; undefined when GCP does not offer it. */
  readonly gkeAccelerator?: string;
  /** Value of `karpenter.k8s.aws/instance-gpu-name` on EKS; undefined when AWS does not offer it. */
  readonly awsGpuName?: string;
}

const ALL: readonly Precision[] = PRECISIONS;
const NO_FP8: readonly Precision[] = ['bf16', 'fp16', 'int8', 'int4'];
const TURING: readonly Precision[] = ['fp16', 'int8', 'int4'];

export const GPU_MODELS: Readonly<Record<GpuType, GpuModel>> = {
  T4: { type: 'T4', generation: 'turing', memoryGiB: 15, precisions: TURING, gkeAccelerator: 'nvidia-tesla-t4', awsGpuName: 't4' },
  A10G: { type: 'A10G', generation: 'ampere', memoryGiB: 22, precisions: NO_FP8, awsGpuName: 'a10g' },
  L4: { type: 'L4', generation: 'ada', memoryGiB: 22, precisions: ALL, gkeAccelerator: 'nvidia-l4', awsGpuName: 'l4' },
  L40S: { type: 'L40S', generation: 'ada', memoryGiB: 44, precisions: ALL, awsGpuName: 'l40s' },
  'A100-40GB': { type: 'A100-40GB', generation: 'ampere', memoryGiB: 40, precisions: NO_FP8, gkeAccelerator: 'nvidia-tesla-a100', awsGpuName: 'a100' },
  'A100-80GB': { type: 'A100-80GB', generation: 'ampere', memoryGiB: 80, precisions: NO_FP8, gkeAccelerator: 'nvidia-a100-80gb', awsGpuName: 'a100' },
  H100: { type: 'H100', generation: 'hopper', memoryGiB: 79, precisions: ALL, gkeAccelerator: 'nvidia-h100-80gb', awsGpuName: 'h100' },
  'H100-MEGA': { type: 'H100-MEGA', generation: 'hopper', memoryGiB: 79, precisions: ALL, gkeAccelerator: 'nvidia-h100-mega-80gb' },
  H200: { type: 'H200', generation: 'hopper', memoryGiB: 140, precisions: ALL, gkeAccelerator: 'nvidia-h200-141gb', awsGpuName: 'h200' },
  B200: { type: 'B200', generation: 'blackwell', memoryGiB: 179, precisions: ALL, gkeAccelerator: 'nvidia-b200', awsGpuName: 'b200' },
};

/** True when the GPU runs the precision natively. */
export function supportsPrecision(gpu: GpuType, precision: Precision): boolean {
  return GPU_MODELS[gpu].precisions.includes(precision);
}

/** The GPU types that run a precision natively, in catalog order. */
export function gpuTypesSupporting(precision: Precision): GpuType[] {
  return GPU_TYPES.filter((t) => supportsPrecision(t, precision));
}
