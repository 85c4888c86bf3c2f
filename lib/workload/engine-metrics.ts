import type { Engine } from '../spec/runtime';

/**
 * The Prometheus metrics each engine exposes, and the ones modelplane autoscales and alerts on.
 *
 * Sources: vLLM docs "Production metrics" (vllm:num_requests_running / _waiting, and the
 * prometheus-fastapi-instrumentator http_requests_total / http_request_duration_seconds of its API server);
 * TGI docs "Metrics" (tgi_queue_size, tgi_batch_current_size, tgi_request_count, tgi_request_failure,
 * tgi_request_duration); Triton docs "Metrics" (nv_inference_pending_request_count,
 * nv_inference_request_success / _failure, nv_inference_request_duration_us). Custom servers follow the
 * contract documented in the README (modelplane_requests_running / _waiting gauges and the conventional
 * http_requests_total / http_request_duration_seconds).
 */
export interface EngineMetrics {
  /** Gauge of requests being processed by one pod. */
  readonly running: string;
  /** Gauge of requests waiting in one pod's queue. */
  readonly waiting: string;
  /** PromQL (by pod selector `{sel}`) rate of all requests per second. */
  readonly requestRate: string;
  /** PromQL rate of failed requests per second. */
  readonly errorRate: string;
  /** PromQL p95 latency in seconds, or undefined when the engine has no latency histogram. */
  readonly p95LatencySeconds: string | undefined;
}

/** Metric names and queries for an engine; `{sel}` is replaced by a label selector such as namespace="x". */
export function engineMetrics(engine: Engine, sel: string): EngineMetrics {
  const s = `{${sel}}`;
  switch (engine) {
    case 'vllm':
      return {
        running: 'vllm:num_requests_running',
        waiting: 'vllm:num_requests_waiting',
        requestRate: `sum(rate(http_requests_total${s}[5m]))`,
        errorRate: `sum(rate(http_requests_total{${sel},status="5xx"}[5m]))`,
        p95LatencySeconds: `histogram_quantile(0.95, sum by (le) (rate(vllm:e2e_request_latency_seconds_bucket${s}[5m])))`,
      };
    case 'tgi':
      return {
        running: 'tgi_batch_current_size',
        waiting: 'tgi_queue_size',
        requestRate: `sum(rate(tgi_request_count${s}[5m]))`,
        errorRate: `sum(rate(tgi_request_failure${s}[5m]))`,
        p95LatencySeconds: `histogram_quantile(0.95, sum by (le) (rate(tgi_request_duration_bucket${s}[5m])))`,
      };
    case 'triton':
      return {
        running: 'nv_inference_exec_count',
        waiting: 'nv_inference_pending_request_count',
        requestRate: `sum(rate(nv_inference_request_success${s}[5m])) + sum(rate(nv_inference_request_failure${s}[5m]))`,
        errorRate: `sum(rate(nv_inference_request_failure${s}[5m]))`,
        p95LatencySeconds: undefined,
      };
    case 'custom':
      return {
        running: 'modelplane_requests_running',
        waiting: 'modelplane_requests_waiting',
        requestRate: `sum(rate(http_requests_total${s}[5m]))`,
        errorRate: `sum(rate(http_requests_total{${sel},status=~"5.."}[5m]))`,
        p95LatencySeconds: `histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket${s}[5m])))`,
      };
  }
}
