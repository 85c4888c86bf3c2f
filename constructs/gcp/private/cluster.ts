import * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';
import { NETWORK_RANGES, NetworkRef } from './network';
import { child, Ctx } from './context';

/**
 * Roles of the node service account, and only these: write logs and metrics, read monitoring config, write
 * resource metadata, pull images from Artifact Registry (GKE "Use least privilege service accounts for nodes").
 */
export const NODE_ROLES = [
  'roles/logging.logWriter',
  'roles/monitoring.metricWriter',
  'roles/monitoring.viewer',
  'roles/stackdriver.resourceMetadata.writer',
  'roles/artifactregistry.reader',
] as const;

/** Small always-on pool for cluster services (DNS, KEDA, External Secrets, the ESPv2 proxy). */
export const SYSTEM_POOL = { machineType: 'e2-standard-4', diskSizeGb: 100, totalMinNodeCount: 2, totalMaxNodeCount: 6 } as const;

/** Cluster add-ons whose metrics GKE Managed Prometheus collects: DCGM (GPU), kube-state (deployments, pods, HPA). */
export const MONITORING_COMPONENTS = ['SYSTEM_COMPONENTS', 'DCGM', 'DEPLOYMENT', 'POD', 'HPA'] as const;

export interface NodeIdentity {
  readonly account: gcp.serviceaccount.Account;
  readonly roles: readonly gcp.projects.IAMMember[];
}

/** A dedicated node service account with least privilege (never the Compute Engine default account). */
export function createNodeIdentity(ctx: Ctx): NodeIdentity {
  const { r, project, parent } = ctx;
  const account = new gcp.serviceaccount.Account(
    child(ctx, 'node-sa'),
    { project, accountId: r.names.nodeAccount, displayName: `modelplane ${r.service.name} GKE nodes` },
    { parent },
  );
  const roles = NODE_ROLES.map(
    (role) =>
      new gcp.projects.IAMMember(child(ctx, `node-${role.replace('roles/', '').replace(/\./g, '-')}`), { project, role, member: pulumi.interpolate`serviceAccount:${account.email}` }, { parent }),
  );
  return { account, roles };
}

/** Node settings every pool shares: hardened, dedicated identity, GKE metadata server. */
export function hardenedNodeConfig(serviceAccount: pulumi.Input<string>) {
  return {
    serviceAccount,
    oauthScopes: ['https://www.googleapis.com/auth/cloud-platform'],
    imageType: 'COS_CONTAINERD',
    workloadMetadataConfig: { mode: 'GKE_METADATA' },
    shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true },
    metadata: { 'disable-legacy-endpoints': 'true' },
  };
}

/**
 * A regional GKE Standard cluster: private nodes, Workload Identity, shielded nodes, Dataplane V2 (which
 * enforces NetworkPolicy), REGULAR release channel, Gateway API, Managed Prometheus with DCGM, deletion
 * protection. The default node pool is removed; pools are separate resources.
 */
export function createCluster(
  ctx: Ctx,
  net: NetworkRef,
  nodeAccountEmail: pulumi.Input<string>,
  adminCidrs: readonly string[],
  dependsOn: pulumi.Resource[],
): gcp.container.Cluster {
  const { r, project, parent } = ctx;
  return new gcp.container.Cluster(
    child(ctx, 'cluster'),
    {
      project,
      name: r.names.resource('gke'),
      location: r.placement.region,
      description: `modelplane ${r.service.name} (${r.placement.id})`,
      deletionProtection: true,
      removeDefaultNodePool: true,
      initialNodeCount: 1,
      nodeConfig: hardenedNodeConfig(nodeAccountEmail),
      network: net.network,
      subnetwork: net.subnetwork,
      networkingMode: 'VPC_NATIVE',
      ipAllocationPolicy: { clusterSecondaryRangeName: net.podsRangeName, servicesSecondaryRangeName: net.servicesRangeName },
      privateClusterConfig: {
        enablePrivateNodes: true,
        // The public endpoint stays, restricted by master authorized networks, so `pulumi up` can apply manifests.
        enablePrivateEndpoint: false,
        masterIpv4CidrBlock: NETWORK_RANGES.master,
        masterGlobalAccessConfig: { enabled: true },
      },
      masterAuthorizedNetworksConfig: {
        cidrBlocks: adminCidrs.map((cidrBlock, i) => ({ cidrBlock, displayName: `admin-${i}` })),
        // Without admin ranges, only Google Cloud addresses (Cloud Shell, Cloud Build) reach the endpoint.
        gcpPublicCidrsAccessEnabled: adminCidrs.length === 0,
      },
      masterAuth: { clientCertificateConfig: { issueClientCertificate: false } },
      workloadIdentityConfig: { workloadPool: pulumi.interpolate`${project}.svc.id.goog` },
      releaseChannel: { channel: 'REGULAR' },
      datapathProvider: 'ADVANCED_DATAPATH',
      enableShieldedNodes: true,
      enableLegacyAbac: false,
      gatewayApiConfig: { channel: 'CHANNEL_STANDARD' },
      addonsConfig: {
        httpLoadBalancing: { disabled: false },
        horizontalPodAutoscaling: { disabled: false },
        gcePersistentDiskCsiDriverConfig: { enabled: true },
      },
      monitoringConfig: { enableComponents: [...MONITORING_COMPONENTS], managedPrometheus: { enabled: true } },
      loggingConfig: { enableComponents: ['SYSTEM_COMPONENTS', 'WORKLOADS'] },
      resourceLabels: { 'modelplane-service': r.service.name, 'modelplane-placement': r.placement.id },
    },
    { parent, dependsOn },
  );
}

/** The small system pool (the cluster's own default pool is removed). */
export function createSystemPool(ctx: Ctx, cluster: pulumi.Input<string>, nodeAccountEmail: pulumi.Input<string>, dependsOn: pulumi.Resource[]): gcp.container.NodePool {
  const { r, project, parent } = ctx;
  return new gcp.container.NodePool(
    child(ctx, 'system-nodes'),
    {
      project,
      cluster,
      location: r.placement.region,
      autoscaling: { totalMinNodeCount: SYSTEM_POOL.totalMinNodeCount, totalMaxNodeCount: SYSTEM_POOL.totalMaxNodeCount, locationPolicy: 'BALANCED' },
      management: { autoRepair: true, autoUpgrade: true },
      nodeConfig: {
        ...hardenedNodeConfig(nodeAccountEmail),
        machineType: SYSTEM_POOL.machineType,
        diskSizeGb: SYSTEM_POOL.diskSizeGb,
        diskType: 'pd-balanced',
        labels: { 'modelplane.dev/pool': 'system' },
      },
    },
    { parent, dependsOn },
  );
}
