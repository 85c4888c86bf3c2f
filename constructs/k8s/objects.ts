/**
 * Typed thin wrappers over cdk8s ApiObject for the kinds the chart creates: each fixes apiVersion and
 * kind and types the spec, so a misspelt field is a compile error instead of a rejected manifest.
 * Only the fields modelplane sets are typed; the schemas of record are the Kubernetes and CRD schemas
 * the tests validate against.
 */
import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import type {
  ContainerSpec, LabelSelector, NetworkPolicyPeer, NetworkPolicyPort, ObjectMeta, PodTemplateSpec, ServicePort,
} from './types';

/** Common constructor props: metadata plus the kind-specific body. */
interface Body<S> {
  readonly metadata: ObjectMeta;
  readonly spec: S;
}

abstract class TypedObject<S> extends ApiObject {
  /** The spec as given (the manifest is `toJson()`). */
  public readonly spec: S;
  protected constructor(scope: Construct, id: string, apiVersion: string, kind: string, body: Body<S>) {
    super(scope, id, { apiVersion, kind, metadata: body.metadata, spec: body.spec });
    this.spec = body.spec;
  }
}

export class KubeNamespace extends ApiObject {
  constructor(scope: Construct, id: string, props: { readonly metadata: ObjectMeta }) {
    super(scope, id, { apiVersion: 'v1', kind: 'Namespace', metadata: props.metadata });
  }
}

export class KubeServiceAccount extends ApiObject {
  constructor(scope: Construct, id: string, props: { readonly metadata: ObjectMeta; readonly automountServiceAccountToken: boolean }) {
    super(scope, id, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: props.metadata, automountServiceAccountToken: props.automountServiceAccountToken });
  }
}

export interface DeploymentSpec {
  /** Omitted when an autoscaler owns the replica count. */
  readonly replicas?: number;
  readonly selector: LabelSelector;
  readonly strategy: { readonly type: 'RollingUpdate'; readonly rollingUpdate: { readonly maxSurge: number; readonly maxUnavailable: number } };
  readonly progressDeadlineSeconds: number;
  readonly revisionHistoryLimit: number;
  readonly template: PodTemplateSpec;
}
export class KubeDeployment extends TypedObject<DeploymentSpec> {
  constructor(scope: Construct, id: string, body: Body<DeploymentSpec>) {
    super(scope, id, 'apps/v1', 'Deployment', body);
  }
  /** The main (serving) container. */
  public get container(): ContainerSpec {
    return this.spec.template.spec.containers[0] as ContainerSpec;
  }
}

export interface ServiceSpecK8s {
  readonly type: 'ClusterIP';
  readonly selector: Readonly<Record<string, string>>;
  readonly ports: readonly ServicePort[];
}
export class KubeService extends TypedObject<ServiceSpecK8s> {
  constructor(scope: Construct, id: string, body: Body<ServiceSpecK8s>) {
    super(scope, id, 'v1', 'Service', body);
  }
}

export interface PodDisruptionBudgetSpec {
  readonly selector: LabelSelector;
  readonly maxUnavailable: number;
  readonly unhealthyPodEvictionPolicy: 'AlwaysAllow' | 'IfHealthyBudget';
}
export class KubePodDisruptionBudget extends TypedObject<PodDisruptionBudgetSpec> {
  constructor(scope: Construct, id: string, body: Body<PodDisruptionBudgetSpec>) {
    super(scope, id, 'policy/v1', 'PodDisruptionBudget', body);
  }
}

export interface NetworkPolicyRule {
  readonly from?: readonly NetworkPolicyPeer[];
  readonly to?: readonly NetworkPolicyPeer[];
  readonly ports?: readonly NetworkPolicyPort[];
}
export interface NetworkPolicySpec {
  readonly podSelector: LabelSelector;
  readonly policyTypes: ReadonlyArray<'Ingress' | 'Egress'>;
  readonly ingress?: readonly NetworkPolicyRule[];
  readonly egress?: readonly NetworkPolicyRule[];
}
export class KubeNetworkPolicy extends TypedObject<NetworkPolicySpec> {
  constructor(scope: Construct, id: string, body: Body<NetworkPolicySpec>) {
    super(scope, id, 'networking.k8s.io/v1', 'NetworkPolicy', body);
  }
}

