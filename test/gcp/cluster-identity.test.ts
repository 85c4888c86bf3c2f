import { describe, expect, it } from 'vitest';
import { get, GCP_CASES, PROJECT, run, T } from './fixtures';

const [llama, classifier] = GCP_CASES as [typeof GCP_CASES[number], typeof GCP_CASES[number]];

describe.each(GCP_CASES.map((c) => [c.service.name, c] as const))('cluster of %s', (_, { service, placement }) => {
  it('is a hardened regional GKE Standard cluster with private nodes and Workload Identity', async () => {
    const c = (await run(service, placement)).one(T.cluster, 'cluster');
    expect(c.inputs.location).toBe(placement.region);
    expect(get(c.inputs, 'privateClusterConfig.enablePrivateNodes')).toBe(true);
    expect(get(c.inputs, 'workloadIdentityConfig.workloadPool')).toBe(`${PROJECT}.svc.id.goog`);
    expect(c.inputs.enableShieldedNodes).toBe(true);
    expect(c.inputs.deletionProtection).toBe(true);
    expect(c.inputs.removeDefaultNodePool).toBe(true);
    expect(c.inputs.datapathProvider).toBe('ADVANCED_DATAPATH');
    expect(get(c.inputs, 'releaseChannel.channel')).toBe('REGULAR');
    expect(get(c.inputs, 'monitoringConfig.managedPrometheus.enabled')).toBe(true);
    expect(get(c.inputs, 'monitoringConfig.enableComponents')).toContain('DCGM');
    expect(get(c.inputs, 'masterAuthorizedNetworksConfig')).toBeDefined();
  });

  it('creates the VPC with Cloud NAT for private nodes, and a Kubernetes provider on the cluster endpoint', async () => {
    const r = await run(service, placement);
    expect(r.all(T.network)).toHaveLength(1);
    expect(r.one(T.nat, 'nat').inputs.sourceSubnetworkIpRangesToNat).toBe('ALL_SUBNETWORKS_ALL_IP_RANGES');
    const kubeconfig = JSON.parse(String(r.one(T.provider, 'k8s').inputs.kubeconfig));
    expect(kubeconfig.clusters[0].cluster.server).toBe('https://203.0.113.10');
    expect(kubeconfig.users[0].user.exec.command).toBe('gke-gcloud-auth-plugin');
  });
});

describe('existing infrastructure', () => {
  it('creates no cluster or network when given, and talks to the given cluster', async () => {
    const r = await run(llama.service, llama.placement, {
      cluster: { name: 'shared', location: 'us-east4', endpoint: '198.51.100.7', caCertificate: 'Q0E=' },
      network: { network: 'projects/p/global/networks/n', subnetwork: 'projects/p/regions/us-east4/subnetworks/s', podsRangeName: 'pods', servicesRangeName: 'svc' },
    });
    expect(r.all(T.cluster)).toHaveLength(0);
    expect(r.all(T.network)).toHaveLength(0);
    expect(r.one(T.nodePool, 'gpu-nodes').inputs.cluster).toBe('shared');
    expect(JSON.parse(String(r.one(T.provider, 'k8s').inputs.kubeconfig)).clusters[0].cluster.server).toBe('https://198.51.100.7');
  });
});

describe('secrets and Workload Identity', () => {
  it('grants secretAccessor on exactly the referenced secrets, by id, to the workload service account', async () => {
    const r = await run(llama.service, llama.placement);
    const wl = r.one(T.account, 'workload-sa');
    const email = `${String(wl.inputs.accountId)}@${PROJECT}.iam.gserviceaccount.com`;
    const grants = r.all(T.secretIam);
    expect(grants.map((g) => g.inputs.secretId)).toEqual(llama.service.spec.secrets.map((s) => s.from.replace(/\//g, '-')));
    expect(grants.map((g) => g.inputs.secretId)).toEqual(['modelplane-hf-token']);
    for (const g of grants) expect(g.inputs).toMatchObject({ role: 'roles/secretmanager.secretAccessor', member: `serviceAccount:${email}`, project: PROJECT });
    expect(r.all('gcp:secretmanager/secretVersion:SecretVersion')).toHaveLength(0);
    expect(r.all('gcp:secretmanager/secret:Secret')).toHaveLength(0);
    expect(r.all(T.projectIam).map((m) => m.inputs.role)).not.toContain('roles/secretmanager.secretAccessor');
  });

  it('binds the workload KSA to its Google service account and annotates the KSA', async () => {
    const r = await run(llama.service, llama.placement);
    const wl = r.one(T.account, 'workload-sa');
    expect(r.one(T.saIam, 'workload-wi').inputs).toMatchObject({ role: 'roles/iam.workloadIdentityUser', member: `serviceAccount:${PROJECT}.svc.id.goog[llama-8b-chat/llama-8b-chat]` });
    const ksa = r.all(T.ksa).find((k) => get(k.inputs, 'metadata.namespace') === 'llama-8b-chat' && get(k.inputs, 'metadata.name') === 'llama-8b-chat');
    expect(get(ksa?.inputs, 'metadata.annotations')).toEqual({ 'iam.gke.io/gcp-service-account': `${String(wl.inputs.accountId)}@${PROJECT}.iam.gserviceaccount.com` });
  });

  it('grants nothing and installs no External Secrets for a service without secrets', async () => {
    const r = await run(classifier.service, classifier.placement);
    expect(r.all(T.secretIam)).toHaveLength(0);
    expect(r.all(T.release).map((x) => x.inputs.chart)).toEqual(['keda']);
  });

  it('applies the Kubernetes target workload (flavour gke) through the provider', async () => {
    const r = await run(llama.service, llama.placement);
    const dep = r.all(T.deployment).find((d) => get(d.inputs, 'metadata.name') === 'llama-8b-chat' && get(d.inputs, 'metadata.namespace') === 'llama-8b-chat');
    expect(get(dep?.inputs, 'spec.template.spec.nodeSelector')).toMatchObject({ 'cloud.google.com/gke-accelerator': 'nvidia-l4' });
    const store = r.all('kubernetes:external-secrets.io/v1:SecretStore')[0];
    expect(get(store?.inputs, 'spec.provider.gcpsm.projectID')).toBe(PROJECT);
  });
});
