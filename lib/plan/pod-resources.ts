import type { Offering } from '../catalog/offering';
import type { ServiceSpec } from '../spec/service';
import type { ModelRequirement } from '../sizing/model-memory';
import type { PodResources } from './types';

/**
 * What a node of an offering leaves to pods: kubelet/system reservations (EKS and GKE both reserve about
 * 6% CPU on small nodes and 1–2 GiB plus a share of memory) and the per-node daemons modelplane installs
 * (NVIDIA device plugin, DCGM exporter, log and metrics agents ≈ 0.5 vCPU, 1.5 GiB).
 */
export function allocatable(o: Offering): { cpu: number; memoryGiB: number } {
  return {
    cpu: Math.max(0, o.vcpus * 0.94 - 0.5),
    memoryGiB: Math.max(0, o.memoryGiB * 0.9 - 1.5 - 1.5),
  };
}

/**
 * Pod requests on an offering: the spec's cpu/memory when given, else the node's allocatable share
 * (whole cores, whole GiB); ephemeral storage from the model cache size. Undefined when the spec asks for
 * more than the node can give.
 */
export function podResourcesOn(o: Offering, spec: ServiceSpec, req: ModelRequirement): PodResources | undefined {
  const a = allocatable(o);
  const cpu = spec.resources.cpu ?? Math.max(1, Math.floor(a.cpu));
  const memoryGiB = spec.resources.memoryGiB ?? Math.max(1, Math.floor(a.memoryGiB));
  if (cpu > a.cpu || memoryGiB > a.memoryGiB) return undefined;
  return { cpu, memoryGiB, ephemeralStorageGiB: req.cacheDiskGiB };
}
