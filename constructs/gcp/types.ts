import type * as pulumi from '@pulumi/pulumi';
import type { Placement, ServicePlan } from '../../lib/plan';

/**
 * An existing GKE cluster to run the service on instead of creating one. It must be a Standard cluster with
 * Workload Identity (`<project>.svc.id.goog`), and the machine running `pulumi up` must reach its endpoint.
 */
export interface ExistingGkeCluster {
  /** Cluster name (`google_container_cluster.name`). */
  readonly name: pulumi.Input<string>;
  /** Region (regional cluster) or zone the cluster lives in. */
  readonly location: pulumi.Input<string>;
  /** API server address, without scheme (`container.Cluster.endpoint`). */
  readonly endpoint: pulumi.Input<string>;
  /** Base64 PEM of the cluster CA (`masterAuth.clusterCaCertificate`). */
  readonly caCertificate: pulumi.Input<string>;
}

/** An existing VPC for the cluster. The subnetwork needs secondary ranges for Pods and Services and Cloud NAT (or another egress path) for private nodes. */
export interface ExistingGcpNetwork {
  /** Network self link or id. */
  readonly network: pulumi.Input<string>;
  /** Subnetwork self link or id, in the placement's region. */
  readonly subnetwork: pulumi.Input<string>;
  /** Name of the subnetwork's secondary range for Pods. */
  readonly podsRangeName: string;
  /** Name of the subnetwork's secondary range for Services. */
  readonly servicesRangeName: string;
}

/**
 * In-cluster add-ons installed as pinned Helm releases. Turn one off when the cluster already runs it.
 * Metrics need no add-on: the cluster uses GKE Managed Service for Prometheus (GMP), which KEDA queries and
 * Cloud Monitoring alerts on.
 */
export interface GcpAddons {
  /** @default true - KEDA scales the workload on engine metrics read from Managed Prometheus. */
  readonly keda?: boolean;
  /** @default true when the service declares secrets - External Secrets Operator syncs Secret Manager secrets. */
  readonly externalSecrets?: boolean;
}

/** IAP OAuth client for `api.auth: iam` (Google identities). The secret holds the OAuth client secret under key `key`. */
export interface IapClient {
  readonly clientId: pulumi.Input<string>;
  /** Kubernetes Secret in the service namespace holding the OAuth client secret (key `key`); created outside modelplane. */
  readonly oauthClientSecretName: string;
}

/**
 * The public entry: a GKE Gateway (global external Application Load Balancer) whose backend policy carries the
 * request timeout, in front of an ESPv2 proxy (Cloud Endpoints) that checks API keys or JWTs.
 */
export interface GcpFrontDoor {
  /**
   * Host name clients call. Its DNS A record must point at `frontDoor.address`.
   * @default - the Cloud Endpoints host `<prefix>.endpoints.<project>.cloud.goog`, whose DNS Google serves
   */
  readonly domain?: string;
  /** Required for `api.auth: iam`: the IAP OAuth client. @default - none; `iam` auth without it is rejected */
  readonly iap?: IapClient;
  /** CIDR ranges allowed to reach the cluster API (master authorized networks). @default - none: only private and Google Cloud ranges */
  readonly adminCidrs?: readonly string[];
}

export interface GcpModelServiceArgs {
  /** The planned service (from `planService` / `planPlatform`). */
  readonly service: ServicePlan;
  /** Which placement to build. @default - the service's first GCP placement (an error before any resource when there is none) */
  readonly placement?: Placement;
  /** Google Cloud project id. */
  readonly project: pulumi.Input<string>;
  /** @default - a new regional GKE Standard cluster in the placement's region */
  readonly cluster?: ExistingGkeCluster;
  /** @default - a new VPC, subnetwork with Pod/Service ranges, Cloud Router and Cloud NAT */
  readonly network?: ExistingGcpNetwork;
  /** @default - KEDA and External Secrets (when secrets are declared) */
  readonly installAddons?: GcpAddons;
  /** @default - a Gateway on the Endpoints host with a Google-managed certificate */
  readonly frontDoor?: GcpFrontDoor;
}