/** One HPA (autoscaling/v2) scaling rule: also used inside KEDA's `advanced.horizontalPodAutoscalerConfig`. */
export interface HpaScalingRules {
  readonly stabilizationWindowSeconds: number;
  readonly selectPolicy: 'Max' | 'Min';
  readonly policies: ReadonlyArray<{ readonly type: 'Pods' | 'Percent'; readonly value: number; readonly periodSeconds: number }>;
}
export interface HpaBehavior {
  readonly scaleUp: HpaScalingRules;
  readonly scaleDown: HpaScalingRules;
}

export interface KedaPrometheusTrigger {
  readonly type: 'prometheus';
  readonly name: string;
  readonly metricType: 'AverageValue' | 'Value';
  readonly metadata: {
    readonly serverAddress: string;
    readonly query: string;
    readonly threshold: string;
    readonly activationThreshold?: string;
    readonly ignoreNullValues?: string;
  };
}
/** KEDA `aws-cloudwatch` scaler: the latest datapoint of one CloudWatch metric (GetMetricData). */
export interface KedaAwsCloudwatchTrigger {
  readonly type: 'aws-cloudwatch';
  readonly name: string;
  readonly metricType: 'AverageValue' | 'Value';
  readonly metadata: {
    readonly awsRegion: string;
    readonly namespace: string;
    readonly metricName: string;
    /** Dimension names, `;`-separated, in the order of `dimensionValue`. */
    readonly dimensionName: string;
    readonly dimensionValue: string;
    readonly metricStat: string;
    readonly metricStatPeriod: string;
    readonly metricCollectionTime: string;
    readonly targetMetricValue: string;
    readonly activationTargetMetricValue: string;
    /** Value used when CloudWatch returns no datapoint (no request in the window). */
    readonly minMetricValue: string;
    readonly ignoreNullValues?: string;
  };
  /** The TriggerAuthentication in the same namespace. */
  readonly authenticationRef: { readonly name: string };
}

/** The triggers the chart writes. */
export type KedaTrigger = KedaPrometheusTrigger | KedaAwsCloudwatchTrigger;

export interface ScaledObjectSpec {
  readonly scaleTargetRef: { readonly apiVersion: 'apps/v1'; readonly kind: 'Deployment'; readonly name: string };
  readonly pollingInterval: number;
  readonly cooldownPeriod: number;
  readonly minReplicaCount: number;
  readonly maxReplicaCount: number;
  readonly idleReplicaCount?: number;
  readonly fallback: { readonly failureThreshold: number; readonly replicas: number };
  readonly advanced: { readonly horizontalPodAutoscalerConfig: { readonly name: string; readonly behavior: HpaBehavior } };
  readonly triggers: readonly KedaTrigger[];
}
export class KedaScaledObject extends TypedObject<ScaledObjectSpec> {
  constructor(scope: Construct, id: string, body: Body<ScaledObjectSpec>) {
    super(scope, id, 'keda.sh/v1alpha1', 'ScaledObject', body);
  }
}

/**
 * KEDA TriggerAuthentication with pod identity. `aws` (KEDA 2.13+): the operator's own IAM identity (IRSA
 * or EKS Pod Identity on its ServiceAccount), or the role `roleArn` assumed with it.
 */
export interface TriggerAuthenticationSpec {
  readonly podIdentity: { readonly provider: 'aws'; readonly roleArn?: string };
}
export class KedaTriggerAuthentication extends TypedObject<TriggerAuthenticationSpec> {
  constructor(scope: Construct, id: string, body: Body<TriggerAuthenticationSpec>) {
    super(scope, id, 'keda.sh/v1alpha1', 'TriggerAuthentication', body);
  }
}

