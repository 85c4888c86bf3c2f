import * as gcp from '@pulumi/gcp';
import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import type { Placement } from '../../lib/plan';
import { createAddons } from './private/addons';
import { createCluster, createNodeIdentity, createSystemPool } from './private/cluster';
import type { Ctx } from './private/context';
import { createFrontDoorCloud, ENDPOINTS_SERVICE, frontDoorManifests, PROXY_SA_EMAIL } from './private/front-door';
import { createGpuPool } from './private/gpu-pool';
import { createWorkloadIdentity } from './private/identity';
import { applyManifests, ClusterAccess, createProvider } from './private/kube';
import { createMonitoring } from './private/monitoring';
import { createNetwork, networkRef } from './private/network';
import { resolve } from './private/resolve';
import { createFrontendIdentity, FRONTEND_SA_EMAIL, frontendManifests, PROJECT_ID, WORKLOAD_SA_EMAIL, workloadManifests } from './private/workload';
import type { GcpModelServiceArgs } from './types';

/**
 * One planned model service on GKE, `pulumi up`-ready: network (or yours), regional GKE cluster (or yours),
 * GPU node pool from the plan, the Kubernetes target's workload applied with @pulumi/kubernetes, an
 * authenticated front door (Gateway + ESPv2) whose timeouts carry `api.maxRequestSeconds`, Secret Manager
 * access through Workload Identity, and Cloud Monitoring alerts and dashboard.
 *
 * Every child is parented to this component and named `${name}-<role>`; those names are public contract.
 * The args are validated (every problem at once) before any resource is created.
 */
export class GcpModelService extends pulumi.ComponentResource {
  public static readonly TYPE = 'modelplane:gcp:ModelService';

  /** The placement built. */
  public readonly placement: Placement;
  /** Network: undefined when `args.network` was given. */
  public readonly network: gcp.compute.Network | undefined;
  public readonly subnetwork: gcp.compute.Subnetwork | undefined;
  public readonly router: gcp.compute.Router | undefined;
  public readonly nat: gcp.compute.RouterNat | undefined;
  /** Cluster: undefined when `args.cluster` was given. */
  public readonly cluster: gcp.container.Cluster | undefined;
  public readonly systemNodePool: gcp.container.NodePool | undefined;
  public readonly nodeServiceAccount: gcp.serviceaccount.Account;
  public readonly nodeRoles: readonly gcp.projects.IAMMember[];
  public readonly gpuNodePool: gcp.container.NodePool;
  public readonly workloadServiceAccount: gcp.serviceaccount.Account;
  public readonly workloadIdentityBinding: gcp.serviceaccount.IAMMember;
  /** One accessor grant per referenced secret. */
  public readonly secretAccess: readonly gcp.secretmanager.SecretIamMember[];
  public readonly metricsServiceAccount: gcp.serviceaccount.Account;
  public readonly kubernetesProvider: k8s.Provider;
  public readonly keda: k8s.helm.v3.Release | undefined;
  public readonly externalSecrets: k8s.helm.v3.Release | undefined;
  /** Kubernetes objects applied, by `<kind>/<namespace>/<name>`. */
  public readonly kubernetesObjects: ReadonlyMap<string, pulumi.CustomResource>;
  public readonly address: gcp.compute.GlobalAddress;
  /** DNS authorization of `frontDoor.domain` (create its dnsResourceRecords in the zone); undefined without a domain. */
  public readonly dnsAuthorization?: gcp.certificatemanager.DnsAuthorization;
  public readonly endpointsService: gcp.endpoints.Service;
  public readonly certificate: gcp.certificatemanager.Certificate;
  public readonly certificateMap: gcp.certificatemanager.CertificateMap;
  public readonly proxyServiceAccount: gcp.serviceaccount.Account;
  public readonly notificationChannels: readonly gcp.monitoring.NotificationChannel[];
  public readonly alertPolicies: readonly gcp.monitoring.AlertPolicy[];
  public readonly dashboard: gcp.monitoring.Dashboard;
  /** `https://<domain><api.path>`: where clients call the service. */
  public readonly url: pulumi.Output<string>;

