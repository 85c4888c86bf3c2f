import type { ServiceSpec } from '../spec/service';
import { engineMetrics } from './engine-metrics';

/** One alert derived from the SLOs, cloud-neutral: each target renders it (PrometheusRule, CloudWatch, Cloud Monitoring). */
export interface AlertRule {
  /** Stable id, also the alert name suffix: latency, errors, queue, gpu-memory, availability. */
  readonly id: 'latency' | 'errors' | 'queue' | 'gpu-memory' | 'availability';
  readonly summary: string;
  /** PromQL expression that is > 0 (true) while the alert fires. */
  readonly promql: string;
  /** Threshold in the unit of the metric the clouds' native alarms use (seconds, percent, count). */
  readonly threshold: number;
  readonly unit: 'seconds' | 'percent' | 'requests' | 'ratio';
  /** How long the condition must hold, seconds. */
  readonly forSeconds: number;
  readonly severity: 'page' | 'ticket';
}

/**
 * Alerts from `monitoring.slo`: p95 latency above the objective, error rate above the objective, queue
 * saturation (waiting requests above twice the autoscaling target per replica — the autoscaler is at its
 * ceiling or nodes are not arriving), GPU memory near full (DCGM), and no ready replica (availability).
 */
export function deriveAlerts(spec: ServiceSpec, selector: string): AlertRule[] {
  const m = engineMetrics(spec.runtime.engine, selector);
  const slo = spec.monitoring.slo;
  const rules: AlertRule[] = [];
  if (m.p95LatencySeconds !== undefined) {
    rules.push({
      id: 'latency',
      summary: `p95 latency above ${slo.p95LatencyMs} ms`,
      promql: `${m.p95LatencySeconds} > ${slo.p95LatencyMs / 1000}`,
      threshold: slo.p95LatencyMs / 1000,
      unit: 'seconds',
      forSeconds: 600,
      severity: 'ticket',
    });
  }
  rules.push({
    id: 'errors',
    summary: `error rate above ${slo.errorRatePercent}%`,
    promql: `(${m.errorRate}) / clamp_min(${m.requestRate}, 1e-9) * 100 > ${slo.errorRatePercent}`,
    threshold: slo.errorRatePercent,
    unit: 'percent',
    forSeconds: 300,
    severity: 'page',
  });
  const perReplica = spec.autoscaling.target.metric === 'queueDepth' ? spec.autoscaling.target.value * 2 : Math.max(1, spec.autoscaling.target.value);
  rules.push({
    id: 'queue',
    summary: `more than ${perReplica} requests waiting per replica for 10 minutes (autoscaler at its limit or GPU nodes not arriving)`,
    promql: `avg(${m.waiting}{${selector}}) > ${perReplica}`,
    threshold: perReplica,
    unit: 'requests',
    forSeconds: 600,
    severity: 'ticket',
  });
  rules.push({
    id: 'gpu-memory',
    summary: 'GPU memory above 97% (DCGM exporter): the engine may fail to allocate',
    promql: `max(DCGM_FI_DEV_FB_USED{${selector}} / (DCGM_FI_DEV_FB_USED{${selector}} + DCGM_FI_DEV_FB_FREE{${selector}})) > 0.97`,
    threshold: 0.97,
    unit: 'ratio',
    forSeconds: 900,
    severity: 'ticket',
  });
  rules.push({
    id: 'availability',
    summary: `no ready replica (availability objective ${slo.availabilityPercent}%)`,
    promql: `sum(kube_deployment_status_replicas_available{${selector}}) < 1`,
    threshold: 1,
    unit: 'requests',
    forSeconds: spec.autoscaling.scaleToZero ? 1800 : 300,
    severity: 'page',
  });
  return rules;
}
