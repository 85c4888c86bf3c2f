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

/**
 * The signal that wakes a scale-to-zero service. While it has no pods the engine reports no load, so KEDA
 * needs a second trigger measured upstream of the pods (requests reaching the gateway, load balancer or
 * API). It only activates the service (any value above `activationThreshold` brings it back to
 * minReplicas); sizing stays with the engine gauge.
 */
export type WakeUpOption = PrometheusWakeUp | AwsCloudWatchWakeUp | NoWakeUp;

/** A PromQL query of requests arriving upstream of the pods, read from the chart's Prometheus (`prometheusAddress`). */
export interface PrometheusWakeUp {
  readonly kind: 'prometheus';
  /**
   * PromQL returning the request rate (or count) arriving for the service, e.g. from an ingress controller,
   * gateway or load balancer: `sum(rate(nginx_ingress_controller_requests{exported_namespace="chat"}[2m]))`.
   */
  readonly query: string;
  /** The service wakes when the query's value exceeds this. @default 0 - any request */
  readonly activationThreshold?: number;
}

/**
 * A CloudWatch metric of requests arriving for the service (e.g. API Gateway `Count`), read by KEDA's
 * `aws-cloudwatch` scaler (GetMetricData) through a TriggerAuthentication with AWS pod identity
 * (`podIdentity.provider: aws`, KEDA 2.13 or later).
 */
export interface AwsCloudWatchWakeUp {
  readonly kind: 'aws-cloudwatch';
  /** Region of the metric. */
  readonly region: string;
  /** CloudWatch namespace, e.g. `AWS/ApiGateway`. */
  readonly namespace: string;
  /** Metric name, e.g. `Count`. */
  readonly metricName: string;
  /**
   * Dimensions exactly as the metric is published (e.g. `{ ApiName: 'chat-api', Stage: 'prod' }`): CloudWatch
   * matches the full set. At least one; names and values must not contain `;` (KEDA's list separator).
   */
  readonly dimensions: Readonly<Record<string, string>>;
  /** Statistic of each period. @default 'Sum' */
  readonly statistic?: 'Sum' | 'SampleCount' | 'Average' | 'Maximum' | 'Minimum';
  /**
   * Length of one datapoint: 1, 5, 10, 30 or a multiple of 60. KEDA reads complete periods only, so this
   * bounds how late a request is seen.
   * @default 60
   */
  readonly periodSeconds?: number;
  /**
   * How far back KEDA looks for the latest datapoint (KEDA `metricCollectionTime`), a multiple of
   * `periodSeconds`; the signal stays active this long after the last request.
   * @default 300
   */
  readonly lookbackSeconds?: number;
  /** The service wakes when the latest datapoint exceeds this. @default 0 - any request */
  readonly activationThreshold?: number;
  /**
   * IAM role KEDA assumes to read the metric (TriggerAuthentication `podIdentity.roleArn`); the KEDA
   * operator's own identity must be allowed to assume it.
   * @default - the KEDA operator's own identity (IRSA or EKS Pod Identity on its ServiceAccount), which needs
   * `cloudwatch:GetMetricData`
   */
  readonly roleArn?: string;
}

/** No wake-up signal: scale to zero is not applied (the service keeps minReplicas), and the ScaledObject says why. */
export interface NoWakeUp {
  readonly kind: 'none';
  /** Why there is none, written to the `modelplane.io/scale-to-zero` annotation. @default 'cluster.wakeUp is none' */
  readonly reason?: string;
}

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
   * What wakes a service with `autoscaling.scaleToZero` (KEDA idleReplicaCount 0): with no pods, the engine
   * reports no load, so only a signal upstream of the pods can bring the service back. Ignored for services
   * that do not scale to zero and with the `hpa` autoscaler (which never scales to zero).
   * @default - none on every flavour: without a wake-up signal the service is not scaled to zero (no
   * idleReplicaCount; it keeps minReplicas) and the ScaledObject's `modelplane.io/scale-to-zero` annotation
   * says so. The cloud targets pass theirs: AWS the API Gateway request count (CloudWatch), GCP the load
   * balancer request count (Managed Prometheus).
   */
  readonly wakeUp?: WakeUpOption;
  /**
   * PromQL of requests arriving for the service upstream of its pods: shorthand for
   * `wakeUp: { kind: 'prometheus', query }`. Give one of `wakeUp` and `wakeUpQuery`, not both.
   * @deprecated use `wakeUp: { kind: 'prometheus', query }`
   * @default - none (see `wakeUp`)
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
/** Annotation of the ScaledObject recording why a scale-to-zero service is not scaled to zero. */
export const SCALE_TO_ZERO_ANNOTATION = 'modelplane.io/scale-to-zero';
/** Name of the ClusterSecretStore the generic flavour expects. */
export const DEFAULT_CLUSTER_SECRET_STORE = 'modelplane';
