import { describe, expect, it } from 'vitest';
import { engineMetrics } from '../../lib/workload/engine-metrics';
import { allCases, allPairs, find, render } from './fixtures';

describe('autoscaling', () => {
  for (const c of allCases()) {
    const { service, placement } = c.props as Required<typeof c.props>;
    const isHpa = c.props.cluster.autoscaler === 'hpa';
    it(`${c.label}: ${isHpa ? 'HPA' : 'KEDA'} on the engine metric, bounds from the plan`, () => {
      const spec = service.spec;
      const m = engineMetrics(spec.runtime.engine, 'x');
      const metric = spec.autoscaling.target.metric === 'queueDepth' ? m.waiting : m.running;
      if (isHpa) {
        const hpa = find(c.manifests, 'HorizontalPodAutoscaler', service.name);
        expect(hpa.spec.metrics[0].pods.metric.name).toBe(metric.replace(/:/g, '_'));
        expect(hpa.spec.minReplicas).toBe(Math.max(1, placement.replicas.min));
        expect(hpa.spec.behavior.scaleDown.stabilizationWindowSeconds).toBe(spec.autoscaling.scaleDownDelaySeconds);
        expect(c.manifests.some((o) => o.kind === 'ScaledObject')).toBe(false);
        return;
      }
      const so = find(c.manifests, 'ScaledObject', service.name);
      expect(so.spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: service.name });
      const engine = so.spec.triggers.find((t: any) => t.name.startsWith('engine-'));
      expect(engine.type).toBe('prometheus');
      expect(engine.metadata.query).toContain(`${metric}{namespace="${service.name}"}`);
      expect(engine.metadata.threshold).toBe(String(spec.autoscaling.target.value));
      expect(so.spec.minReplicaCount).toBe(placement.replicas.min);
      expect(so.spec.maxReplicaCount).toBe(placement.replicas.max);
      expect(so.spec.advanced.horizontalPodAutoscalerConfig.behavior.scaleDown.stabilizationWindowSeconds).toBe(spec.autoscaling.scaleDownDelaySeconds);
      expect(so.spec.advanced.horizontalPodAutoscalerConfig.behavior.scaleUp.policies.length).toBeGreaterThan(0);
      const wakeUp = c.props.cluster.wakeUp ?? (c.props.cluster.wakeUpQuery !== undefined ? { kind: 'prometheus' } : { kind: 'none' });
      if (spec.autoscaling.scaleToZero && wakeUp.kind !== 'none') {
        expect(so.spec.idleReplicaCount).toBe(0);
        expect(so.spec.triggers.find((t: any) => t.name === 'wake-up').type).toBe(wakeUp.kind);
      } else {
        // Nothing could wake it: no scale to zero (minReplicas >= 1 kept), and the ScaledObject says why.
        expect(so.spec.idleReplicaCount).toBeUndefined();
        expect(so.spec.triggers.map((t: any) => t.name)).toEqual([engine.name]);
        expect(so.metadata.annotations?.['modelplane.io/scale-to-zero']).toBe(
          spec.autoscaling.scaleToZero ? 'disabled: no wake-up signal configured (cluster.wakeUp)' : undefined,
        );
      }
      expect(find(c.manifests, 'Deployment', service.name).spec.replicas).toBeUndefined();
    });
  }

  it('uses queue depth for the scale-to-zero classifier and in-flight requests for the chat model', () => {
    const byName = (n: string) => allPairs().find((p) => p.service.name === n)!;
    const cls = byName('toxicity-classifier');
    const chat = byName('llama-8b-chat');
    const q = (p: typeof cls) => find(render({ ...p, cluster: { flavor: 'generic' } }), 'ScaledObject', p.service.name).spec.triggers[0].metadata.query;
    expect(q(cls)).toContain('modelplane_requests_waiting');
    expect(q(chat)).toContain('vllm:num_requests_running');
  });

  it('points KEDA at the configured Prometheus', () => {
    const p = allPairs()[0]!;
    const so = find(render({ ...p, cluster: { flavor: 'generic', prometheusAddress: 'http://prom.obs.svc:9090' } }), 'ScaledObject', p.service.name);
    expect(so.spec.triggers[0].metadata.serverAddress).toBe('http://prom.obs.svc:9090');
  });

  it('protects every workload with a PodDisruptionBudget of maxUnavailable 1', () => {
    for (const c of allCases()) {
      const pdb = find(c.manifests, 'PodDisruptionBudget', c.props.service.name);
      expect(pdb.spec.maxUnavailable).toBe(1);
      expect(pdb.spec.selector.matchLabels).toEqual(find(c.manifests, 'Deployment', c.props.service.name).spec.selector.matchLabels);
    }
  });
});
