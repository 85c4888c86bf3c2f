import type { Construct } from 'constructs';
import { deriveRollout } from '../../../lib/workload/scaling';
import { KubePodDisruptionBudget, KubeService } from '../objects';
import { ChartContext, meta } from './context';

/** ClusterIP Service: `http` for the API, `metrics` when the engine serves metrics on its own port. */
export function addService(scope: Construct, ctx: ChartContext): KubeService {
  const rt = ctx.service.spec.runtime;
  return new KubeService(scope, 'Service', {
    metadata: meta(ctx, ctx.names.workload, { annotations: { ...ctx.cluster.serviceAnnotations } }),
    spec: {
      type: 'ClusterIP',
      selector: { ...ctx.selector },
      ports: [
        { name: 'http', port: rt.port, targetPort: 'http', protocol: 'TCP', appProtocol: 'http' },
        ...(ctx.metricsPortName === 'metrics' ? [{ name: 'metrics', port: ctx.metricsPort, targetPort: 'metrics', protocol: 'TCP' as const }] : []),
      ],
    },
  });
}

/**
 * PodDisruptionBudget maxUnavailable 1 (see deriveRollout): drains proceed one pod at a time and are never
 * blocked forever by a single-replica service. Pods that are not ready yet (still loading a model, or
 * crash-looping) may always be evicted, so a stuck pod cannot block a node upgrade.
 */
export function addPodDisruptionBudget(scope: Construct, ctx: ChartContext): KubePodDisruptionBudget {
  const rollout = deriveRollout(ctx.service, ctx.placement);
  return new KubePodDisruptionBudget(scope, 'PodDisruptionBudget', {
    metadata: meta(ctx, ctx.names.workload),
    spec: { selector: { matchLabels: ctx.selector }, maxUnavailable: rollout.pdbMaxUnavailable, unhealthyPodEvictionPolicy: 'AlwaysAllow' },
  });
}