  constructor(name: string, args: GcpModelServiceArgs, opts?: pulumi.ComponentResourceOptions) {
    // Validation first: a bad spec or placement throws before Pulumi registers anything.
    const r = resolve(args);
    super(GcpModelService.TYPE, name, {}, opts);
    this.placement = r.placement;
    const ctx: Ctx = { name, parent: this, project: args.project, r };

    // Network and cluster, or the ones given.
    const owned = args.network ? undefined : createNetwork(ctx);
    this.network = owned?.network;
    this.subnetwork = owned?.subnetwork;
    this.router = owned?.router;
    this.nat = owned?.nat;
    const node = createNodeIdentity(ctx);
    this.nodeServiceAccount = node.account;
    this.nodeRoles = node.roles;
    let access: ClusterAccess;
    let clusterDeps: pulumi.Resource[];
    if (args.cluster) {
      access = args.cluster;
      this.cluster = undefined;
      this.systemNodePool = undefined;
      clusterDeps = [];
    } else {
      const cluster = createCluster(ctx, networkRef(owned, args.network), node.account.email, args.frontDoor?.adminCidrs ?? [], [...node.roles, ...(owned ? [owned.nat] : [])] as pulumi.Resource[]);
      this.cluster = cluster;
      this.systemNodePool = createSystemPool(ctx, cluster.name, node.account.email, [...node.roles]);
      access = { name: cluster.name, location: cluster.location.apply((l) => l ?? r.placement.region), endpoint: cluster.endpoint, caCertificate: cluster.masterAuth.clusterCaCertificate.apply((c) => c ?? '') };
      clusterDeps = [this.systemNodePool];
    }
    this.gpuNodePool = createGpuPool(ctx, access.name, node.account.email, [...node.roles, ...clusterDeps]);

    // Identities (Workload Identity) and secret access, scoped to the referenced secrets.
    const workload = createWorkloadIdentity(ctx);
    this.workloadServiceAccount = workload.account;
    this.workloadIdentityBinding = workload.binding;
    this.secretAccess = workload.secretAccess;
    const metrics = createFrontendIdentity(ctx);
    this.metricsServiceAccount = metrics.account;

    // Front door (cloud side).
    const door = createFrontDoorCloud(ctx, args.frontDoor);
    this.address = door.address;
    this.endpointsService = door.endpointsService;
    this.certificate = door.certificate;
    this.dnsAuthorization = door.dnsAuthorization;
    this.certificateMap = door.certificateMap;
    this.proxyServiceAccount = door.proxyIdentity.account;

    // In-cluster: add-ons, then the workload, the metrics frontend and the front door's Kubernetes objects.
    this.kubernetesProvider = createProvider(ctx, access, clusterDeps);
    const install = {
      keda: args.installAddons?.keda ?? true,
      externalSecrets: args.installAddons?.externalSecrets ?? r.secrets.length > 0,
    };
    const addons = createAddons(ctx, this.kubernetesProvider, install, [this.gpuNodePool]);
    this.keda = addons.keda;
    this.externalSecrets = addons.externalSecrets;
    const placeholders = {
      [PROJECT_ID]: args.project,
      [WORKLOAD_SA_EMAIL]: workload.account.email,
      [FRONTEND_SA_EMAIL]: metrics.account.email,
      [PROXY_SA_EMAIL]: door.proxyIdentity.account.email,
      [ENDPOINTS_SERVICE]: door.endpointsService.serviceName,
    };
    const clusterName = args.cluster ? undefined : r.names.resource('gke');
    const edge = frontDoorManifests(ctx, { addressName: r.names.resource('ip'), certificateMapName: r.names.resource('certmap'), domain: args.frontDoor?.domain ?? `${r.names.prefix}.endpoints.${PROJECT_ID}.cloud.goog` }, args.frontDoor?.iap);
    const objects = [...workloadManifests(ctx, clusterName), ...edge, ...frontendManifests(ctx)];
    const crdOwners = [addons.keda, addons.externalSecrets].filter((a): a is k8s.helm.v3.Release => a !== undefined);
    this.kubernetesObjects = applyManifests(
      ctx,
      'k8s',
      objects,
      this.kubernetesProvider,
      placeholders,
      [...crdOwners, workload.binding, ...workload.secretAccess, metrics.binding, door.proxyIdentity.binding, door.proxyServiceControl, door.endpointsEnabled, door.certificateMapEntry, this.gpuNodePool],
    );

    // Alerts and dashboard.
    const mon = createMonitoring(ctx);
    this.notificationChannels = mon.channels;
    this.alertPolicies = mon.alertPolicies;
    this.dashboard = mon.dashboard;

    this.url = pulumi.interpolate`https://${door.domain}${r.service.spec.api.path}`;
    this.registerOutputs({
      url: this.url,
      clusterName: access.name,
      gpuNodePool: this.gpuNodePool.name,
      address: this.address.address,
      endpointsService: this.endpointsService.serviceName,
      workloadServiceAccount: this.workloadServiceAccount.email,
    });
  }
}
