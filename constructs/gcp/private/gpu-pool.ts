import * as gcp from '@pulumi/gcp';
import type * as pulumi from '@pulumi/pulumi';
import { hardenedNodeConfig } from './cluster';
import { child, Ctx } from './context';
import { gpuNodeBounds } from '../../../lib/workload/node-bounds';
import type { Resolved } from './resolve';

/**
 * GPU driver installed by GKE on the node pool. `LATEST` is the newest driver GKE qualifies for the node's
 * GKE version: current engine images (vLLM 0.11 and Triton 25.09 are built on CUDA 12.8+) need an R570-or-newer
 * driver, which `DEFAULT` does not give on every GKE version. It stays deterministic for a given GKE version
 * (the release channel moves both) and is never left to the NVIDIA installer DaemonSet.
 */
export const GPU_DRIVER_VERSION = 'LATEST';

/** Disk beyond the model cache: OS, kubelet reserve, container images (engine images are 10–25 GiB unpacked). */
export const NODE_DISK_OVERHEAD_GIB = 60;
/** Smallest GPU node boot disk. */
export const MIN_GPU_NODE_DISK_GIB = 100;

/** Machine families that only take Hyperdisk boot disks. */
const HYPERDISK_ONLY = /^(a3-megagpu|a3-ultragpu|a4-|a4x-)/;

/** The GPU node pool's arguments, as plain data (unit-tested and checked by the policy pack). */
export function gpuPoolArgs(r: Resolved, project: pulumi.Input<string>, cluster: pulumi.Input<string>, nodeAccountEmail: pulumi.Input<string>): gcp.container.NodePoolArgs {
  const p = r.placement;
  const spot = p.capacity === 'spot';
  const bounds = gpuNodeBounds(r.service, p);
  const diskSizeGb = Math.max(MIN_GPU_NODE_DISK_GIB, Math.ceil(p.pod.ephemeralStorageGiB + NODE_DISK_OVERHEAD_GIB));
  return {
    project,
    cluster,
    location: p.region,
    // GPUs are zonal: only the zones of the region that offer this accelerator.
    nodeLocations: [...p.zones],
    // Bounds from lib/workload (replicas per node, no idle GPU node when scaling to zero, the rollout's surge
    // node). Total limits, not per-zone ones: a per-zone minimum of 1 would keep a GPU node in every zone.
    initialNodeCount: 0,
    autoscaling: {
      totalMinNodeCount: bounds.min,
      totalMaxNodeCount: bounds.max,
      // Spot: take capacity wherever it is (fewer preemptions); on-demand: spread replicas over the zones.
      locationPolicy: spot ? 'ANY' : 'BALANCED',
    },
    management: { autoRepair: true, autoUpgrade: true },
    upgradeSettings: { strategy: 'SURGE', maxSurge: 1, maxUnavailable: 0 },
    nodeConfig: {
      ...hardenedNodeConfig(nodeAccountEmail),
      machineType: p.instanceType,
      guestAccelerators: [{ type: r.accelerator, count: r.gpusPerNode, gpuDriverInstallationConfig: { gpuDriverVersion: GPU_DRIVER_VERSION } }],
      diskSizeGb,
      diskType: HYPERDISK_ONLY.test(p.instanceType) ? 'hyperdisk-balanced' : 'pd-balanced',
      spot,
      // Image streaming: large engine images start before they are fully pulled (Artifact Registry images).
      gcfsConfig: { enabled: true },
      labels: { 'modelplane.dev/service': r.service.name, 'modelplane.dev/placement': p.id, 'modelplane.dev/pool': 'gpu' },
      taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NO_SCHEDULE' }],
      resourceLabels: { 'modelplane-service': r.service.name, 'modelplane-gpu': p.gpu.type.toLowerCase() },
    },
  };
}

export function createGpuPool(ctx: Ctx, cluster: pulumi.Input<string>, nodeAccountEmail: pulumi.Input<string>, dependsOn: pulumi.Resource[]): gcp.container.NodePool {
  return new gcp.container.NodePool(child(ctx, 'gpu-nodes'), gpuPoolArgs(ctx.r, ctx.project, cluster, nodeAccountEmail), { parent: ctx.parent, dependsOn });
}
