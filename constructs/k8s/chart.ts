import { Chart, JsonPatch } from 'cdk8s';
import type { Construct } from 'constructs';
import type { Placement, ServicePlan } from '../../lib/plan/types';
import { resourceNames } from '../../lib/workload/names';
import type { ClusterFlavor } from './cluster';
import {
  EsoExternalSecret, EsoSecretStore, KedaScaledObject, KedaTriggerAuthentication, KubeDeployment, KubeHorizontalPodAutoscaler, KubeNamespace, KubeNetworkPolicy,
  KubePodDisruptionBudget, KubeService, KubeServiceAccount, PromPrometheusRule, PromServiceMonitor,
} from './objects';
import { addHorizontalPodAutoscaler, addScaledObject } from './private/autoscaling';
import { chartContext } from './private/context';
import { addPrometheusRule, addServiceMonitor } from './private/monitoring';
import { addNetworkPolicies } from './private/network';
import { addExternalSecrets, addSecretStore } from './private/secrets';
import { addPodDisruptionBudget, addService } from './private/service';
import { addDeployment, addNamespace, addServiceAccount } from './private/workload';

export interface ModelServiceChartProps {
  /** The planned service (from `planPlatform`). */
  readonly service: ServicePlan;
  /**
   * Which placement of the service this cluster runs: GPU type and count, pod resources, replica bounds.
   * @default - the service's first placement (its primary)
   */
  readonly placement?: Placement;
  /** The kind of cluster and its options (node labels, secret store, traffic sources, autoscaler). */
  readonly cluster: ClusterFlavor;
}

/**
 * The Kubernetes workload of one planned service on one placement: namespace (restricted Pod Security),
 * ServiceAccount, GPU Deployment, ClusterIP Service, autoscaler (KEDA, with a TriggerAuthentication when the
 * wake-up signal needs one, or HPA), PodDisruptionBudget, NetworkPolicies, ExternalSecrets (and their
 * SecretStore), ServiceMonitor and PrometheusRule.
 *
 * Object names come from `resourceNames` (namespace = service name). Construct ids are public contract:
 * Namespace, ServiceAccount, Deployment, Service, Autoscaler, WakeUpAuthentication, PodDisruptionBudget,
 * NetworkPolicyDefaultDeny, NetworkPolicyAllowIngress, NetworkPolicyAllowEgress, SecretStore,
 * ExternalSecret-<secret>, ServiceMonitor, PrometheusRule. Usable as a chart of its own app or next to other
 * charts in an existing cdk8s App.
 */
export class ModelServiceChart extends Chart {
  /** The Namespace object (its name, the service name, is also `this.namespace`). */
  public readonly kubeNamespace: KubeNamespace;
  public readonly serviceAccount: KubeServiceAccount;
  public readonly deployment: KubeDeployment;
  public readonly service: KubeService;
  /** The replica owner: a KEDA ScaledObject (default) or an autoscaling/v2 HPA. */
  public readonly autoscaler: KedaScaledObject | KubeHorizontalPodAutoscaler;
  /** Credentials of the scale-to-zero wake-up trigger (`cluster.wakeUp` kind aws-cloudwatch); undefined otherwise. */
  public readonly wakeUpAuthentication: KedaTriggerAuthentication | undefined;
  public readonly podDisruptionBudget: KubePodDisruptionBudget;
  /** Default deny, allowed ingress, allowed egress — in that order. */
  public readonly networkPolicies: readonly KubeNetworkPolicy[];
  /** The namespaced SecretStore the chart created; undefined with an existing store or no secrets. */
  public readonly secretStore: EsoSecretStore | undefined;
  public readonly externalSecrets: readonly EsoExternalSecret[];
  /** Undefined when monitoring is 'none'. */
  public readonly serviceMonitor: PromServiceMonitor | undefined;
  public readonly prometheusRule: PromPrometheusRule | undefined;
  /** The placement rendered. */
  public readonly placement: Placement;

  constructor(scope: Construct, id: string, props: ModelServiceChartProps) {
    // Every namespaced object lands in the service's namespace (never `default`); names are explicit.
    super(scope, id, { namespace: resourceNames(props.service.name).namespace, disableResourceNameHashes: true });
    const placement = props.placement ?? props.service.placements[0];
    if (placement === undefined) {
      throw new Error(`[K8S_NO_PLACEMENT] service ${props.service.name} has no placement; plan the service before synthesizing it (modelplane plan).`);
    }
    if (props.placement !== undefined && !props.service.placements.some((p) => p.id === props.placement?.id)) {
      throw new Error(
        `[K8S_FOREIGN_PLACEMENT] placement ${props.placement.id} is not a placement of service ${props.service.name} ` +
          `(its placements: ${props.service.placements.map((p) => p.id).join(', ')}); pass one of them or omit placement.`,
      );
    }
    this.placement = placement;
    const ctx = chartContext(props.service, placement, props.cluster);

    this.kubeNamespace = addNamespace(this, ctx);
    // A Namespace is cluster-scoped: drop the chart default namespace cdk8s gives every object.
    this.kubeNamespace.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
    this.serviceAccount = addServiceAccount(this, ctx);
    this.secretStore = addSecretStore(this, ctx);
    this.externalSecrets = addExternalSecrets(this, ctx, this.secretStore);
    this.deployment = addDeployment(this, ctx);
    this.service = addService(this, ctx);
    if (ctx.cluster.autoscaler === 'hpa') {
      this.autoscaler = addHorizontalPodAutoscaler(this, ctx);
      this.wakeUpAuthentication = undefined;
    } else {
      const keda = addScaledObject(this, ctx);
      this.autoscaler = keda.scaledObject;
      this.wakeUpAuthentication = keda.triggerAuthentication;
    }
    this.podDisruptionBudget = addPodDisruptionBudget(this, ctx);
    this.networkPolicies = addNetworkPolicies(this, ctx);
    this.serviceMonitor = ctx.cluster.monitoring ? addServiceMonitor(this, ctx) : undefined;
    this.prometheusRule = ctx.cluster.monitoring ? addPrometheusRule(this, ctx) : undefined;
  }
}
