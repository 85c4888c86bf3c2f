import { z } from 'zod';
import { ENGINE_DEFAULTS, DEFAULTS } from './defaults';
import { ERROR_CODES } from '../errors';

/**
 * A container image pinned by tag or digest. `latest`, a missing tag, or a mutable-looking tag are refused
 * because a pod that restarts must run exactly the code that was reviewed.
 */
export const PinnedImageSchema = z
  .string()
  .min(1)
  .max(512)
  .regex(
    /^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@sha256:[a-f0-9]{64})?$/,
    'a container image reference such as registry.example.com/team/model:1.2.3 or …@sha256:<digest>',
  )
  .refine((image) => /@sha256:[a-f0-9]{64}$/.test(image) || /:[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(lastSegment(image)), {
    message: 'must be pinned by a tag or a digest',
    params: { code: ERROR_CODES.UNPINNED_IMAGE, allowed: 'image:tag (not latest) or image@sha256:<digest>', fix: 'add a version tag such as :1.2.3, or a digest @sha256:…' },
  })
  .refine((image) => !/:latest(@|$)/.test(image), {
    message: 'must not use the mutable tag latest',
    params: { code: ERROR_CODES.UNPINNED_IMAGE, allowed: 'image:tag (not latest) or image@sha256:<digest>', fix: 'replace :latest with a version tag or a digest' },
  });

function lastSegment(image: string): string {
  const slash = image.lastIndexOf('/');
  return slash === -1 ? image : image.slice(slash + 1);
}

const HttpPath = z.string().max(256).regex(/^\/[A-Za-z0-9._~\/-]*$/, "an HTTP path starting with '/'");
const Port = z.int().min(1).max(65535);
const EnvName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name such as LOG_LEVEL');

const common = {
  port: Port.describe('Port the server listens on.'),
  args: z.array(z.string().max(4096)).max(128).default([]).describe('Extra command-line arguments, appended after the ones modelplane derives.'),
  env: z
    .record(EnvName, z.string().max(8192))
    .default({})
    .describe('Plain (non-secret) environment variables. Secret values go in `secrets`, never here.'),
  healthPath: HttpPath.describe('Readiness endpoint: answers 200 once the model is loaded.'),
  livenessPath: HttpPath.describe('Liveness endpoint: answers 200 while the process is healthy.'),
  metricsPath: HttpPath.describe('Prometheus metrics endpoint.'),
  metricsPort: Port.optional().describe('Port of the metrics endpoint. @default - the serving port'),
  gpuMemoryUtilization: z
    .number()
    .min(0.5)
    .max(0.98)
    .default(DEFAULTS.runtime.gpuMemoryUtilization)
    .describe('Fraction of each GPU memory the engine may use.'),
};

function engineBranch<E extends 'vllm' | 'tgi' | 'triton'>(engine: E) {
  const d = ENGINE_DEFAULTS[engine];
  return z.strictObject({
    // vLLM is the default engine: `runtime: { args: [...] }` without an engine means vLLM.
    engine: engine === 'vllm' ? z.literal(engine).default(engine as never) : z.literal(engine),
    image: PinnedImageSchema.default(d.image).describe(`Container image. @default ${d.image}`),
    ...common,
    port: common.port.default(d.port),
    healthPath: common.healthPath.default(d.healthPath),
    livenessPath: common.livenessPath.default(d.livenessPath),
    metricsPath: common.metricsPath.default(d.metricsPath),
  });
}

const d = ENGINE_DEFAULTS.custom;
const CustomRuntime = z.strictObject({
  engine: z.literal('custom'),
  image: PinnedImageSchema.describe('Container image of the server (required for custom).'),
  ...common,
  port: common.port.default(d.port),
  healthPath: common.healthPath.default(d.healthPath),
  livenessPath: common.livenessPath.default(d.livenessPath),
  metricsPath: common.metricsPath.default(d.metricsPath),
  command: z.array(z.string().max(4096)).max(64).optional().describe('Entrypoint override. @default - the image entrypoint'),
});

export const RuntimeSchema = z
  .union([engineBranch('vllm'), engineBranch('tgi'), engineBranch('triton').extend({ metricsPort: Port.default(ENGINE_DEFAULTS.triton.metricsPort) }), CustomRuntime])
  .prefault({ engine: DEFAULTS.runtime.engine })
  .describe('The serving engine and its container.');

export type RuntimeInput = z.input<typeof RuntimeSchema>;
export type RuntimeSpec = z.output<typeof RuntimeSchema>;
export type Engine = RuntimeSpec['engine'];
