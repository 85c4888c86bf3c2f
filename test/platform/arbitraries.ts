import fc from 'fast-check';
import type { PlatformSpecInput, ServiceSpecInput } from '../../lib/spec';

/** Strings shaped like real secrets: if one is accepted anywhere in a spec, it must never reach an output. */
export const CANARIES = [
  'hf_CanaryCanaryCanaryCanaryCanary1234',
  'sk-proj-CANARYcanaryCANARYcanary123456',
  'AKIACANARY0123456789',
  'ghp_CanaryCanaryCanaryCanaryCanary12345',
  'xoxb-1234567890-canary-token',
] as const;

const MODELS = [
  { source: 'hf://meta-llama/Llama-3.1-8B-Instruct', precision: 'bf16' as const, contextTokens: 4096 },
  { source: 'hf://mistralai/Mistral-7B-Instruct-v0.3', precision: 'fp16' as const, contextTokens: 8192 },
  { source: 'image://', parametersBillions: 0.4, precision: 'fp16' as const, contextTokens: 512 },
  { source: 's3://models-bucket/classifier/v3', parametersBillions: 1.5, precision: 'bf16' as const, contextTokens: 2048 },
  { source: 'gs://models-bucket/encoder', parametersBillions: 0.8, precision: 'fp16' as const, contextTokens: 1024 },
];

const AUTHS = [
  { type: 'apiKey' as const },
  { type: 'jwt' as const, issuer: 'https://issuer.example.com/', audiences: ['api'] },
  { type: 'public' as const, reason: 'Public demo endpoint for the docs site, rate limited.' },
];

/** A valid service, varied over engines, models, auth, autoscaling, secrets and placement. */
export function serviceArb(name: string): fc.Arbitrary<ServiceSpecInput> {
  return fc
    .record({
      model: fc.constantFrom(...MODELS),
      engine: fc.constantFrom('vllm', 'tgi', 'custom'),
      auth: fc.constantFrom(...AUTHS),
      min: fc.integer({ min: 1, max: 2 }),
      extra: fc.integer({ min: 0, max: 3 }),
      scaleToZero: fc.boolean(),
      metric: fc.constantFrom('concurrency' as const, 'queueDepth' as const),
      maxRequestSeconds: fc.constantFrom(20, 120, 900),
      streaming: fc.boolean(),
      secrets: fc.boolean(),
      clouds: fc.constantFrom(['aws'] as const, ['gcp'] as const, ['aws', 'gcp'] as const),
      strategy: fc.constantFrom('cheapest' as const, 'failover' as const),
      spot: fc.constantFrom('never' as const, 'allowed' as const),
      alert: fc.boolean(),
    })
    .map((r) => ({
      name,
      model: r.model,
      runtime: r.engine === 'custom' ? { engine: 'custom' as const, image: 'ghcr.io/example/server:2.1.0' } : { engine: r.engine as 'vllm' | 'tgi' },
      autoscaling: { minReplicas: r.min, maxReplicas: r.min + r.extra, scaleToZero: r.scaleToZero, target: { metric: r.metric, value: 2 } },
      api: { path: `/${name}`, auth: r.auth, maxRequestSeconds: r.maxRequestSeconds, streaming: r.streaming },
      secrets: r.secrets ? [{ name: 'hf-token', from: `platform/${name}/hf-token`, env: 'HF_TOKEN' }] : [],
      monitoring: r.alert ? { alerts: [{ type: 'email' as const, address: 'oncall@example.com' }] } : {},
      placement: { clouds: [...r.clouds], strategy: r.strategy, spot: r.spot },
    }));
}

/** A valid platform of 1..max services with distinct names. */
export function platformArb(max = 2): fc.Arbitrary<PlatformSpecInput> {
  return fc.integer({ min: 1, max }).chain((n) =>
    fc.tuple(...Array.from({ length: n }, (_, i) => serviceArb(`svc-${i}`))).map((services) => ({ name: 'prop', services })),
  );
}

/** Where a canary is planted: fields a careless user might paste a token into. */
export const CANARY_SPOTS: ReadonlyArray<(s: Record<string, any>, canary: string) => void> = [
  (s, c) => (s.secrets = [{ name: 'leak', from: c, env: 'LEAK' }]),
  (s, c) => (s.runtime = { ...s.runtime, env: { TOKEN: c } }),
  (s, c) => (s.runtime = { ...s.runtime, args: [`--api-key=${c}`] }),
  (s, c) => (s.model = { ...s.model, source: `hf://org/model@${c}` }),
  (s, c) => (s.api = { ...s.api, requestSchema: { type: 'object', description: c } }),
  (s, c) => (s.allowBreakingChanges = { reason: `rotated ${c} before release` }),
  (s, c) => (s.api = { ...s.api, auth: { type: 'public', reason: `temporary key ${c} for the demo` } }),
];
