import { describe, expect, it } from 'vitest';
import { allCases, find, ofKind, render, server, allPairs } from './fixtures';

describe('namespace, network policy and secrets', () => {
  for (const c of allCases()) {
    const name = c.props.service.name;
    const flavor = c.props.cluster.flavor;
    describe(c.label, () => {
      it('puts everything in the service namespace with the restricted Pod Security labels', () => {
        const ns = find(c.manifests, 'Namespace', name);
        expect(ns.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
        expect(ns.metadata.namespace).toBeUndefined();
        for (const o of c.manifests.filter((m) => m.kind !== 'Namespace')) expect((o.metadata as any).namespace).toBe(name);
      });

      it('denies all traffic by default and allows only the gateway, Prometheus, DNS, HTTPS and identity', () => {
        const deny = find(c.manifests, 'NetworkPolicy', 'default-deny');
        expect(deny.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
        const ing = find(c.manifests, 'NetworkPolicy', `${name}-ingress`).spec.ingress;
        expect(ing[0].ports).toEqual([{ port: c.props.service.spec.runtime.port, protocol: 'TCP' }]);
        const cidrs = ing[0].from.filter((p: any) => p.ipBlock).map((p: any) => p.ipBlock.cidr);
        if (flavor === 'gke') expect(cidrs).toEqual(expect.arrayContaining(['35.191.0.0/16', '130.211.0.0/22']));
        if (flavor === 'eks') expect(cidrs.length).toBeGreaterThan(0);
        expect(ing[1].from[0].namespaceSelector.matchLabels['kubernetes.io/metadata.name']).toBe('monitoring');
        const eg = find(c.manifests, 'NetworkPolicy', `${name}-egress`).spec.egress;
        expect(eg[0].ports).toEqual([{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }]);
        expect(eg[1].ports).toEqual([{ port: 443, protocol: 'TCP' }]);
        const linkLocal = eg.flatMap((r: any) => r.to.filter((t: any) => t.ipBlock?.cidr.startsWith('169.254.')).map((t: any) => t.ipBlock.cidr));
        if (flavor === 'gke') expect(linkLocal).toContain('169.254.169.252/32');
        else expect(linkLocal).not.toContain('169.254.169.254/32'); // IMDS stays blocked off GKE
      });

      it('has no Secret objects; secrets reach the pod through ExternalSecrets and secretKeyRef', () => {
        expect(ofKind(c.manifests, 'Secret')).toEqual([]);
        const secrets = c.props.service.spec.secrets;
        const es = ofKind(c.manifests, 'ExternalSecret');
        expect(es.length).toBe(secrets.length);
        const env = server(c.manifests, name).env;
        for (const s of secrets) {
          const ext = find(c.manifests, 'ExternalSecret', `${name}-${s.name}`);
          const ref = env.find((e: any) => e.name === s.env).valueFrom.secretKeyRef;
          expect(ref.name).toBe(ext.spec.target.name);
          expect(ext.spec.data[0].secretKey).toBe(ref.key);
          if (s.key) expect(ext.spec.data[0].remoteRef.property).toBe(s.key);
        }
      });
    });
  }

  it('builds an AWS SecretStore with IRSA jwt auth on EKS, in the placement region', () => {
    const { service, placement } = allPairs().find((p) => p.placement.cloud === 'aws' && p.service.spec.secrets.length > 0)!;
    const m = render({ service, placement, cluster: { flavor: 'eks', serviceAccountAnnotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/x' } } });
    const store = find(m, 'SecretStore', service.name);
    expect(store.spec.provider.aws).toEqual({ service: 'SecretsManager', region: placement.region, auth: { jwt: { serviceAccountRef: { name: service.name } } } });
    expect(find(m, 'ServiceAccount', service.name).metadata.annotations['eks.amazonaws.com/role-arn']).toMatch(/^arn:aws:iam/);
    expect(find(m, 'ExternalSecret', `${service.name}-${service.spec.secrets[0]!.name}`).spec.secretStoreRef).toEqual({ kind: 'SecretStore', name: service.name });
  });

  it('builds a GCP SecretStore with Workload Identity and GCP-safe secret ids on GKE', () => {
    const { service, placement } = allPairs().find((p) => p.placement.cloud === 'gcp' && p.service.spec.secrets.some((s) => s.from.includes('/')))!;
    const m = render({ service, placement, cluster: { flavor: 'gke', projectId: 'proj-1', clusterName: 'ml', clusterLocation: 'us-central1' } });
    const store = find(m, 'SecretStore', service.name);
    expect(store.spec.provider.gcpsm.projectID).toBe('proj-1');
    expect(store.spec.provider.gcpsm.auth.workloadIdentity.serviceAccountRef.name).toBe(service.name);
    const s = service.spec.secrets[0]!;
    expect(find(m, 'ExternalSecret', `${service.name}-${s.name}`).spec.data[0].remoteRef.key).toBe(s.from.replace(/\//g, '-'));
  });

  it('uses the existing ClusterSecretStore "modelplane" by default on a generic cluster', () => {
    const { service, placement } = allPairs().find((p) => p.service.spec.secrets.length > 0)!;
    const m = render({ service, placement, cluster: { flavor: 'generic' } });
    expect(ofKind(m, 'SecretStore')).toEqual([]);
    expect(ofKind(m, 'ExternalSecret')[0].spec.secretStoreRef).toEqual({ kind: 'ClusterSecretStore', name: 'modelplane' });
  });

  it('allows EKS Pod Identity agent egress only when asked, never IMDS', () => {
    const { service, placement } = allPairs().find((p) => p.placement.cloud === 'aws')!;
    const cidrs = (podIdentity: boolean) =>
      find(render({ service, placement, cluster: { flavor: 'eks', podIdentity } }), 'NetworkPolicy', `${service.name}-egress`)
        .spec.egress.flatMap((r: any) => r.to.map((t: any) => t.ipBlock?.cidr));
    expect(cidrs(true)).toContain('169.254.170.23/32');
    expect(cidrs(false)).not.toContain('169.254.170.23/32');
    expect([...cidrs(true), ...cidrs(false)]).not.toContain('169.254.169.254/32');
  });
});
