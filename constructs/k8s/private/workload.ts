import type { Construct } from 'constructs';
import { deriveRollout } from '../../../lib/workload/scaling';
import { modelLoadSeconds } from '../../../lib/workload/load-time';
import { KubeDeployment, KubeNamespace, KubeServiceAccount } from '../objects';
import { ChartContext, meta } from './context';
import { podTemplate } from './pod';

/** Deployment annotation: expected seconds to download and load the model. */
export const MODEL_LOAD_ANNOTATION = 'modelplane.io/model-load-seconds';

/** The service's namespace, enforcing the restricted Pod Security Standard. */
export function addNamespace(scope: Construct, ctx: ChartContext): KubeNamespace {
  return new KubeNamespace(scope, 'Namespace', {
    metadata: {
      name: ctx.names.namespace,
      labels: {
        ...ctx.labels,
        'pod-security.kubernetes.io/enforce': 'restricted',
        'pod-security.kubernetes.io/enforce-version': 'latest',
        'pod-security.kubernetes.io/audit': 'restricted',
        'pod-security.kubernetes.io/warn': 'restricted',
      },
    },
  });
}

/** The dedicated ServiceAccount: carries the cloud identity annotation, mounts no API token by default. */
export function addServiceAccount(scope: Construct, ctx: ChartContext): KubeServiceAccount {
  return new KubeServiceAccount(scope, 'ServiceAccount', {
    metadata: meta(ctx, ctx.names.workload, { annotations: { ...ctx.cluster.serviceAccountAnnotations } }),
    automountServiceAccountToken: false,
  });
}

/**
 * The Deployment. `replicas` is left out: the autoscaler owns it (a re-apply would otherwise reset the
 * live count). A Deployment rather than a StatefulSet: the cache is per-pod scratch refilled on start,
 * so replicas are interchangeable.
 */
export function addDeployment(scope: Construct, ctx: ChartContext): KubeDeployment {
  const rollout = deriveRollout(ctx.service, ctx.placement);
  return new KubeDeployment(scope, 'Deployment', {
    metadata: meta(ctx, ctx.names.workload, {
      annotations: {
        // Read by the probes policy rule: the startupProbe must allow at least the expected model load.
        [MODEL_LOAD_ANNOTATION]: String(modelLoadSeconds(ctx.service.spec, ctx.service.requirement)),
        'modelplane.io/startup-budget-seconds': String(ctx.timing.startupBudgetSeconds),
      },
    }),
    spec: {
      selector: { matchLabels: ctx.selector },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: rollout.maxSurge, maxUnavailable: rollout.maxUnavailable } },
      progressDeadlineSeconds: rollout.progressDeadlineSeconds,
      revisionHistoryLimit: 5,
      template: podTemplate(ctx),
    },
  });
}
