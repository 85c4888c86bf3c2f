import type { Placement, ServicePlan } from '../plan/types';
import { deriveRollout } from './scaling';

/** Node group bounds derived from the placement's replica bounds. */
export interface NodeBounds {
  readonly replicasPerNode: number;
  readonly min: number;
  readonly max: number;
}

/**
 * Nodes needed for the replica bounds: a node of `perInstance` GPUs holds floor(perInstance / count) replicas
 * (at least one); the maximum allows the rollout's surge nodes (lib/workload deriveRollout). Scale-to-zero
 * services keep no GPU node while idle.
 */
export function gpuNodeBounds(service: ServicePlan, placement: Placement): NodeBounds {
  const replicasPerNode = Math.max(1, Math.floor(placement.gpu.perInstance / placement.gpu.count));
  const minReplicas = service.spec.autoscaling.scaleToZero ? 0 : placement.replicas.min;
  return {
    replicasPerNode,
    min: Math.ceil(minReplicas / replicasPerNode),
    max: Math.max(1, Math.ceil(placement.replicas.max / replicasPerNode)) + deriveRollout(service, placement).surgeNodes,
  };
}

