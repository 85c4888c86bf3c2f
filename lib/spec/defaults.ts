/**
 * Every default of the spec, in one place. The schema reads its defaults from here, and the field
 * reference (`modelplane schema`, docs) is generated from the schema, so the docs cannot drift.
 *
 * Changing a value here changes synthesized output for unchanged specs: that is a versioned, documented
 * event (CHANGELOG), never a silent edit.
 */

/** Engine images, pinned by tag. Bumped deliberately, with the changelog. */
export const ENGINE_DEFAULTS = {
  vllm: {
    image: 'vllm/vllm-openai:v0.11.0',
    port: 8000,
    healthPath: '/health',
    livenessPath: '/health',
    metricsPath: '/metrics',
  },
  tgi: {
    image: 'ghcr.io/huggingface/text-generation-inference:3.3.6',
    port: 8080,
    healthPath: '/health',
    livenessPath: '/health',
    metricsPath: '/metrics',
  },
  triton: {
    image: 'nvcr.io/nvidia/tritonserver:25.09-py3',
    port: 8000,
    healthPath: '/v2/health/ready',
    livenessPath: '/v2/health/live',
    metricsPath: '/metrics',
    /** Triton serves Prometheus metrics on its own port. */
    metricsPort: 8002,
  },
  custom: {
    port: 8080,
    healthPath: '/healthz',
    livenessPath: '/healthz',
    metricsPath: '/metrics',
  },
} as const;

export const DEFAULTS = {
  model: {
    precision: 'bf16',
    contextTokens: 8192,
  },
  runtime: {
    engine: 'vllm',
    /** Fraction of each GPU's memory the engine may use (vLLM --gpu-memory-utilization). */
    gpuMemoryUtilization: 0.9,
  },
  resources: {
    gpu: 'auto',
  },
  autoscaling: {
    minReplicas: 1,
    maxReplicas: 3,
    scaleToZero: false,
    /**
     * In-flight requests per replica the autoscaler aims for. Also the number of full-context sequences
     * each replica's KV cache is sized for.
     */
    target: { metric: 'concurrency', value: 4 },
    /** A GPU node takes minutes to come back: scale down only after 10 quiet minutes. */
    scaleDownDelaySeconds: 600,
  },
  api: {
    path: '/',
    auth: { type: 'apiKey' },
    rateLimitPerSecond: 50,
    maxRequestSeconds: 300,
    streaming: true,
  },
  monitoring: {
    p95LatencyMs: 10_000,
    errorRatePercent: 1,
    availabilityPercent: 99.5,
  },
  placement: {
    clouds: ['aws', 'gcp'],
    strategy: 'cheapest',
    spreadCount: 2,
    spot: 'never',
  },
} as const;

/** Sizing concurrency when the autoscaling target is not a concurrency (queue depth). */
export const DEFAULT_SIZING_CONCURRENCY = 4;

/** Hours in a billing month, as the clouds' price calculators count them. */
export const HOURS_PER_MONTH = 730;
