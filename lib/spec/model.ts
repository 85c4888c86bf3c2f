import { z } from 'zod';
import { PRECISIONS } from '../catalog/gpu-types';
import { DEFAULTS } from './defaults';

/** Where the weights come from. */
export const MODEL_SOURCE_PATTERN =
  /^(hf:\/\/[A-Za-z0-9][A-Za-z0-9._-]*\/[A-Za-z0-9][A-Za-z0-9._-]*(@[A-Za-z0-9._-]+)?|s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/[A-Za-z0-9!_.*'()/-]*)?|gs:\/\/[a-z0-9][a-z0-9._-]{1,61}[a-z0-9](\/[A-Za-z0-9!_.*'()/-]*)?|image:\/\/)$/;

export const ArchitectureSchema = z
  .strictObject({
    layers: z.int().min(1).max(1024).describe('Transformer layers (config.json num_hidden_layers).'),
    attentionHeads: z.int().min(1).max(1024).describe('Attention heads (num_attention_heads).'),
    kvHeads: z.int().min(1).max(1024).describe('Key/value heads (num_key_value_heads; equals attentionHeads without GQA).'),
    headDim: z.int().min(8).max(1024).describe('Dimension of one head (hidden_size / num_attention_heads).'),
  })
  .describe('Architecture facts for KV-cache sizing. @default - looked up for known models, else estimated conservatively');

export const ModelSchema = z
  .strictObject({
    source: z
      .string()
      .regex(
        MODEL_SOURCE_PATTERN,
        'a model source: hf://org/model@revision, s3://bucket/prefix, gs://bucket/prefix, or image:// (weights baked into the image)',
      )
      .describe('Where the weights come from. Pin a revision for hf:// (hf://org/model@<commit>).'),
    parametersBillions: z
      .number()
      .positive()
      .max(10_000)
      .optional()
      .describe('Parameters, in billions. @default - known for well-known Hugging Face models; required otherwise'),
    precision: z.enum(PRECISIONS).default(DEFAULTS.model.precision).describe('Precision the weights are served in.'),
    contextTokens: z
      .int()
      .min(128)
      .max(2_097_152)
      .default(DEFAULTS.model.contextTokens)
      .describe('Maximum context length served (vLLM --max-model-len).'),
    architecture: ArchitectureSchema.optional(),
  })
  .describe('The model: weights, size and precision. Drives GPU sizing, cache volume and startup budget.');

export type ModelInput = z.input<typeof ModelSchema>;
export type ModelSpec = z.output<typeof ModelSchema>;
