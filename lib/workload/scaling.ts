import type { Placement, ServicePlan } from '../plan/types';
import { engineMetrics } from './engine-metrics';
import { deriveTiming } from './timing';

/** A rate limit of one scaling direction (HPA `behavior` policy). */
export interface ScalingPolicy {
  readonly type: 'Pods' | 'Percent';
  readonly value: number;
  readonly periodSeconds: number;
}

/** How fast the autoscaler may move, and on what. Cloud-neutral: KEDA, HPA and cloud autoscalers read it. */
export interface ScalingBehavior {
  /** Per-pod gauge the autoscaler keeps at `targetPerReplica` (engine metric name). */
  readonly metric: string;
  /** Which gauge: in-flight requests (concurrency) or waiting requests (queueDepth). */
  readonly signal: 'running' | 'waiting';
  readonly targetPerReplica: number;
  /** PromQL summing the gauge over the service's pods; the autoscaler divides it by targetPerReplica. */
  readonly query: string;
  readonly minReplicas: number;
  readonly maxReplicas: number;
  /** Replicas when idle: 0 for scale-to-zero services, else undefined (never below minReplicas). */
  readonly idleReplicas: 0 | undefined;
  /** Seconds between metric polls (KEDA pollingInterval). */
  readonly pollingIntervalSeconds: number;
  /** Seconds of inactivity before scaling to zero (KEDA cooldownPeriod). */
  readonly cooldownSeconds: number;
  readonly scaleUp: { readonly stabilizationWindowSeconds: number; readonly policies: readonly ScalingPolicy[]; readonly selectPolicy: 'Max' | 'Min' };
  readonly scaleDown: { readonly stabilizationWindowSeconds: number; readonly policies: readonly ScalingPolicy[]; readonly selectPolicy: 'Max' | 'Min' };
}

/**
 * Scaling behaviour. Scale-up: a 60 s window ignores one-poll spikes; then at most
 * max(1, 50% of current) new replicas per 3 minutes — a new GPU node takes minutes, and pods that are still
 * pending report no load, so faster steps would only queue more pending nodes. Scale-down: nothing before
 * `autoscaling.scaleDownDelaySeconds` of lower load, then one replica per 5 minutes (a removed GPU node is
 * expensive to get back).
 */
export function deriveScaling(service: ServicePlan, placement: Placement, selector: string): ScalingBehavior {
  const spec = service.spec;
  const m = engineMetrics(spec.runtime.engine, selector);
  const signal = spec.autoscaling.target.metric === 'queueDepth' ? 'waiting' : 'running';
  const metric = signal === 'waiting' ? m.waiting : m.running;
  const delay = spec.autoscaling.scaleDownDelaySeconds;
  return {
    metric,
    signal,
    targetPerReplica: spec.autoscaling.target.value,
    query: `sum(${metric}{${selector}})`,
    minReplicas: placement.replicas.min,
    maxReplicas: Math.max(placement.replicas.min, placement.replicas.max),
    idleReplicas: spec.autoscaling.scaleToZero ? 0 : undefined,
    pollingIntervalSeconds: 15,
    cooldownSeconds: Math.max(300, delay),
    scaleUp: {
      stabilizationWindowSeconds: 60,
      policies: [
        { type: 'Pods', value: 1, periodSeconds: 180 },
        { type: 'Percent', value: 50, periodSeconds: 180 },
      ],
      selectPolicy: 'Max',
    },
    scaleDown: {
      stabilizationWindowSeconds: delay,
      policies: [{ type: 'Pods', value: 1, periodSeconds: 300 }],
      selectPolicy: 'Min',
    },
  };
}

/** How a new version replaces the old, and what voluntary disruptions may take away. */
export interface RolloutPlan {
  /** Extra pods during a rollout: each needs a free GPU (a node the cluster autoscaler adds). */
  readonly maxSurge: number;
  readonly maxUnavailable: number;
  /** Extra GPU nodes the node group must allow above maxReplicas for the surge. */
  readonly surgeNodes: number;
  /** Seconds before a stuck rollout is reported failed: node provisioning + startup budget + margin. */
  readonly progressDeadlineSeconds: number;
  /** PodDisruptionBudget: at most this many pods evicted at once by drains and upgrades. */
  readonly pdbMaxUnavailable: number;
}

/**
 * Rollout and disruption. GPU nodes rarely have a spare GPU, so:
 * - one replica (minReplicas 1): surge one pod (maxSurge 1, maxUnavailable 0) — the service keeps serving
 *   while the cluster autoscaler adds a GPU node for the new pod; node groups allow one node above max.
 *   maxSurge 0 would take the only replica down for the whole startup budget.
 * - several replicas: replace in place one at a time (maxSurge 0, maxUnavailable 1) — no extra GPU is
 *   needed, so a rollout cannot stall waiting for capacity that the node group's max forbids.
 * PodDisruptionBudget maxUnavailable 1 in both cases: minAvailable 1 on a single replica would block node
 * drains and cluster upgrades forever; maxUnavailable 1 lets a drain proceed one pod at a time.
 */
export function deriveRollout(service: ServicePlan, placement: Placement): RolloutPlan {
  const timing = deriveTiming(service.spec, service.requirement);
  const single = placement.replicas.min <= 1;
  return {
    maxSurge: single ? 1 : 0,
    maxUnavailable: single ? 0 : 1,
    surgeNodes: single ? 1 : 0,
    progressDeadlineSeconds: timing.nodeProvisioningSeconds + timing.startupBudgetSeconds + 300,
    pdbMaxUnavailable: 1,
  };
}
