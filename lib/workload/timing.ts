import type { ModelRequirement } from '../sizing/model-memory';
import type { ServiceSpec } from '../spec/service';

/**
 * Time budgets derived from the model and the API: how long a pod may take to start, how long it needs to
 * drain, and the timeouts every hop of the request path must allow.
 */
export interface Timing {
  /** Seconds the startupProbe allows before the kubelet restarts the container. */
  readonly startupBudgetSeconds: number;
  readonly startupProbe: ProbeTiming;
  readonly readinessProbe: ProbeTiming;
  readonly livenessProbe: ProbeTiming;
  /** preStop sleep: lets load balancers stop sending new requests before the server drains. */
  readonly preStopSleepSeconds: number;
  /** preStop + the longest request + margin. */
  readonly terminationGracePeriodSeconds: number;
  /** Timeout of the front door's request to the service (the longest request plus margin). */
  readonly upstreamTimeoutSeconds: number;
  /** Idle timeout of load balancers on the path (a stream may pause between tokens, never this long). */
  readonly idleTimeoutSeconds: number;
  /** Seconds a scale-up waits for a new GPU node before the autoscaler counts it as failed. */
  readonly nodeProvisioningSeconds: number;
}

export interface ProbeTiming {
  readonly periodSeconds: number;
  readonly timeoutSeconds: number;
  readonly failureThreshold: number;
  readonly initialDelaySeconds: number;
}

/** Assumed download bandwidth from a model hub or bucket to a GPU node (conservative: 2 Gbit/s). */
export const DOWNLOAD_GIB_PER_SECOND = 0.25;
/** Assumed load speed from local disk into GPU memory. */
export const LOAD_GIB_PER_SECOND = 1;
/** Engine warm-up after weights are loaded (KV cache profiling, CUDA graph capture). */
export const WARMUP_SECONDS = 120;

/**
 * Derives time budgets. The startup budget is 1.5 × (download + load) + warm-up, at least 5 minutes and at
 * most 2 hours; weights baked into the image skip the download.
 */
export function deriveTiming(spec: ServiceSpec, req: ModelRequirement): Timing {
  const downloads = !spec.model.source.startsWith('image://');
  const downloadSeconds = downloads ? req.weightsGiB / DOWNLOAD_GIB_PER_SECOND : 0;
  const loadSeconds = req.weightsGiB / LOAD_GIB_PER_SECOND;
  const raw = 1.5 * (downloadSeconds + loadSeconds) + WARMUP_SECONDS;
  const startupBudgetSeconds = clamp(Math.ceil(raw / 60) * 60, 300, 7200);
  const startupPeriod = 10;
  const preStopSleepSeconds = 15;
  const maxRequest = spec.api.maxRequestSeconds;
  return {
    startupBudgetSeconds,
    startupProbe: { periodSeconds: startupPeriod, timeoutSeconds: 5, failureThreshold: startupBudgetSeconds / startupPeriod, initialDelaySeconds: 0 },
    readinessProbe: { periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 3, initialDelaySeconds: 0 },
    livenessProbe: { periodSeconds: 15, timeoutSeconds: 5, failureThreshold: 4, initialDelaySeconds: 0 },
    preStopSleepSeconds,
    terminationGracePeriodSeconds: preStopSleepSeconds + maxRequest + 15,
    upstreamTimeoutSeconds: maxRequest + 5,
    idleTimeoutSeconds: Math.min(4000, maxRequest + 10),
    nodeProvisioningSeconds: 900,
  };
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}
