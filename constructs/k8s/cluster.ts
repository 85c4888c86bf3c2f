/**
 * Cluster flavour: what differs between EKS, GKE and any other cluster (node labels, taints, secret store,
 * where traffic comes from), as a discriminated union. Values may be CDK tokens (strings) when the AWS
 * target passes them: nothing here parses or validates string contents.
 */

/** How ExternalSecrets reach the cloud secret store. */
export type SecretStoreOption =
  /** A namespaced SecretStore on AWS Secrets Manager, authenticated as the service's ServiceAccount (IRSA, `jwt` auth). */
  | { readonly kind: 'aws'; readonly region: string }
  /** A namespaced SecretStore on GCP Secret Manager, authenticated as the service's ServiceAccount (GKE Workload Identity). */
  | { readonly kind: 'gcp'; readonly projectId: string; readonly clusterLocation?: string; readonly clusterName?: string }
  /** A store that already exists: a SecretStore in the service namespace, or a ClusterSecretStore when `clusterWide`. */
  | { readonly kind: 'existing'; readonly name: string; readonly clusterWide?: boolean };

/** Who may open connections to the server port. */
export interface IngressFrom {
  /** Source address ranges (load balancer, VPC, health checkers). @default - per flavour, see the flavour options */
  readonly cidrs?: readonly string[];
  /**
   * Labels of the namespaces whose pods (an in-cluster gateway or ingress controller) may call the server.
   * @default { 'modelplane.io/gateway': 'true' } - label your gateway's namespace with it
   */
  readonly namespaceLabels?: Readonly<Record<string, string>>;
}

/** Options every flavour accepts. */
export interface CommonClusterOptions {
  /**
   * Annotations of the service's ServiceAccount: IRSA `eks.amazonaws.com/role-arn` or GKE
   * `iam.gke.io/gcp-service-account`, passed by the cloud targets.
   * @default - none (no cloud identity; s3:// / gs:// downloads and cloud secret stores then need one)
   */
  readonly serviceAccountAnnotations?: Readonly<Record<string, string>>;
  /**
   * How ExternalSecrets reach the secret store. Only used when the service declares secrets.
   * @default - eks: a SecretStore on AWS Secrets Manager in the placement's region; gke: a SecretStore on
   * GCP Secret Manager when `projectId` is given, else the existing ClusterSecretStore `modelplane`;
   * generic: the existing ClusterSecretStore `modelplane`
   */
  readonly secretStore?: SecretStoreOption;
  /** Who may reach the server port. @default - per flavour (see `cidrs` on each flavour) plus the gateway namespace label */
  readonly ingressFrom?: IngressFrom;
  /** What owns the replica count. @default 'keda' */
  readonly autoscaler?: 'keda' | 'hpa';
  /** Emit ServiceMonitor and PrometheusRule (prometheus-operator CRDs). @default 'prometheus-operator' */
  readonly monitoring?: 'prometheus-operator' | 'none';
  /** Prometheus that KEDA queries. @default 'http://prometheus-operated.monitoring.svc:9090' (prometheus-operator's governing Service in namespace monitoring) */
  readonly prometheusAddress?: string;
  /** Namespace of Prometheus, allowed to scrape the metrics port. @default 'monitoring' */
  readonly monitoringNamespace?: string;
  /** Labels added to the ServiceMonitor and PrometheusRule so Prometheus selects them (e.g. `release: kube-prometheus-stack`). @default - none */
  readonly monitoringLabels?: Readonly<Record<string, string>>;
  /**
   * PromQL of requests arriving for the service upstream of its pods, used to wake a scale-to-zero service
   * (pods report no load while there are none).
   * @default - Istio/Cloud Service Mesh gateway telemetry:
   * `sum(rate(istio_requests_total{destination_service_namespace="<ns>",destination_service_name="<svc>"}[2m]))`
   */
  readonly wakeUpQuery?: string;
  /** Annotations of the ClusterIP Service (e.g. GKE `cloud.google.com/neg`). @default - none */
  readonly serviceAnnotations?: Readonly<Record<string, string>>;
  /** Destinations of HTTPS egress (model hub, bucket, secret store, STS). @default ['0.0.0.0/0'] - use VPC endpoint / proxy ranges to narrow it */
  readonly httpsEgressCidrs?: readonly string[];
}

export interface EksClusterOptions extends CommonClusterOptions {
  readonly flavor: 'eks';
  /**
   * Node labels the GPU pods select.
   * @default { 'node.kubernetes.io/instance-type': placement.instanceType } (set on managed node groups and Karpenter nodes alike)
   */
  readonly gpuNodeSelector?: Readonly<Record<string, string>>;
  /** VPC CIDR allowed to reach the server (ALB/NLB targets in IP mode). @default - all private ranges 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 */
  readonly vpcCidr?: string;
  /**
   * Allow egress to the EKS Pod Identity agent (169.254.170.23:80). IRSA needs no metadata access (STS over HTTPS); IMDS is never allowed.
   * @default false
   */
  readonly podIdentity?: boolean;
}

export interface GkeClusterOptions extends CommonClusterOptions {
  readonly flavor: 'gke';
  /**
   * Node labels the GPU pods select.
   * @default { 'cloud.google.com/gke-accelerator': <GKE name of the GPU> } plus `cloud.google.com/gke-spot: "true"` on spot placements
   */
  readonly gpuNodeSelector?: Readonly<Record<string, string>>;
  /** Project of GCP Secret Manager for the default secret store. @default - none: secrets come through the ClusterSecretStore `modelplane` */
  readonly projectId?: string;
  /** Cluster location and name for ESO's Workload Identity (newer ESO discovers them from the metadata server). @default - discovered */
  readonly clusterLocation?: string;
  readonly clusterName?: string;
  /** Proxy-only subnet(s) of regional/internal Application Load Balancers, allowed to reach the server. @default - none */
  readonly proxyOnlySubnetCidrs?: readonly string[];
}

export interface GenericClusterOptions extends CommonClusterOptions {
  readonly flavor: 'generic';
  /** Node labels the GPU pods select. @default { 'nvidia.com/gpu.present': 'true' } (NVIDIA GPU Feature Discovery / GPU Operator) */
  readonly gpuNodeSelector?: Readonly<Record<string, string>>;
  /** Extra GPU taints to tolerate (key, with operator Exists). @default - only nvidia.com/gpu */
  readonly extraGpuTaints?: readonly string[];
}

/** Which kind of cluster the chart targets. */
export type ClusterFlavor = EksClusterOptions | GkeClusterOptions | GenericClusterOptions;

/** Cluster flavour names. */
export type ClusterFlavorName = ClusterFlavor['flavor'];

/** Private address ranges (RFC 1918): the EKS default ingress source. */
export const PRIVATE_RANGES: readonly string[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];
/** Google Front End and health-check ranges (GKE container-native load balancing). */
export const GOOGLE_LB_RANGES: readonly string[] = ['35.191.0.0/16', '130.211.0.0/22'];
/** Default Prometheus for KEDA. */
export const DEFAULT_PROMETHEUS_ADDRESS = 'http://prometheus-operated.monitoring.svc:9090';
/** Default gateway namespace label. */
export const DEFAULT_GATEWAY_NAMESPACE_LABELS: Readonly<Record<string, string>> = { 'modelplane.io/gateway': 'true' };
/** Name of the ClusterSecretStore the generic flavour expects. */
export const DEFAULT_CLUSTER_SECRET_STORE = 'modelplane';
