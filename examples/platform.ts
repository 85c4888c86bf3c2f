/**
 * The bundled example platform (examples/modelplane.yaml) written in TypeScript: the same declaration, the same
 * validated platform. Three services placed across AWS and GCP by GPU fit and price.
 *
 *   import { platform } from './examples/platform';
 *   planPlatform(platform);
 */
import { definePlatform, defineService } from '../lib/spec';

/** A Llama 3.1 8B chat API on vLLM, on one L4, with a warm standby on the other cloud. */
export const llama8bChat = defineService({
  name: 'llama-8b-chat',
  model: {
    source: 'hf://meta-llama/Llama-3.1-8B-Instruct@0e9e39f249a16976918f6564b8830bc894c89659',
    contextTokens: 8192,
  },
  runtime: { engine: 'vllm' },
  autoscaling: { minReplicas: 1, maxReplicas: 4, target: { metric: 'concurrency', value: 2 } },
  api: { path: '/chat', auth: { type: 'apiKey' }, rateLimitPerSecond: 20, maxRequestSeconds: 600, streaming: true },
  secrets: [{ name: 'hf-token', from: 'modelplane/hf-token', env: 'HF_TOKEN' }],
  monitoring: {
    slo: { p95LatencyMs: 8000, errorRatePercent: 1, availabilityPercent: 99.5 },
    alerts: [{ type: 'email', address: 'oncall@example.com' }],
  },
  placement: { clouds: ['gcp', 'aws'], regions: ['us-central1', 'us-east4', 'us-east-1', 'us-west-2'], strategy: 'failover' },
});

/** Llama 3.1 70B in bf16: too big for one GPU, tensor-parallel across several. */
export const llama70b = defineService({
  name: 'llama-70b',
  model: { source: 'hf://meta-llama/Llama-3.1-70B-Instruct', precision: 'bf16', contextTokens: 8192 },
  runtime: { engine: 'vllm' },
  autoscaling: { minReplicas: 1, maxReplicas: 2, target: { metric: 'concurrency', value: 4 }, scaleDownDelaySeconds: 1200 },
  api: {
    path: '/v1',
    auth: { type: 'jwt', issuer: 'https://auth.example.com/', audiences: ['llm-api'] },
    maxRequestSeconds: 900,
  },
  secrets: [{ name: 'hf-token', from: 'modelplane/hf-token', env: 'HF_TOKEN' }],
  placement: { clouds: ['aws'], regions: ['us-east-1', 'us-west-2'], strategy: 'cheapest' },
});

/** A small custom classifier on one T4, scaled to zero when idle. */
export const toxicityClassifier = defineService({
  name: 'toxicity-classifier',
  model: { source: 'image://', parametersBillions: 0.35, precision: 'fp16', contextTokens: 512 },
  runtime: {
    engine: 'custom',
    image: 'ghcr.io/example/toxicity-classifier:1.4.2',
    port: 8080,
    healthPath: '/ready',
    livenessPath: '/live',
  },
  resources: { gpu: { type: 'T4', count: 1 }, cpu: 2, memoryGiB: 8 },
  autoscaling: { minReplicas: 1, maxReplicas: 5, scaleToZero: true, target: { metric: 'queueDepth', value: 8 } },
  api: { path: '/classify', maxRequestSeconds: 30, streaming: false },
  placement: { clouds: ['gcp'], strategy: 'cheapest' },
});

/** The platform: validated against the bundled catalog, defaults applied, frozen. */
export const platform = definePlatform({
  name: 'demo',
  services: [llama8bChat, llama70b, toxicityClassifier],
});

export default platform;
