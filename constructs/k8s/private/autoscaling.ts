import type { Construct } from 'constructs';
import { deriveScaling, ScalingBehavior } from '../../../lib/workload/scaling';
import { SCALE_TO_ZERO_ANNOTATION } from '../cluster';
import { HpaBehavior, KedaScaledObject, KedaTrigger, KedaTriggerAuthentication, KubeHorizontalPodAutoscaler } from '../objects';
import { ChartContext, meta } from './context';
import { addWakeUp } from './wake-up';

function behavior(s: ScalingBehavior): HpaBehavior {
  return {
    scaleUp: { stabilizationWindowSeconds: s.scaleUp.stabilizationWindowSeconds, selectPolicy: s.scaleUp.selectPolicy, policies: s.scaleUp.policies.map((p) => ({ ...p })) },
    scaleDown: { stabilizationWindowSeconds: s.scaleDown.stabilizationWindowSeconds, selectPolicy: s.scaleDown.selectPolicy, policies: s.scaleDown.policies.map((p) => ({ ...p })) },
  };
}

/** The KEDA objects of the service. */
export interface KedaParts {
  readonly scaledObject: KedaScaledObject;
  /** Credentials of the wake-up trigger (aws-cloudwatch); undefined otherwise. */
  readonly triggerAuthentication?: KedaTriggerAuthentication;
}

/**
 * KEDA ScaledObject: a Prometheus trigger on the engine gauge (sum over pods ÷ target per replica), the
 * replica bounds of the placement, HPA behaviour that respects slow GPU nodes, and a fallback to
 * minReplicas if Prometheus cannot be queried. A scale-to-zero service gets idleReplicaCount 0 only with a
 * wake-up signal (`cluster.wakeUp`), a second trigger on requests arriving upstream (the pods report nothing
 * while there are none); without one it keeps minReplicas, and the annotation `modelplane.io/scale-to-zero`
 * says why — a service at zero that nothing can wake would never serve again.
 */
export function addScaledObject(scope: Construct, ctx: ChartContext): KedaParts {
  const s = deriveScaling(ctx.service, ctx.placement, ctx.promSelector);
  const triggers: KedaTrigger[] = [
    {
      type: 'prometheus',
      name: `engine-${s.signal}`,
      metricType: 'AverageValue',
      metadata: { serverAddress: ctx.cluster.prometheusAddress, query: s.query, threshold: String(s.targetPerReplica), ignoreNullValues: 'true' },
    },
  ];
  const wakeUp = s.idleReplicas === 0 ? addWakeUp(scope, ctx) : undefined;
  if (wakeUp) triggers.push(wakeUp.trigger);
  const idleReplicas = wakeUp ? s.idleReplicas : undefined;
  const disabled = s.idleReplicas === 0 && ctx.cluster.wakeUp.kind === 'none' ? ctx.cluster.wakeUp.reason : undefined;
  const scaledObject = new KedaScaledObject(scope, 'Autoscaler', {
    metadata: meta(ctx, ctx.names.workload, disabled !== undefined ? { annotations: { [SCALE_TO_ZERO_ANNOTATION]: `disabled: ${disabled}` } } : undefined),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: ctx.names.workload },
      pollingInterval: s.pollingIntervalSeconds,
      cooldownPeriod: s.cooldownSeconds,
      minReplicaCount: s.minReplicas,
      maxReplicaCount: s.maxReplicas,
      ...(idleReplicas !== undefined ? { idleReplicaCount: idleReplicas } : {}),
      fallback: { failureThreshold: 3, replicas: s.minReplicas },
      advanced: { horizontalPodAutoscalerConfig: { name: `keda-hpa-${ctx.names.workload}`, behavior: behavior(s) } },
      triggers,
    },
  });
  return { scaledObject, ...(wakeUp?.authentication ? { triggerAuthentication: wakeUp.authentication } : {}) };
}

/**
 * autoscaling/v2 HPA on a per-pod custom metric (served by prometheus-adapter or another custom metrics
 * API). The metric name is the engine gauge with ':' replaced by '_' — configure the adapter to expose it
 * under that name. No scale to zero: HPA's minReplicas is at least 1 (a scale-to-zero service says so in the
 * `modelplane.io/scale-to-zero` annotation).
 */
export function addHorizontalPodAutoscaler(scope: Construct, ctx: ChartContext): KubeHorizontalPodAutoscaler {
  const s = deriveScaling(ctx.service, ctx.placement, ctx.promSelector);
  return new KubeHorizontalPodAutoscaler(scope, 'Autoscaler', {
    metadata: meta(ctx, ctx.names.workload, s.idleReplicas === 0 ? { annotations: { [SCALE_TO_ZERO_ANNOTATION]: 'disabled: the hpa autoscaler cannot scale to zero (cluster.autoscaler)' } } : undefined),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: ctx.names.workload },
      minReplicas: Math.max(1, s.minReplicas),
      maxReplicas: s.maxReplicas,
      metrics: [{ type: 'Pods', pods: { metric: { name: s.metric.replace(/:/g, '_') }, target: { type: 'AverageValue', averageValue: String(s.targetPerReplica) } } }],
      behavior: behavior(s),
    },
  });
}
