import { describe, expect, it } from 'vitest';
import { GPU_MODELS } from '../../lib/catalog/gpu-types';
import { deriveTiming } from '../../lib/workload/timing';
import { allCases, allPairs, examplePlan, find, nativeFlavor, render, server } from './fixtures';

describe('Deployment: GPU, scheduling, probes, grace, storage (every service × flavour)', () => {
  for (const c of allCases()) {
    const { service, placement } = c.props as Required<typeof c.props>;
    const name = service.name;
    describe(c.label, () => {
      const dep = find(c.manifests, 'Deployment', name);
      const pod = dep.spec.template.spec;
      const srv = server(c.manifests, name);
      const timing = deriveTiming(service.spec, service.requirement);

      it('limits nvidia.com/gpu to the planned count and tolerates the NVIDIA taint', () => {
        expect(srv.resources.limits['nvidia.com/gpu']).toBe(String(placement!.gpu.count));
        expect(pod.tolerations).toContainEqual({ key: 'nvidia.com/gpu', operator: 'Exists' });
      });

      it('selects GPU nodes per flavour', () => {
        const flavor = c.props.cluster.flavor;
        if (flavor === 'gke') {
          expect(pod.nodeSelector['cloud.google.com/gke-accelerator']).toBe(GPU_MODELS[placement!.gpu.type].gkeAccelerator);
          if (placement!.capacity === 'spot') expect(pod.nodeSelector['cloud.google.com/gke-spot']).toBe('true');
          else expect(pod.nodeSelector['cloud.google.com/gke-spot']).toBeUndefined();
        } else if (flavor === 'eks') {
          expect(pod.nodeSelector).toEqual({ 'node.kubernetes.io/instance-type': placement!.instanceType });
        } else {
          expect(pod.nodeSelector).toEqual({ 'nvidia.com/gpu.present': 'true' });
        }
      });

      it('requests and limits cpu, memory and ephemeral storage from the plan', () => {
        expect(srv.resources.requests.cpu).toBe(String(placement!.pod.cpu));
        expect(srv.resources.requests.memory).toBe(`${placement!.pod.memoryGiB}Gi`);
        expect(srv.resources.limits).toEqual(srv.resources.requests);
        const eph = parseInt(srv.resources.limits['ephemeral-storage'], 10);
        const cache = pod.volumes.find((v: any) => v.name === 'model-cache');
        const tmp = pod.volumes.find((v: any) => v.name === 'tmp');
        expect(eph).toBeGreaterThanOrEqual(parseInt(cache.emptyDir.sizeLimit, 10) + parseInt(tmp.emptyDir.sizeLimit, 10));
      });

      it('derives startup, readiness and liveness probes from the timing, all distinct', () => {
        const s = srv.startupProbe;
        expect(s.periodSeconds * s.failureThreshold).toBe(timing.startupBudgetSeconds);
        expect(srv.readinessProbe.httpGet.path).toBe(service.spec.runtime.healthPath);
        expect(srv.livenessProbe.httpGet.path).toBe(service.spec.runtime.livenessPath);
        expect(srv.readinessProbe).not.toEqual(srv.livenessProbe);
        expect(srv.startupProbe).not.toEqual(srv.readinessProbe);
      });

      it('drains: preStop sleep and a grace period covering the longest request', () => {
        expect(srv.lifecycle.preStop.sleep.seconds).toBe(timing.preStopSleepSeconds);
        expect(pod.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(service.spec.api.maxRequestSeconds + timing.preStopSleepSeconds);
      });

      it('mounts a sized cache, /tmp and a memory-backed /dev/shm; root filesystem read-only', () => {
        const mounts = Object.fromEntries(srv.volumeMounts.map((m: any) => [m.mountPath, m.name]));
        expect(mounts).toEqual({ '/models': 'model-cache', '/tmp': 'tmp', '/dev/shm': 'dshm' });
        expect(pod.volumes.find((v: any) => v.name === 'model-cache').emptyDir.sizeLimit).toBe(`${Math.ceil(service.requirement.cacheDiskGiB)}Gi`);
        expect(pod.volumes.find((v: any) => v.name === 'dshm').emptyDir.medium).toBe('Memory');
        expect(srv.securityContext.readOnlyRootFilesystem).toBe(true);
        expect(srv.env.find((e: any) => e.name === 'HF_HOME').value.startsWith('/models')).toBe(true);
      });

      it('runs restricted: non-root uid, seccomp RuntimeDefault, ALL dropped, no escalation, no API token', () => {
        expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000, fsGroup: 1000, seccompProfile: { type: 'RuntimeDefault' } });
        for (const ctr of [...pod.containers, ...(pod.initContainers ?? [])]) {
          expect(ctr.securityContext).toMatchObject({ allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsNonRoot: true, readOnlyRootFilesystem: true });
        }
        expect(pod.automountServiceAccountToken).toBe(false);
        expect(pod.serviceAccountName).toBe(name);
        expect(find(c.manifests, 'ServiceAccount', name).automountServiceAccountToken).toBe(false);
      });

      it('spreads over zones (soft) and hosts', () => {
        const keys = Object.fromEntries(pod.topologySpreadConstraints.map((t: any) => [t.topologyKey, t.whenUnsatisfiable]));
        expect(keys['topology.kubernetes.io/zone']).toBe('ScheduleAnyway');
        expect(keys['kubernetes.io/hostname']).toBeDefined();
      });

      it('leaves replicas to the autoscaler and picks a rollout that works without a spare GPU', () => {
        expect(dep.spec.replicas).toBeUndefined();
        const ru = dep.spec.strategy.rollingUpdate;
        if (placement!.replicas.min <= 1) expect(ru).toEqual({ maxSurge: 1, maxUnavailable: 0 });
        else expect(ru).toEqual({ maxSurge: 0, maxUnavailable: 1 });
      });

      it('pins the image', () => {
        expect(srv.image).toBe(service.spec.runtime.image);
        expect(srv.image).toMatch(/:[\w.-]+$|@sha256:/);
      });
    });
  }
});

