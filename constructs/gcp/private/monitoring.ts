import * as gcp from '@pulumi/gcp';
import { engineMetrics } from '../../../lib/workload';
import { child, Ctx } from './context';

export interface Monitoring {
  readonly channels: readonly gcp.monitoring.NotificationChannel[];
  readonly alertPolicies: readonly gcp.monitoring.AlertPolicy[];
  readonly dashboard: gcp.monitoring.Dashboard;
}

/** How often Cloud Monitoring evaluates the PromQL conditions, seconds. */
export const EVALUATION_INTERVAL_SECONDS = 60;

/**
 * Notification channels for the declared destinations (email; Pub/Sub topics, whose publisher grant to the
 * Cloud Monitoring notification agent is the topic owner's), one alert policy per derived SLO alert (PromQL on
 * Managed Prometheus: the same expressions as the Kubernetes target's PrometheusRule), and a dashboard.
 */
export function createMonitoring(ctx: Ctx): Monitoring {
  const { r, project, parent } = ctx;
  const opts = { parent };
  const channels = r.destinations.map((d, i) =>
    d.type === 'email'
      ? new gcp.monitoring.NotificationChannel(child(ctx, `alerts-email-${i}`), { project, type: 'email', displayName: `${r.names.prefix} ${d.address}`, labels: { email_address: d.address } }, opts)
      : new gcp.monitoring.NotificationChannel(child(ctx, `alerts-pubsub-${i}`), { project, type: 'pubsub', displayName: `${r.names.prefix} ${d.topic}`, labels: { topic: d.topic } }, opts),
  );
  const alertPolicies = r.alerts.map(
    (a) =>
      new gcp.monitoring.AlertPolicy(
        child(ctx, `alert-${a.id}`),
        {
          project,
          displayName: `${r.names.prefix}: ${a.summary}`,
          combiner: 'OR',
          severity: a.severity === 'page' ? 'CRITICAL' : 'WARNING',
          conditions: [
            {
              displayName: a.summary,
              conditionPrometheusQueryLanguage: {
                query: a.promql,
                duration: `${a.forSeconds}s`,
                evaluationInterval: `${EVALUATION_INTERVAL_SECONDS}s`,
                alertRule: a.id,
                ruleGroup: r.names.prefix,
                labels: { severity: a.severity, service: r.service.name },
              },
            },
          ],
          notificationChannels: channels.map((c) => c.id),
          documentation: { subject: `[${a.severity}] ${r.service.name} (${r.placement.id}): ${a.id}`, content: `${a.summary}.\n\nPromQL: \`${a.promql}\``, mimeType: 'text/markdown' },
          alertStrategy: { autoClose: '1800s' },
          userLabels: { 'modelplane-service': r.service.name },
        },
        opts,
      ),
  );
  const dashboard = new gcp.monitoring.Dashboard(child(ctx, 'dashboard'), { project, dashboardJson: dashboardJson(ctx) }, opts);
  return { channels, alertPolicies, dashboard };
}

/** The dashboard: latency, request and error rates, queue, GPU utilisation and memory, replicas. */
export function dashboardJson(ctx: Ctx): string {
  const { r } = ctx;
  const sel = r.selector;
  const m = engineMetrics(r.service.spec.runtime.engine, sel);
  const charts: Array<[string, string]> = [
    ...(m.p95LatencySeconds ? [['p95 latency (s)', m.p95LatencySeconds] as [string, string]] : []),
    ['Requests per second', m.requestRate],
    ['Errors per second', m.errorRate],
    ['Requests running / waiting', `sum(${m.running}{${sel}}) or sum(${m.waiting}{${sel}})`],
    ['GPU utilisation (%)', `avg(DCGM_FI_DEV_GPU_UTIL{${sel}})`],
    ['GPU memory used (ratio)', `max(DCGM_FI_DEV_FB_USED{${sel}} / (DCGM_FI_DEV_FB_USED{${sel}} + DCGM_FI_DEV_FB_FREE{${sel}}))`],
    ['Ready replicas', `sum(kube_deployment_status_replicas_available{${sel}})`],
  ];
  const width = 6;
  const height = 4;
  const tiles = charts.map(([title, query], i) => ({
    xPos: (i % 2) * width,
    yPos: Math.floor(i / 2) * height,
    width,
    height,
    widget: { title, xyChart: { dataSets: [{ timeSeriesQuery: { prometheusQuery: query }, plotType: 'LINE' }], yAxis: { scale: 'LINEAR' } } },
  }));
  return JSON.stringify({ displayName: `modelplane ${r.service.name} (${r.placement.id})`, mosaicLayout: { columns: 12, tiles } });
}
