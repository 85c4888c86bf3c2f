import type { Construct } from 'constructs';
import { AlertRule, deriveAlerts } from '../../../lib/workload/alerts';
import { PromPrometheusRule, PromServiceMonitor } from '../objects';
import { ChartContext, meta } from './context';

/** What to look at first when an alert fires (kept short: the alert name and summary carry the what). */
const RUNBOOK: Readonly<Record<AlertRule['id'], string>> = {
  latency: 'Check queue depth and batch size (engine metrics), GPU utilisation (DCGM), and whether the autoscaler is at maxReplicas; long prompts or outputs raise p95 too.',
  errors: 'Check server logs (kubectl logs -n <ns> deploy/<svc> -c server) for CUDA OOM or engine errors, and recent rollouts (kubectl rollout history).',
  queue: 'The autoscaler is at maxReplicas or new GPU nodes are not arriving: check pending pods (kubectl get pods), node group/pool limits, GPU quota and spot capacity.',
  'gpu-memory': 'Lower runtime.gpuMemoryUtilization or model.contextTokens, or move to a larger GPU; check for memory growth after long uptimes.',
  availability: 'No ready replica: check pod events (startup probe failures mean the model did not load in the startup budget), image pulls, GPU node availability and scale-from-zero.',
};

function pascal(s: string): string {
  return s
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

/** ServiceMonitor on the engine's metrics port and path. */
export function addServiceMonitor(scope: Construct, ctx: ChartContext): PromServiceMonitor {
  return new PromServiceMonitor(scope, 'ServiceMonitor', {
    metadata: meta(ctx, ctx.names.workload, { labels: { ...ctx.cluster.monitoringLabels } }),
    spec: {
      selector: { matchLabels: ctx.selector },
      namespaceSelector: { matchNames: [ctx.names.namespace] },
      endpoints: [{ port: ctx.metricsPortName, path: ctx.service.spec.runtime.metricsPath, interval: '15s', scrapeTimeout: '10s', scheme: 'http' }],
    },
  });
}

/** PrometheusRule with the SLO alerts of deriveAlerts: page → severity critical, ticket → warning. */
export function addPrometheusRule(scope: Construct, ctx: ChartContext): PromPrometheusRule {
  const alerts = deriveAlerts(ctx.service.spec, ctx.promSelector);
  return new PromPrometheusRule(scope, 'PrometheusRule', {
    metadata: meta(ctx, ctx.names.workload, { labels: { ...ctx.cluster.monitoringLabels } }),
    spec: {
      groups: [
        {
          name: `${ctx.names.workload}.slo`,
          rules: alerts.map((a) => ({
            alert: `${pascal(ctx.names.workload)}${pascal(a.id)}`,
            expr: a.promql,
            for: `${a.forSeconds}s`,
            labels: { severity: a.severity === 'page' ? 'critical' : 'warning', 'modelplane.io/severity': a.severity, service: ctx.names.workload, namespace: ctx.names.namespace },
            annotations: {
              summary: `${ctx.names.workload}: ${a.summary}`,
              description: `${a.summary} for ${a.forSeconds}s (threshold ${a.threshold} ${a.unit}; placement ${ctx.placement.id}).`,
              runbook: RUNBOOK[a.id],
            },
          })),
        },
      ],
    },
  });
}