export interface HpaMetric {
  readonly type: 'Pods';
  readonly pods: { readonly metric: { readonly name: string }; readonly target: { readonly type: 'AverageValue'; readonly averageValue: string } };
}
export interface HorizontalPodAutoscalerSpec {
  readonly scaleTargetRef: { readonly apiVersion: 'apps/v1'; readonly kind: 'Deployment'; readonly name: string };
  readonly minReplicas: number;
  readonly maxReplicas: number;
  readonly metrics: readonly HpaMetric[];
  readonly behavior: HpaBehavior;
}
export class KubeHorizontalPodAutoscaler extends TypedObject<HorizontalPodAutoscalerSpec> {
  constructor(scope: Construct, id: string, body: Body<HorizontalPodAutoscalerSpec>) {
    super(scope, id, 'autoscaling/v2', 'HorizontalPodAutoscaler', body);
  }
}

export type SecretStoreProvider =
  | { readonly aws: { readonly service: 'SecretsManager'; readonly region: string; readonly auth: { readonly jwt: { readonly serviceAccountRef: { readonly name: string } } } } }
  | {
      readonly gcpsm: {
        readonly projectID: string;
        readonly auth: {
          readonly workloadIdentity: { readonly serviceAccountRef: { readonly name: string }; readonly clusterLocation?: string; readonly clusterName?: string; readonly clusterProjectID?: string };
        };
      };
    };
export interface SecretStoreSpec {
  readonly provider: SecretStoreProvider;
}
export class EsoSecretStore extends TypedObject<SecretStoreSpec> {
  constructor(scope: Construct, id: string, body: Body<SecretStoreSpec>) {
    super(scope, id, 'external-secrets.io/v1', 'SecretStore', body);
  }
}

export interface ExternalSecretSpec {
  readonly refreshInterval: string;
  readonly secretStoreRef: { readonly kind: 'SecretStore' | 'ClusterSecretStore'; readonly name: string };
  readonly target: { readonly name: string; readonly creationPolicy: 'Owner'; readonly deletionPolicy: 'Retain' | 'Delete' };
  readonly data: ReadonlyArray<{ readonly secretKey: string; readonly remoteRef: { readonly key: string; readonly property?: string } }>;
}
export class EsoExternalSecret extends TypedObject<ExternalSecretSpec> {
  constructor(scope: Construct, id: string, body: Body<ExternalSecretSpec>) {
    super(scope, id, 'external-secrets.io/v1', 'ExternalSecret', body);
  }
}

export interface ServiceMonitorSpec {
  readonly selector: LabelSelector;
  readonly namespaceSelector: { readonly matchNames: readonly string[] };
  readonly endpoints: ReadonlyArray<{ readonly port: string; readonly path: string; readonly interval: string; readonly scrapeTimeout: string; readonly scheme: 'http' }>;
}
export class PromServiceMonitor extends TypedObject<ServiceMonitorSpec> {
  constructor(scope: Construct, id: string, body: Body<ServiceMonitorSpec>) {
    super(scope, id, 'monitoring.coreos.com/v1', 'ServiceMonitor', body);
  }
}

export interface PrometheusAlertingRule {
  readonly alert: string;
  readonly expr: string;
  readonly for: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
}
export interface PrometheusRuleSpec {
  readonly groups: ReadonlyArray<{ readonly name: string; readonly rules: readonly PrometheusAlertingRule[] }>;
}
export class PromPrometheusRule extends TypedObject<PrometheusRuleSpec> {
  constructor(scope: Construct, id: string, body: Body<PrometheusRuleSpec>) {
    super(scope, id, 'monitoring.coreos.com/v1', 'PrometheusRule', body);
  }
}
