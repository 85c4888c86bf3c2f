import type { Construct } from 'constructs';
import { KedaTrigger, KedaTriggerAuthentication } from '../objects';
import { ChartContext, meta } from './context';

/** Threshold of the wake-up trigger as a sizing metric: high enough never to ask for more than one replica. */
const WAKE_UP_TARGET = '1000000000';

/** The wake-up trigger of a ScaledObject, and the TriggerAuthentication it needs (aws-cloudwatch only). */
export interface WakeUpParts {
  readonly trigger: KedaTrigger;
  readonly authentication?: KedaTriggerAuthentication;
}

/**
 * The second trigger of a scale-to-zero ScaledObject: activation only. Any value above the activation
 * threshold wakes the service to minReplicas; the huge target keeps this trigger from sizing the service,
 * which stays with the engine gauge. Undefined when there is no wake-up signal.
 */
export function addWakeUp(scope: Construct, ctx: ChartContext): WakeUpParts | undefined {
  const w = ctx.cluster.wakeUp;
  switch (w.kind) {
    case 'none':
      return undefined;
    case 'prometheus':
      return {
        trigger: {
          type: 'prometheus',
          name: 'wake-up',
          metricType: 'AverageValue',
          metadata: { serverAddress: ctx.cluster.prometheusAddress, query: w.query, threshold: WAKE_UP_TARGET, activationThreshold: String(w.activationThreshold), ignoreNullValues: 'true' },
        },
      };
    case 'aws-cloudwatch': {
      const name = `${ctx.names.workload}-wake-up`;
      const authentication = new KedaTriggerAuthentication(scope, 'WakeUpAuthentication', {
        metadata: meta(ctx, name),
        spec: { podIdentity: { provider: 'aws', ...(w.roleArn !== undefined ? { roleArn: w.roleArn } : {}) } },
      });
      return {
        authentication,
        trigger: {
          type: 'aws-cloudwatch',
          name: 'wake-up',
          metricType: 'AverageValue',
          metadata: {
            awsRegion: w.region,
            namespace: w.namespace,
            metricName: w.metricName,
            dimensionName: w.dimensions.map(([name]) => name).join(';'),
            dimensionValue: w.dimensions.map(([, value]) => value).join(';'),
            metricStat: w.statistic,
            metricStatPeriod: String(w.periodSeconds),
            metricCollectionTime: String(w.lookbackSeconds),
            targetMetricValue: WAKE_UP_TARGET,
            activationTargetMetricValue: String(w.activationThreshold),
            // No datapoint in the window (no request) reads as 0: idle, not an error.
            minMetricValue: '0',
            ignoreNullValues: 'true',
          },
          authenticationRef: { name },
        },
      };
    }
  }
}
