import { Duration } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { Placement, ServicePlan } from '../../../lib/plan/types';
import { deriveAlerts, AlertRule } from '../../../lib/workload/alerts';
import { resourceNames } from '../../../lib/workload/names';

/** Alarms evaluate one-minute datapoints; an alert's `forSeconds` becomes that many consecutive minutes. */
const PERIOD = Duration.minutes(1);
const CONTAINER_INSIGHTS = 'ContainerInsights';

/** The alert ids rendered as CloudWatch alarms: those whose metric CloudWatch has (the queue gauge lives in Prometheus). */
export const CLOUDWATCH_ALERT_IDS: ReadonlyArray<AlertRule['id']> = ['latency', 'errors', 'gpu-memory', 'availability'];

export interface MonitoringOptions {
  readonly service: ServicePlan;
  readonly placement: Placement;
  readonly stage: apigw.Stage;
  readonly clusterName: string;
  readonly key: kms.IKey;
  readonly extraActions: readonly cloudwatch.IAlarmAction[];
}

export interface MonitoringParts {
  readonly dashboard: cloudwatch.Dashboard;
  readonly alarms: Readonly<Record<string, cloudwatch.Alarm>>;
  /** The encrypted topic of the email destinations; undefined without email destinations. */
  readonly alertTopic?: sns.Topic;
  /** Every topic alarms notify (the email topic and the declared SNS topics). */
  readonly topics: readonly sns.ITopic[];
}

/** Container Insights metric of the service's namespace. */
function insight(metricName: string, clusterName: string, namespace: string, statistic: string): cloudwatch.Metric {
  return new cloudwatch.Metric({ namespace: CONTAINER_INSIGHTS, metricName, dimensionsMap: { ClusterName: clusterName, Namespace: namespace }, statistic, period: PERIOD });
}

/**
 * Dashboard and alarms of one placement. Thresholds and durations come from lib/workload's deriveAlerts (the
 * SLOs); this file only picks the CloudWatch metric that measures each one: API Gateway Latency p95 and 5XX
 * share of requests for the SLOs, Container Insights' GPU memory and running pods for saturation and
 * availability. Alarms notify the spec's destinations: email through an encrypted topic, SNS topics by ARN.
 */
export function createMonitoring(scope: Construct, options: MonitoringOptions): MonitoringParts {
  const { service, placement, stage, clusterName } = options;
  const names = resourceNames(service.name, placement);
  const ns = names.namespace;

  const emails = service.spec.monitoring.alerts.flatMap((d) => (d.type === 'email' ? [d.address] : []));
  let alertTopic: sns.Topic | undefined;
  if (emails.length > 0) {
    alertTopic = new sns.Topic(scope, 'AlertTopic', { displayName: `${names.cloudPrefix} alerts`, masterKey: options.key, enforceSSL: true });
    for (const address of emails) alertTopic.addSubscription(new subscriptions.EmailSubscription(address));
  }
  const existing = service.spec.monitoring.alerts.flatMap((d, i) => (d.type === 'sns' ? [sns.Topic.fromTopicArn(scope, `AlertDestination${i}`, d.topicArn)] : []));
  const topics: sns.ITopic[] = [...(alertTopic ? [alertTopic] : []), ...existing];
  const alarmActions: cloudwatch.IAlarmAction[] = [...topics.map((t) => new actions.SnsAction(t)), ...options.extraActions];

  const requests = stage.metricCount({ statistic: 'Sum', period: PERIOD });
  const serverErrors = stage.metricServerError({ statistic: 'Sum', period: PERIOD });
  const errorPercent = new cloudwatch.MathExpression({
    expression: 'IF(requests > 0, 100 * errors / requests, 0)',
    usingMetrics: { requests, errors: serverErrors },
    period: PERIOD,
    label: '5XX % of requests',
  });
  const latencyP95 = stage.metricLatency({ statistic: 'p95', period: PERIOD });
  const gpuMemory = insight('pod_gpu_memory_utilization', clusterName, ns, 'Maximum');
  const runningPods = insight('namespace_number_of_running_pods', clusterName, ns, 'Minimum');

  const scaleToZero = service.spec.autoscaling.scaleToZero;
  const alarms: Record<string, cloudwatch.Alarm> = {};
  for (const rule of deriveAlerts(service.spec, `namespace="${ns}"`)) {
    if (!CLOUDWATCH_ALERT_IDS.includes(rule.id)) continue;
    const minutes = Math.max(1, Math.round(rule.forSeconds / 60));
    const common = { evaluationPeriods: minutes, datapointsToAlarm: minutes, alarmName: `${names.cloudPrefix}-${rule.id}`, alarmDescription: `[${rule.severity}] ${service.name}: ${rule.summary}` };
    let alarm: cloudwatch.Alarm;
    switch (rule.id) {
      case 'latency':
        alarm = latencyP95.createAlarm(scope, 'AlarmLatency', { ...common, threshold: rule.threshold * 1000, comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD, treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING });
        break;
      case 'errors':
        alarm = errorPercent.createAlarm(scope, 'AlarmErrors', { ...common, threshold: rule.threshold, comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD, treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING });
        break;
      case 'gpu-memory':
        // deriveAlerts gives a ratio; Container Insights reports percent.
        alarm = gpuMemory.createAlarm(scope, 'AlarmGpuMemory', { ...common, threshold: rule.threshold * 100, comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD, treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING });
        break;
      default:
        // No datapoint means no running pod in the namespace: an outage, unless the service scales to zero.
        alarm = runningPods.createAlarm(scope, 'AlarmAvailability', {
          ...common,
          threshold: rule.threshold,
          comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
          treatMissingData: scaleToZero ? cloudwatch.TreatMissingData.NOT_BREACHING : cloudwatch.TreatMissingData.BREACHING,
        });
    }
    for (const action of alarmActions) {
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
    }
    alarms[rule.id] = alarm;
  }

  const dashboard = new cloudwatch.Dashboard(scope, 'Dashboard', { dashboardName: names.cloudPrefix, defaultInterval: Duration.hours(3) });
  const slo = service.spec.monitoring.slo;
  dashboard.addWidgets(
    new cloudwatch.GraphWidget({ title: 'Requests / min', left: [requests], width: 8 }),
    new cloudwatch.GraphWidget({
      title: 'Latency (ms)',
      left: [stage.metricLatency({ statistic: 'p50', period: PERIOD }), latencyP95, stage.metricIntegrationLatency({ statistic: 'p95', period: PERIOD })],
      leftAnnotations: [{ value: slo.p95LatencyMs, label: 'p95 objective' }],
      width: 8,
    }),
    new cloudwatch.GraphWidget({
      title: 'Errors',
      left: [stage.metricClientError({ statistic: 'Sum', period: PERIOD }), serverErrors],
      right: [errorPercent],
      rightAnnotations: [{ value: slo.errorRatePercent, label: 'error objective %' }],
      width: 8,
    }),
  );
  dashboard.addWidgets(
    new cloudwatch.GraphWidget({ title: 'GPU utilisation %', left: [insight('pod_gpu_utilization', clusterName, ns, 'Average'), insight('pod_gpu_utilization', clusterName, ns, 'Maximum')], width: 8 }),
    new cloudwatch.GraphWidget({ title: 'GPU memory %', left: [gpuMemory], width: 8 }),
    new cloudwatch.GraphWidget({ title: `Running replicas (min ${placement.replicas.min}, max ${placement.replicas.max})`, left: [insight('namespace_number_of_running_pods', clusterName, ns, 'Average')], width: 8 }),
  );
  return { dashboard, alarms, alertTopic, topics };
}
