import { describe, expect, it } from 'vitest';
import type { ClusterFlavor } from '../../constructs/k8s/cluster';
import { allPairs, AWS_WAKE_UP, find, ofKind, render } from './fixtures';
import { schemaError } from './schema';

/** The scale-to-zero classifier of the example, and a service that does not scale to zero. */
const idle = () => allPairs().find((p) => p.service.name === 'toxicity-classifier')!;
const busy = () => allPairs().find((p) => p.service.name === 'llama-8b-chat')!;

function scaledObject(pair: ReturnType<typeof idle>, cluster: ClusterFlavor): { so: any; manifests: ReturnType<typeof render> } {
  const manifests = render({ ...pair, cluster });
  return { so: find(manifests, 'ScaledObject', pair.service.name), manifests };
}

describe('scale-to-zero wake-up', () => {
  it('generic flavour without a wake-up signal: no scale to zero (min replicas kept), annotated with why', () => {
    const { so, manifests } = scaledObject(idle(), { flavor: 'generic' });
    expect(idle().service.spec.autoscaling.scaleToZero).toBe(true);
    expect(so.spec.idleReplicaCount).toBeUndefined();
    expect(so.spec.minReplicaCount).toBeGreaterThanOrEqual(1);
    expect(so.spec.triggers.map((t: any) => t.name)).toEqual(['engine-waiting']);
    expect(so.metadata.annotations).toEqual({ 'modelplane.io/scale-to-zero': 'disabled: no wake-up signal configured (cluster.wakeUp)' });
    expect(JSON.stringify(manifests)).not.toContain('istio_requests_total');
  });

  it('a prometheus wake-up adds the activation-only second trigger and idleReplicaCount 0', () => {
    const query = 'sum(rate(nginx_ingress_controller_requests{exported_namespace="toxicity-classifier"}[2m]))';
    const { so } = scaledObject(idle(), { flavor: 'generic', prometheusAddress: 'http://prom.obs.svc:9090', wakeUp: { kind: 'prometheus', query } });
    expect(so.spec.idleReplicaCount).toBe(0);
    expect(so.metadata.annotations).toBeUndefined();
    const wake = so.spec.triggers.find((t: any) => t.name === 'wake-up');
    expect(wake).toEqual({
      type: 'prometheus',
      name: 'wake-up',
      metricType: 'AverageValue',
      metadata: { serverAddress: 'http://prom.obs.svc:9090', query, threshold: '1000000000', activationThreshold: '0', ignoreNullValues: 'true' },
    });
  });

  it('keeps the deprecated wakeUpQuery working as a prometheus wake-up (the GCP target passes it)', () => {
    const { so } = scaledObject(idle(), { flavor: 'gke', wakeUpQuery: 'sum(rate(x[2m]))' });
    expect(so.spec.idleReplicaCount).toBe(0);
    expect(so.spec.triggers.find((t: any) => t.name === 'wake-up').metadata.query).toBe('sum(rate(x[2m]))');
  });

  it('an aws-cloudwatch wake-up reads the metric through a TriggerAuthentication with AWS pod identity', async () => {
    const { so, manifests } = scaledObject(idle(), { flavor: 'eks', wakeUp: { ...AWS_WAKE_UP, activationThreshold: 2 } });
    expect(so.spec.idleReplicaCount).toBe(0);
    const wake = so.spec.triggers.find((t: any) => t.name === 'wake-up');
    expect(wake).toEqual({
      type: 'aws-cloudwatch',
      name: 'wake-up',
      metricType: 'AverageValue',
      metadata: {
        awsRegion: 'us-east-1',
        namespace: 'AWS/ApiGateway',
        metricName: 'Count',
        dimensionName: 'ApiName;Stage',
        dimensionValue: 'svc-api;prod',
        metricStat: 'Sum',
        metricStatPeriod: '60',
        metricCollectionTime: '300',
        targetMetricValue: '1000000000',
        activationTargetMetricValue: '2',
        minMetricValue: '0',
        ignoreNullValues: 'true',
      },
      authenticationRef: { name: 'toxicity-classifier-wake-up' },
    });
    const auth = find(manifests, 'TriggerAuthentication', 'toxicity-classifier-wake-up');
    expect(auth.metadata.namespace).toBe('toxicity-classifier');
    expect(auth.spec).toEqual({ podIdentity: { provider: 'aws' } });
    expect(await schemaError(auth)).toBeUndefined();
    expect(await schemaError(so)).toBeUndefined();
  });

  it('passes a role to assume to the TriggerAuthentication', () => {
    const roleArn = 'arn:aws:iam::123456789012:role/wake-up-reader';
    const manifests = render({ ...idle(), cluster: { flavor: 'eks', wakeUp: { ...AWS_WAKE_UP, roleArn } } });
    expect(find(manifests, 'TriggerAuthentication', 'toxicity-classifier-wake-up').spec).toEqual({ podIdentity: { provider: 'aws', roleArn } });
  });

  it("wake-up kind 'none' keeps minReplicas and records the reason given", () => {
    const { so } = scaledObject(idle(), { flavor: 'eks', wakeUp: { kind: 'none', reason: 'no front door' } });
    expect(so.spec.idleReplicaCount).toBeUndefined();
    expect(so.metadata.annotations).toEqual({ 'modelplane.io/scale-to-zero': 'disabled: no front door' });
    expect(scaledObject(idle(), { flavor: 'eks', wakeUp: { kind: 'none' } }).so.metadata.annotations['modelplane.io/scale-to-zero']).toBe('disabled: cluster.wakeUp is none');
  });

  it('ignores the wake-up of a service that does not scale to zero', () => {
    const { so, manifests } = scaledObject(busy(), { flavor: 'eks', wakeUp: AWS_WAKE_UP });
    expect(so.spec.idleReplicaCount).toBeUndefined();
    expect(so.spec.triggers).toHaveLength(1);
    expect(so.metadata.annotations).toBeUndefined();
    expect(ofKind(manifests, 'TriggerAuthentication')).toEqual([]);
  });

  it('the hpa autoscaler never scales to zero, and says so', () => {
    const hpa = find(render({ ...idle(), cluster: { flavor: 'generic', autoscaler: 'hpa', wakeUp: AWS_WAKE_UP } }), 'HorizontalPodAutoscaler', 'toxicity-classifier');
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(1);
    expect(hpa.metadata.annotations['modelplane.io/scale-to-zero']).toMatch(/^disabled: the hpa autoscaler/);
  });

  it('rejects both wakeUp and wakeUpQuery, and values KEDA would reject, before any object exists', () => {
    const p = idle();
    expect(() => render({ ...p, cluster: { flavor: 'generic', wakeUp: { kind: 'none' }, wakeUpQuery: 'x' } })).toThrow(/\[K8S_WAKE_UP_CONFLICT\]/);
    const bad: Array<[Partial<typeof AWS_WAKE_UP>, RegExp]> = [
      [{ periodSeconds: 45 }, /wakeUp\.periodSeconds: received 45/],
      [{ periodSeconds: 60, lookbackSeconds: 90 }, /wakeUp\.lookbackSeconds: received 90/],
      [{ dimensions: {} }, /wakeUp\.dimensions/],
      [{ dimensions: { ApiName: 'a;b' } }, /';'/],
      [{ activationThreshold: -1 }, /wakeUp\.activationThreshold/],
    ];
    for (const [override, message] of bad) {
      expect(() => render({ ...p, cluster: { flavor: 'eks', wakeUp: { ...AWS_WAKE_UP, ...override } as ClusterFlavor['wakeUp'] } })).toThrow(message);
      expect(() => render({ ...p, cluster: { flavor: 'eks', wakeUp: { ...AWS_WAKE_UP, ...override } as ClusterFlavor['wakeUp'] } })).toThrow(/\[K8S_INVALID_WAKE_UP\]/);
    }
    expect(() => render({ ...p, cluster: { flavor: 'generic', wakeUp: { kind: 'prometheus', query: ' ' } } })).toThrow(/wakeUp\.query/);
  });
});
