import type { ServicePlan } from '../../../lib/plan/types';
import type { WakeUpOption } from '../../k8s/cluster';
import type { AwsFrontDoorKind } from '../model-service';
import { restApiName, STAGE_NAME } from './front-door';

/** API Gateway publishes its request metrics once a minute. */
const PERIOD_SECONDS = 60;
/** Latest datapoint within five minutes (KEDA's default window); also how long the signal outlives the last request. */
const LOOKBACK_SECONDS = 300;

/**
 * What wakes a scale-to-zero service on AWS: the request count of its REST API stage (CloudWatch
 * `AWS/ApiGateway` `Count`, dimensions ApiName and Stage as API Gateway publishes them), read by KEDA's
 * aws-cloudwatch scaler with the KEDA operator's IRSA role. API Gateway counts every request, including
 * those that fail while there are no pods, so the first request wakes the service; KEDA sees it once its
 * minute is complete (one to two minutes, plus the polling interval).
 *
 * The statistic is `Sum`, as the service's dashboard and alarms read the same metric; a minute without
 * requests has no datapoint, which KEDA reads as 0. Without a front door there is no request metric: scale
 * to zero is then not applied, and the ScaledObject says why.
 */
export function apiRequestsWakeUp(service: ServicePlan, region: string, frontDoor: AwsFrontDoorKind): WakeUpOption {
  if (frontDoor === 'none') {
    return { kind: 'none', reason: "frontDoor is 'none': no API Gateway request count to wake the service (AwsModelServiceProps.frontDoor)" };
  }
  return {
    kind: 'aws-cloudwatch',
    region,
    namespace: 'AWS/ApiGateway',
    metricName: 'Count',
    dimensions: { ApiName: restApiName(service), Stage: STAGE_NAME },
    statistic: 'Sum',
    periodSeconds: PERIOD_SECONDS,
    lookbackSeconds: LOOKBACK_SECONDS,
    activationThreshold: 0,
  };
}
