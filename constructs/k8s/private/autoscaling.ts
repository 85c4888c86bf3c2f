import type { Construct } from 'constructs';
import { deriveScaling, ScalingBehavior } from '../../../lib/workload/scaling';
import { HpaBehavior, KedaPrometheusTrigger, KedaScaledObject, KubeHorizontalPodAutoscaler } from '../objects';
import { ChartContext, meta } from './context';

/** Threshold of the wake-up trigger: high enough never to ask for more than one replica. */
const WAKE_UP_THRESHOLD = '1000000000';

function behavior(s: ScalingBehavior): HpaBehavior {
  return {
    scaleUp: { stabilizationWindowSeconds: s.scaleUp.stabilizationWindowSeconds, selectPolicy: s.scaleUp.selectPolicy, policies: s.scaleUp.policies.map((p) => ({ ...p })) },
    scaleDown: { stabilizationWindowSeconds: s.scaleDown.stabilizationWindowSeconds, selectPolicy: s.scaleDown.selectPolicy, policies: s.scaleDown.policies.map((p) => ({ ...p })) },
  };
}

/**
 * KEDA ScaledObject: a Prometheus trigger on the engine gauge (sum over pods ÷ target per replica), the
 * replica bounds of the placement, idleReplicaCount 0 for scale-to-zero services plus a wake-up trigger on
 * requests arriving upstream (the pods report nothing while there are none), HPA behaviour that respects
 * slow GPU nodes, and a fallback to minReplicas if Prometheus cannot be queried.
 */
export function addScaledObject(scope: Construct, ctx: ChartContext): KedaScaledObject {
  const s = deriveScaling(ctx.service, ctx.placement, ctx.promSelector);
  const triggers: KedaPrometheusTrigger[] = [
    {
      type: 'prometheus',
      name: `engine-${s.signal}`,
      metricType: 'AverageValue',
      metadata: { serverAddress: ctx.cluster.prometheusAddress, query: s.query, threshold: String(s.targetPerReplica), ignoreNullValues: 'true' },
    },
  ];
  if (s.idleReplicas === 0 && ctx.cluster.wakeUpQuery !== undefined) {
    triggers.push({
      type: 'prometheus',
      name: 'wake-up',
      metricType: 'AverageValue',
      // Activation only: any request upstream (> 0) wakes the service to minReplicas; the huge threshold
      // keeps this trigger from sizing the service, which stays with the engine gauge.
      metadata: { serverAddress: ctx.cluster.prometheusAddress, query: ctx.cluster.wakeUpQuery, threshold: WAKE_UP_THRESHOLD, activationThreshold: '0', ignoreNullValues: 'true' },
    });
  }
  return new KedaScaledObject(scope, 'Autoscaler', {
    metadata: meta(ctx, ctx.names.workload),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: ctx.names.workload },
      pollingInterval: s.pollingIntervalSeconds,
      cooldownPeriod: s.cooldownSeconds,
      minReplicaCount: s.minReplicas,
      maxReplicaCount: s.maxReplicas,
      ...(s.idleReplicas !== undefined ? { idleReplicaCount: s.idleReplicas } : {}),
      fallback: { failureThreshold: 3, replicas: s.minReplicas },
      advanced: { horizontalPodAutoscalerConfig: { name: `keda-hpa-${ctx.names.workload}`, behavior: behavior(s) } },
      triggers,
    },
  });
}

/**
 * autoscaling/v2 HPA on a per-pod custom metric (served by prometheus-adapter or another custom metrics
 * API). The metric name is the engine gauge with ':' replaced by '_' — configure the adapter to expose it
 * under that name. No scale to zero: HPA's minReplicas is at least 1.
 */
export function addHorizontalPodAutoscaler(scope: Construct, ctx: ChartContext): KubeHorizontalPodAutoscaler {
  const s = deriveScaling(ctx.service, ctx.placement, ctx.promSelector);
  return new KubeHorizontalPodAutoscaler(scope, 'Autoscaler', {
    metadata: meta(ctx, ctx.names.workload),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: ctx.names.workload },
      minReplicas: Math.max(1, s.minReplicas),
      maxReplicas: s.maxReplicas,
      metrics: [{ type: 'Pods', pods: { metric: { name: s.metric.replace(/:/g, '_') }, target: { type: 'AverageValue', averageValue: String(s.targetPerReplica) } } }],
      behavior: behavior(s),
    },
  });
}
