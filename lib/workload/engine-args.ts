import type { ServicePlan, Placement } from '../plan/types';

/** Where the model cache volume is mounted in every container. */
export const CACHE_MOUNT_PATH = '/models';
/** Where weights copied from s3:// or gs:// land inside the cache. */
export const WEIGHTS_DIR = `${CACHE_MOUNT_PATH}/weights`;

/** The container command line and environment an engine gets for one placement. */
export interface EngineInvocation {
  /** Entrypoint override; undefined keeps the image's. */
  readonly command: readonly string[] | undefined;
  readonly args: readonly string[];
  /** Plain environment (cache locations, telemetry off). Secrets are added by the target as references. */
  readonly env: Readonly<Record<string, string>>;
  /** What the engine loads: a hub id, or a local path the init step fills. */
  readonly modelRef: string;
  /** Bucket copy step before the server starts, for s3:// and gs:// sources. */
  readonly download: { readonly kind: 's3' | 'gs'; readonly uri: string } | undefined;
}

/**
 * Derives engine arguments: vLLM gets the model, tensor-parallel size from the plan, max model length and
 * GPU memory utilisation; TGI gets the shard count and token limits; Triton gets the model repository;
 * custom servers get what the spec declares. User args are appended last so they win.
 */
export function engineInvocation(service: ServicePlan, placement: Placement): EngineInvocation {
  const spec = service.spec;
  const rt = spec.runtime;
  const source = spec.model.source;
  const hub = /^hf:\/\/([^@]+)(?:@(.+))?$/.exec(source);
  const bucket = /^(s3|gs):\/\//.exec(source);
  const download = bucket ? { kind: bucket[1] as 's3' | 'gs', uri: source } : undefined;
  const modelRef = hub ? (hub[1] as string) : bucket ? WEIGHTS_DIR : WEIGHTS_DIR;
  const revision = hub?.[2];
  const tp = placement.gpu.count;
  const env: Record<string, string> = {
    HF_HOME: `${CACHE_MOUNT_PATH}/hf`,
    HF_HUB_CACHE: `${CACHE_MOUNT_PATH}/hf/hub`,
    HF_HUB_DISABLE_TELEMETRY: '1',
    XDG_CACHE_HOME: `${CACHE_MOUNT_PATH}/.cache`,
    HOME: `${CACHE_MOUNT_PATH}/home`,
  };

  switch (rt.engine) {
    case 'vllm': {
      const args = [
        '--model', modelRef,
        ...(revision ? ['--revision', revision] : []),
        '--served-model-name', spec.name,
        '--host', '0.0.0.0',
        '--port', String(rt.port),
        '--tensor-parallel-size', String(tp),
        '--max-model-len', String(spec.model.contextTokens),
        '--gpu-memory-utilization', String(rt.gpuMemoryUtilization),
        '--download-dir', `${CACHE_MOUNT_PATH}/hf/hub`,
        ...(spec.model.precision === 'fp8' ? ['--quantization', 'fp8'] : []),
        ...(spec.model.precision === 'fp16' ? ['--dtype', 'float16'] : spec.model.precision === 'bf16' ? ['--dtype', 'bfloat16'] : []),
        ...rt.args,
      ];
      return { command: undefined, args, env: { ...env, VLLM_NO_USAGE_STATS: '1', VLLM_CACHE_ROOT: `${CACHE_MOUNT_PATH}/.cache/vllm` }, modelRef, download };
    }
    case 'tgi': {
      const args = [
        '--model-id', modelRef,
        ...(revision ? ['--revision', revision] : []),
        '--hostname', '0.0.0.0',
        '--port', String(rt.port),
        '--num-shard', String(tp),
        '--max-input-tokens', String(Math.max(1, spec.model.contextTokens - 1)),
        '--max-total-tokens', String(spec.model.contextTokens),
        '--cuda-memory-fraction', String(rt.gpuMemoryUtilization),
        ...(spec.model.precision === 'fp8' ? ['--quantize', 'fp8'] : []),
        ...rt.args,
      ];
      return { command: undefined, args, env: { ...env, HUGGINGFACE_HUB_CACHE: `${CACHE_MOUNT_PATH}/hf/hub` }, modelRef, download };
    }
    case 'triton': {
      const repository = bucket ? WEIGHTS_DIR : source.startsWith('image://') ? '/models-baked' : WEIGHTS_DIR;
      const args = [
        `--model-repository=${repository}`,
        `--http-port=${rt.port}`,
        `--metrics-port=${rt.metricsPort ?? 8002}`,
        '--allow-grpc=false',
        '--strict-readiness=true',
        ...rt.args,
      ];
      return { command: ['tritonserver'], args, env, modelRef: repository, download };
    }
    case 'custom':
      return { command: rt.command, args: [...rt.args], env: { ...env, MODEL_SOURCE: source, MODEL_PATH: modelRef, PORT: String(rt.port) }, modelRef, download };
  }
}
