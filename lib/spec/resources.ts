import { z } from 'zod';
import { GPU_TYPES, GpuType } from '../catalog/gpu-types';
import { ERROR_CODES } from '../errors';
import { DEFAULTS } from './defaults';

/**
 * A GPU type name. A custom check rather than z.enum so that an unknown name is reported as MP_UNKNOWN_GPU with
 * the known list (like a type the catalog in use does not offer); the JSON Schema still carries the enum.
 */
const GpuTypeName = z
  .custom<GpuType>((v) => typeof v === 'string' && (GPU_TYPES as readonly string[]).includes(v), {
    message: 'is not a GPU type modelplane knows',
    params: { code: ERROR_CODES.UNKNOWN_GPU, allowed: GPU_TYPES.join(', '), fix: 'choose a listed GPU type (`modelplane catalog`), or "auto"' },
  })
  .meta({ type: 'string', enum: [...GPU_TYPES] });

/**
 * GPU request: `auto` (the planner picks type and count from the model's size), a fixed type and count,
 * or a list of acceptable types (the planner picks the cheapest fit among them).
 */
export const GpuRequestSchema = z
  .union([
    z.literal('auto'),
    z.strictObject({
      type: GpuTypeName.describe('GPU model.'),
      count: z.int().min(1).max(8).optional().describe('GPUs per replica (tensor-parallel size). @default - the fewest that fit the model'),
    }),
    z.strictObject({
      anyOf: z.array(GpuTypeName).min(1).max(GPU_TYPES.length).describe('Acceptable GPU models.'),
    }),
  ])
  .describe('GPU request: "auto", { type, count? } or { anyOf: [types] }.');

export const ResourcesSchema = z
  .strictObject({
    gpu: GpuRequestSchema.default(DEFAULTS.resources.gpu),
    cpu: z.number().positive().max(512).optional().describe('vCPUs requested per replica. @default - a share of the node sized by the plan'),
    memoryGiB: z.number().positive().max(8192).optional().describe('Host memory per replica, GiB. @default - a share of the node sized by the plan'),
    ephemeralStorageGiB: z
      .number()
      .positive()
      .max(16_384)
      .optional()
      .describe('Local disk for the model cache, GiB. @default - weights size × 1.2 + 10 GiB'),
  })
  .prefault({})
  .describe('Compute per replica.');

export type GpuRequest = z.output<typeof GpuRequestSchema>;
export type ResourcesSpec = z.output<typeof ResourcesSchema>;
