/**
 * Architecture facts of common open models, so that a spec naming one of them needs no numbers.
 *
 * Source: each model's config.json on Hugging Face (num_hidden_layers, num_attention_heads,
 * num_key_value_heads, hidden_size / num_attention_heads), parameter counts from the model cards.
 * Cross-checked against shared/reference/models.csv in the sizing tests.
 */
export interface ModelArchitecture {
  readonly layers: number;
  readonly attentionHeads: number;
  readonly kvHeads: number;
  readonly headDim: number;
}

export interface KnownModel {
  /** Hugging Face repository id, lower-cased for matching. */
  readonly id: string;
  readonly parametersBillions: number;
  readonly architecture: ModelArchitecture;
}

const gqa = (layers: number, attentionHeads: number, kvHeads: number, headDim = 128): ModelArchitecture => ({ layers, attentionHeads, kvHeads, headDim });

const MODELS: readonly KnownModel[] = [
  { id: 'meta-llama/llama-3.1-8b-instruct', parametersBillions: 8.03, architecture: gqa(32, 32, 8) },
  { id: 'meta-llama/llama-3.1-8b', parametersBillions: 8.03, architecture: gqa(32, 32, 8) },
  { id: 'meta-llama/llama-3.1-70b-instruct', parametersBillions: 70.6, architecture: gqa(80, 64, 8) },
  { id: 'meta-llama/llama-3.3-70b-instruct', parametersBillions: 70.6, architecture: gqa(80, 64, 8) },
  { id: 'meta-llama/llama-3.1-405b-instruct', parametersBillions: 405.9, architecture: gqa(126, 128, 8) },
  { id: 'mistralai/mistral-7b-instruct-v0.3', parametersBillions: 7.25, architecture: gqa(32, 32, 8) },
  { id: 'mistralai/mixtral-8x7b-instruct-v0.1', parametersBillions: 46.7, architecture: gqa(32, 32, 8) },
  { id: 'qwen/qwen2.5-72b-instruct', parametersBillions: 72.7, architecture: gqa(80, 64, 8) },
  { id: 'qwen/qwen2.5-7b-instruct', parametersBillions: 7.62, architecture: gqa(28, 28, 4) },
];

const BY_ID = new Map(MODELS.map((m) => [m.id, m]));

/**
 * The known model behind a source such as `hf://meta-llama/Llama-3.1-8B-Instruct@<rev>`, if any.
 * Matching ignores case and the revision.
 */
export function knownModelFor(source: string): KnownModel | undefined {
  const match = /^hf:\/\/([^@]+)/.exec(source);
  if (!match?.[1]) return undefined;
  return BY_ID.get(match[1].toLowerCase());
}

/** All known models (for docs and tests). */
export function knownModels(): readonly KnownModel[] {
  return MODELS;
}
