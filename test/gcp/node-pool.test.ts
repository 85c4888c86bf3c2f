import { describe, expect, it } from 'vitest';
import { GPU_MODELS } from '../../lib/catalog';
import { deriveRollout } from '../../lib/workload';
import { get, GCP_CASES, run, T } from './fixtures';

describe.each(GCP_CASES.map((c) => [`${c.service.name}/${c.placement.id}`, c] as const))('GPU node pool of %s', (_, { service, placement }) => {
  it('attaches the GKE accelerator of the planned GPU, with an explicit driver installation', async () => {
    const pool = (await run(service, placement)).one(T.nodePool, 'gpu-nodes');
    expect(get(pool.inputs, 'nodeConfig.machineType')).toBe(placement.instanceType);
    expect(get(pool.inputs, 'nodeConfig.guestAccelerators')).toEqual([
      { type: GPU_MODELS[placement.gpu.type].gkeAccelerator, count: placement.gpu.perInstance, gpuDriverInstallationConfig: { gpuDriverVersion: 'LATEST' } },
    ]);
  });

  it('runs only in the zones that offer the GPU, with total autoscaling bounds from the plan', async () => {
    const pool = (await run(service, placement)).one(T.nodePool, 'gpu-nodes');
    expect(pool.inputs.nodeLocations).toEqual(placement.zones);
    expect(pool.inputs.location).toBe(placement.region);
    // One replica per node; no idle GPU node when the service scales to zero; room for the rollout's surge pod.
    const min = service.spec.autoscaling.scaleToZero ? 0 : placement.replicas.min;
    const max = placement.replicas.max + deriveRollout(service, placement).surgeNodes;
    expect(pool.inputs.autoscaling).toEqual({ totalMinNodeCount: min, totalMaxNodeCount: max, locationPolicy: 'BALANCED' });
    expect(get(pool.inputs, 'autoscaling.minNodeCount')).toBeUndefined();
  });

  it('is hardened: GKE metadata server, secure boot, dedicated service account, GPU taint, auto repair/upgrade', async () => {
    const r = await run(service, placement);
    const pool = r.one(T.nodePool, 'gpu-nodes');
    const sa = r.one(T.account, 'node-sa');
    expect(get(pool.inputs, 'nodeConfig.workloadMetadataConfig.mode')).toBe('GKE_METADATA');
    expect(get(pool.inputs, 'nodeConfig.shieldedInstanceConfig.enableSecureBoot')).toBe(true);
    expect(get(pool.inputs, 'nodeConfig.serviceAccount')).toBe(`${String(sa.inputs.accountId)}@example-project.iam.gserviceaccount.com`);
    expect(get(pool.inputs, 'nodeConfig.taints')).toEqual([{ key: 'nvidia.com/gpu', value: 'present', effect: 'NO_SCHEDULE' }]);
    expect(pool.inputs.management).toEqual({ autoRepair: true, autoUpgrade: true });
    expect(get(pool.inputs, 'nodeConfig.spot')).toBe(placement.capacity === 'spot');
  });

  it('sizes the boot disk for the model cache', async () => {
    const pool = (await run(service, placement)).one(T.nodePool, 'gpu-nodes');
    expect(get(pool.inputs, 'nodeConfig.diskSizeGb') as number).toBeGreaterThanOrEqual(placement.pod.ephemeralStorageGiB + 60);
  });

  it('grants the node service account exactly the five node roles', async () => {
    const r = await run(service, placement);
    const roles = r.all(T.projectIam).filter((m) => m.name.includes('-node-')).map((m) => m.inputs.role);
    expect(roles.sort()).toEqual(['roles/artifactregistry.reader', 'roles/logging.logWriter', 'roles/monitoring.metricWriter', 'roles/monitoring.viewer', 'roles/stackdriver.resourceMetadata.writer']);
  });
});

describe('accelerator names', () => {
  it('maps L4 to nvidia-l4 and T4 to nvidia-tesla-t4 in the example', async () => {
    const byGpu = new Map<string, unknown>();
    for (const { service, placement } of GCP_CASES) {
      const pool = (await run(service, placement)).one(T.nodePool, 'gpu-nodes');
      byGpu.set(placement.gpu.type, get(pool.inputs, 'nodeConfig.guestAccelerators.0.type'));
    }
    expect(byGpu.get('L4')).toBe('nvidia-l4');
    expect(byGpu.get('T4')).toBe('nvidia-tesla-t4');
  });

  it('uses spot VMs and the ANY location policy on a spot placement, and 0 nodes when scaled to zero', async () => {
    const { service, placement } = GCP_CASES[0]!;
    const spot = { ...placement, capacity: 'spot' as const, replicas: { min: 1, max: 3 } };
    const idle = { ...service, spec: { ...service.spec, autoscaling: { ...service.spec.autoscaling, scaleToZero: true } } };
    const pool = (await run(idle, spot)).one(T.nodePool, 'gpu-nodes');
    expect(get(pool.inputs, 'nodeConfig.spot')).toBe(true);
    expect(pool.inputs.autoscaling).toEqual({ totalMinNodeCount: 0, totalMaxNodeCount: 3 + deriveRollout(idle, spot).surgeNodes, locationPolicy: 'ANY' });
  });
});