describe('derived differences between services', () => {
  it('gives the 70B model a longer startup budget than the 8B one', () => {
    const plan = examplePlan();
    const budget = (n: string) => {
      const s = plan.services.find((x) => x.name === n)!;
      const m = render({ service: s, cluster: { flavor: 'generic' } });
      const p = server(m, n).startupProbe;
      return p.periodSeconds * p.failureThreshold;
    };
    expect(budget('llama-70b')).toBeGreaterThan(budget('llama-8b-chat'));
  });

  it('passes the tensor-parallel size from the plan to vLLM and gives it a larger /dev/shm', () => {
    const s = examplePlan().services.find((x) => x.name === 'llama-70b')!;
    const m = render({ service: s, cluster: { flavor: 'eks' } });
    const args: string[] = server(m, 'llama-70b').args;
    expect(args[args.indexOf('--tensor-parallel-size') + 1]).toBe(String(s.placements[0]!.gpu.count));
    const shm = find(m, 'Deployment', 'llama-70b').spec.template.spec.volumes.find((v: any) => v.name === 'dshm');
    expect(parseInt(shm.emptyDir.sizeLimit, 10)).toBeGreaterThan(1);
  });

  it('copies s3:// and gs:// weights in a pinned, restricted init container and none for hub sources', () => {
    for (const { service, placement } of allPairs()) {
      const m = render({ service, placement, cluster: { flavor: nativeFlavor(placement) } as any });
      const init = find(m, 'Deployment', service.name).spec.template.spec.initContainers ?? [];
      const src = service.spec.model.source;
      if (src.startsWith('s3://')) {
        expect(init[0].image).toMatch(/^public\.ecr\.aws\/aws-cli\/aws-cli:\d/);
        expect(init[0].args).toContain(src);
      } else if (src.startsWith('gs://')) {
        expect(init[0].image).toMatch(/google-cloud-cli:\d/);
        expect(init[0].args).toContain(src);
      } else {
        expect(init).toEqual([]);
      }
    }
  });

  it('serves Triton metrics on their own port and names it in the Service', () => {
    const { service, placement } = allPairs().find((p) => p.service.spec.runtime.engine === 'triton')!;
    const m = render({ service, placement, cluster: { flavor: 'gke' } });
    const ports = find(m, 'Service', service.name).spec.ports.map((p: any) => [p.name, p.port]);
    expect(ports).toEqual([['http', 8000], ['metrics', 8002]]);
    expect(find(m, 'ServiceMonitor', service.name).spec.endpoints[0].port).toBe('metrics');
  });

  it('honours a custom GPU node selector', () => {
    const s = examplePlan().services[0]!;
    const m = render({ service: s, cluster: { flavor: 'eks', gpuNodeSelector: { 'karpenter.k8s.aws/instance-gpu-name': 'l4' } } });
    expect(find(m, 'Deployment', s.name).spec.template.spec.nodeSelector).toEqual({ 'karpenter.k8s.aws/instance-gpu-name': 'l4' });
  });

  it('refuses GKE for a GPU GKE does not offer, saying what to do', () => {
    const s = examplePlan().services.find((x) => x.name === 'llama-70b')!; // L40S
    expect(() => render({ service: s, cluster: { flavor: 'gke' } })).toThrow(/K8S_NO_GKE_ACCELERATOR.*L40S/);
  });

  it('refuses a placement of another service', () => {
    const [a, b] = examplePlan().services;
    expect(() => render({ service: a!, placement: b!.placements[0], cluster: { flavor: 'generic' } })).toThrow(/K8S_FOREIGN_PLACEMENT/);
  });
});
