import { Stack, Token } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { ERROR_CODES, ModelplaneError } from '../../lib/errors';
import type { Placement, ServicePlan } from '../../lib/plan/types';
import { deriveTiming } from '../../lib/workload/timing';
import { resourceNames } from '../../lib/workload/names';
import type { ModelServiceChart } from '../k8s/chart';
import { installAddons } from './private/addons';
import { createDefaultCluster } from './private/cluster';
import { createFrontDoor } from './private/front-door';
import { frontDoorTiming, FrontDoorTiming } from './private/front-door-timing';
import { createGpuNodegroup, gpuNodeLabels, SERVICE_NODE_LABEL } from './private/gpu-nodegroup';
import { serviceAccountRole } from './private/irsa';
import { createServiceKey } from './private/keys';
import { createMonitoring } from './private/monitoring';
import { createDefaultNetwork } from './private/network';
import { grantModelDownload } from './private/model-source';
import { referenceSecrets } from './private/secrets';
import { apiRequestsWakeUp } from './private/wake-up';
import { addTargetGroupBinding, addWorkload } from './private/workload';

/** In-cluster components to install. Each defaults to true when this construct creates the cluster. */
export interface AwsAddonOptions {
  /** NVIDIA device plugin (nvidia.com/gpu resources). @default - true with a new cluster, false with yours */
  readonly nvidiaDevicePlugin?: boolean;
  /**
   * KEDA (the workload's ScaledObject), with an IRSA role on its operator that may read CloudWatch metrics
   * (the API request count that wakes scale-to-zero services). With your own KEDA (2.13 or later), give its
   * operator an identity (IRSA or EKS Pod Identity) allowed `cloudwatch:GetMetricData`, or scale-to-zero
   * services on it never wake.
   * @default - true with a new cluster, false with yours
   */
  readonly keda?: boolean;
  /** External Secrets Operator (the workload's ExternalSecrets). @default - true with a new cluster, false with yours */
  readonly externalSecrets?: boolean;
  /** kube-prometheus-stack: Prometheus for KEDA and the ServiceMonitor. @default - true with a new cluster, false with yours */
  readonly prometheus?: boolean;
  /** Cluster Autoscaler (GPU nodes follow replicas). @default - true with a new cluster, false with yours */
  readonly clusterAutoscaler?: boolean;
  /**
   * AWS Load Balancer Controller (TargetGroupBinding). Only installable on a cluster this construct creates.
   * @default - true with a new cluster; yours must already run it
   */
  readonly loadBalancerController?: boolean;
  /** CloudWatch Observability add-on (Container Insights GPU metrics for dashboard and alarms). @default - true with a new cluster, false with yours */
  readonly cloudWatchObservability?: boolean;
}

/** Front door of the service. */
export type AwsFrontDoorKind =
  /** Regional REST API → VPC link → internal NLB → pods, with the spec's auth, WAF and access logs. */
  | 'api-gateway'
  /** No public entry: the service is reachable in-cluster only (its ClusterIP Service). */
  | 'none';

export interface AwsModelServiceProps {
  /** The planned service (from `planPlatform`). */
  readonly service: ServicePlan;
  /** The AWS placement to build. @default - the service's first AWS placement (error if it has none) */
  readonly placement?: Placement;
  /**
   * VPC of the cluster, nodes and NLB; its private subnets (with egress) must span at least two AZs.
   * @default - a new VPC: two AZs (env-agnostic) or three, private subnets with one NAT gateway each, flow logs
   */
  readonly vpc?: ec2.IVpc;
  /** Subnets of the GPU nodes and the NLB. @default - the VPC's private subnets with egress */
  readonly subnets?: ec2.SubnetSelection;
  /**
   * An existing EKS cluster (it needs an OIDC provider, a kubectl provider, the AWS Load Balancer Controller).
   * @default - a new aws-eks-v2 cluster: Kubernetes 1.33, private endpoint, all control-plane logs, KMS-encrypted
   * secrets, a two-node system node group, NetworkPolicies enforced by the Amazon VPC CNI
   */
  readonly cluster?: eks.ICluster;
  /**
   * Endpoint of a new cluster. PRIVATE keeps the Kubernetes API off the internet (CloudFormation still
   * applies manifests through the kubectl Lambda in the VPC; operators use a VPN, bastion or SSM).
   * @default eks.EndpointAccess.PRIVATE
   */
  readonly endpointAccess?: eks.EndpointAccess;
  /** In-cluster components. @default - each one installed with a new cluster, none with yours */
  readonly installAddons?: AwsAddonOptions;
  /**
   * Front door. Its request count (CloudWatch) is also what wakes a scale-to-zero service: with 'none', the
   * service is not scaled to zero (it keeps minReplicas).
   * @default 'api-gateway'
   */
  readonly frontDoor?: AwsFrontDoorKind;
  /** Customer-managed key of the referenced secrets, when they are not under the AWS-managed key. @default - the aws/secretsmanager key (no grant needed) */
  readonly secretsKey?: kms.IKey;
  /** Actions of every alarm, in addition to the spec's monitoring.alerts destinations. @default - only the spec's destinations */
  readonly alarmActions?: readonly cloudwatch.IAlarmAction[];
}

/**
 * One planned service on one AWS placement, production-ready: VPC and EKS cluster (or yours), a GPU managed
 * node group sized by the plan, the pinned in-cluster components, the Kubernetes workload of constructs/k8s,
 * a private API Gateway front door with the spec's authentication, Secrets Manager references read through
 * IRSA, and CloudWatch dashboard and alarms from the SLOs.
 *
 * Construct ids are public contract (renaming one replaces a resource): Key, Vpc, FlowLogGroup,
 * ClusterSecretsKey, Cluster, KubectlLayer, SystemNodes*, VpcCni, GpuNodes, GpuNodesLaunchTemplate, WorkloadRole,
 * Secret-<name>, Workload, TargetGroupBinding, LoadBalancer, Targets, VpcLink, Api, AccessLogs, UsagePlan,
 * DefaultApiKey, JwtAuthorizer*, WebAcl, Dashboard, Alarm<Id>, AlertTopic, and the add-ons' ids.
 */
export class AwsModelService extends Construct {
  public readonly service: ServicePlan;
  public readonly placement: Placement;
  /** Timeouts and transfer mode of the request path. */
  public readonly timing: FrontDoorTiming;
  /** Key of the service's log groups and alert topic (retained). */
  public readonly key: kms.Key;
  public readonly vpc: ec2.IVpc;
  /** Flow logs of the VPC this construct created; undefined with your VPC. */
  public readonly flowLogGroup?: logs.LogGroup;
  public readonly cluster: eks.ICluster;
  /** Key encrypting Kubernetes secrets of the cluster this construct created. */
  public readonly clusterSecretsKey?: kms.Key;
  /** System node group of the cluster this construct created. */
  public readonly systemNodegroup?: eks.Nodegroup;
  /**
   * The Amazon VPC CNI add-on of the cluster this construct created, with its network policy agent on (the
   * chart's NetworkPolicies are enforced); undefined with your cluster, whose CNI must enforce them.
   */
  public readonly vpcCni?: eks.CfnAddon;
  public readonly gpuNodegroup: eks.Nodegroup;
  public readonly nvidiaDevicePlugin?: eks.HelmChart;
  public readonly keda?: eks.HelmChart;
  /** IRSA role of the KEDA operator this construct installed: reads CloudWatch metrics only (GetMetricData). */
  public readonly kedaOperatorRole?: iam.Role;
  public readonly externalSecrets?: eks.HelmChart;
  public readonly prometheus?: eks.HelmChart;
  public readonly clusterAutoscaler?: eks.HelmChart;
  public readonly cloudWatchObservability?: eks.CfnAddon;
  /** IRSA role of the workload's ServiceAccount (secrets, model bucket). */
  public readonly workloadRole: iam.Role;
  /** The referenced secrets, by the spec's local name. */
  public readonly secrets: Readonly<Record<string, secretsmanager.ISecret>>;
  /** The cdk8s chart of the workload and the manifest that applies it. */
  public readonly workloadChart: ModelServiceChart;
  public readonly workload: eks.KubernetesManifest;
  public readonly targetGroupBinding?: eks.KubernetesManifest;
  public readonly loadBalancer?: elbv2.NetworkLoadBalancer;
  public readonly targetGroup?: elbv2.NetworkTargetGroup;
  public readonly vpcLink?: apigw.VpcLink;
  public readonly api?: apigw.RestApi;
  public readonly accessLogGroup?: logs.LogGroup;
  public readonly usagePlan?: apigw.UsagePlan;
  public readonly apiKey?: apigw.IApiKey;
  public readonly jwtAuthorizer?: apigw.TokenAuthorizer;
  public readonly jwtAuthorizerFunction?: lambda.Function;
  public readonly webAcl?: wafv2.CfnWebACL;
  public readonly dashboard?: cloudwatch.Dashboard;
  /** Alarms by alert id (latency, errors, gpu-memory, availability). */
  public readonly alarms: Readonly<Record<string, cloudwatch.Alarm>>;
  public readonly alertTopic?: sns.Topic;

  constructor(scope: Construct, id: string, props: AwsModelServiceProps) {
    super(scope, id);
    const service = props.service;
    const placement = props.placement ?? service.placements.find((p) => p.cloud === 'aws');
    if (placement === undefined || placement.cloud !== 'aws') {
      throw new ModelplaneError(
        [
          {
            code: ERROR_CODES.NO_FEASIBLE_PLACEMENT,
            path: 'placement',
            message: placement === undefined ? `service ${service.name} has no AWS placement` : `placement ${placement.id} of service ${service.name} is not on AWS`,
            received: service.placements.map((p) => p.id).join(', ') || 'no placement',
            allowed: 'a placement with cloud aws',
            fix: "allow aws in the service's placement.clouds (and plan again), or build this service with the GCP or Kubernetes target",
          },
        ],
        'Cannot build the AWS target',
      );
    }
    this.service = service;
    this.placement = placement;
    const spec = service.spec;
    const region = Stack.of(this).region;
    if (!Token.isUnresolved(region) && region !== placement.region) {
      throw new ModelplaneError(
        [{ code: ERROR_CODES.INVALID_SPEC, path: 'placement', message: `${placement.id} is planned for ${placement.region} but the stack deploys to ${region}`, received: region, allowed: placement.region, fix: `create the stack with env: { region: '${placement.region}' } (synthAws does)` }],
        'Cannot build the AWS target',
      );
    }
    const names = resourceNames(service.name, placement);
    // Fails here, before any resource, when API Gateway cannot carry the API.
    this.timing = frontDoorTiming(service.name, spec, deriveTiming(spec, service.requirement));

    this.key = createServiceKey(this, `modelplane ${names.cloudPrefix}: logs and alerts`);

    if (props.vpc) {
      this.vpc = props.vpc;
    } else {
      const network = createDefaultNetwork(this, this.key);
      this.vpc = network.vpc;
      this.flowLogGroup = network.flowLogGroup;
    }
    const subnets = props.subnets ?? { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS };
    const azs = this.vpc.selectSubnets(subnets).availabilityZones;
    if (azs.length < 2) {
      throw new ModelplaneError(
        [{ code: ERROR_CODES.INVALID_SPEC, path: 'vpc', message: 'the selected subnets span fewer than two availability zones', received: azs.join(', ') || 'none', allowed: 'private subnets in at least two AZs', fix: 'pass a VPC (or subnets) with private subnets in two or more AZs where the GPU instance type is offered' }],
        'Cannot build the AWS target',
      );
    }

    const ownsCluster = props.cluster === undefined;
    const want = (flag: boolean | undefined) => flag ?? ownsCluster;
    if (!ownsCluster && props.installAddons?.loadBalancerController === true) {
      throw new ModelplaneError(
        [{ code: ERROR_CODES.INVALID_SPEC, path: 'installAddons.loadBalancerController', message: 'can only be installed on a cluster this construct creates', received: 'true', allowed: 'false or omitted with an existing cluster', fix: 'install the AWS Load Balancer Controller on your cluster (eks.Cluster albController) and omit this option' }],
        'Cannot build the AWS target',
      );
    }
    if (props.cluster) {
      this.cluster = props.cluster;
    } else {
      const created = createDefaultCluster(this, {
        vpc: this.vpc,
        endpointAccess: props.endpointAccess ?? eks.EndpointAccess.PRIVATE,
        installLoadBalancerController: want(props.installAddons?.loadBalancerController),
      });
      this.cluster = created.cluster;
      this.clusterSecretsKey = created.secretsKey;
      this.systemNodegroup = created.systemNodegroup;
      this.vpcCni = created.vpcCni;
    }

    this.gpuNodegroup = createGpuNodegroup(this, { cluster: this.cluster, service, placement, subnets });

    const addons = installAddons(this, this.cluster, {
      nvidiaDevicePlugin: want(props.installAddons?.nvidiaDevicePlugin),
      keda: want(props.installAddons?.keda),
      externalSecrets: want(props.installAddons?.externalSecrets),
      prometheus: want(props.installAddons?.prometheus),
      clusterAutoscaler: want(props.installAddons?.clusterAutoscaler),
      cloudWatchObservability: want(props.installAddons?.cloudWatchObservability),
    }, this.systemNodegroup ? [this.systemNodegroup, this.gpuNodegroup] : [this.gpuNodegroup]);
    this.nvidiaDevicePlugin = addons.nvidiaDevicePlugin;
    this.keda = addons.keda;
    this.kedaOperatorRole = addons.kedaOperatorRole;
    this.externalSecrets = addons.externalSecrets;
    this.prometheus = addons.prometheus;
    this.clusterAutoscaler = addons.clusterAutoscaler;
    this.cloudWatchObservability = addons.cloudWatchObservability;

    // Identity of the workload's ServiceAccount and what it may read.
    this.workloadRole = serviceAccountRole(this, 'WorkloadRole', this.cluster, names.namespace, names.workload, `modelplane ${names.cloudPrefix}: model server pods`);
    this.secrets = referenceSecrets(this, spec.secrets, this.workloadRole, props.secretsKey);
    grantModelDownload(this, spec.model.source, this.workloadRole);

    const labels = gpuNodeLabels(service, placement);
    const frontDoor = props.frontDoor ?? 'api-gateway';
    const workload = addWorkload(this, {
      cluster: this.cluster,
      service,
      placement,
      region: placement.region,
      roleArn: this.workloadRole.roleArn,
      gpuNodeSelector: { [SERVICE_NODE_LABEL]: labels[SERVICE_NODE_LABEL] as string },
      vpcCidr: this.vpc.vpcCidrBlock,
      wakeUp: apiRequestsWakeUp(service, placement.region, frontDoor),
    });
    this.workloadChart = workload.chart;
    this.workload = workload.manifest;
    // CRDs the workload uses (ScaledObject, ExternalSecret/SecretStore, ServiceMonitor/PrometheusRule) first.
    for (const dep of [addons.keda, addons.externalSecrets, addons.prometheus]) if (dep) this.workload.node.addDependency(dep);
    // The pods start under the NetworkPolicies they will always run under.
    if (this.vpcCni) this.workload.node.addDependency(this.vpcCni);

    let stage: apigw.Stage | undefined;
    if (frontDoor === 'api-gateway') {
      const door = createFrontDoor(this, { service, vpc: this.vpc, subnets, podSecurityGroup: this.cluster.clusterSecurityGroup, timing: this.timing, key: this.key });
      this.loadBalancer = door.loadBalancer;
      this.targetGroup = door.targetGroup;
      this.vpcLink = door.vpcLink;
      this.api = door.api;
      this.accessLogGroup = door.accessLogGroup;
      this.usagePlan = door.usagePlan;
      this.apiKey = door.apiKey;
      this.jwtAuthorizer = door.jwt?.authorizer;
      this.jwtAuthorizerFunction = door.jwt?.function;
      this.webAcl = door.webAcl.webAcl;
      this.targetGroupBinding = addTargetGroupBinding(this, this.cluster, service, door.targetGroup);
      this.targetGroupBinding.node.addDependency(this.workload);
      if (this.cluster instanceof eks.Cluster && this.cluster.albController) this.targetGroupBinding.node.addDependency(this.cluster.albController);
      stage = door.api.deploymentStage;
    }

    if (stage) {
      const monitoring = createMonitoring(this, { service, placement, stage, clusterName: this.cluster.clusterName, key: this.key, extraActions: props.alarmActions ?? [] });
      this.dashboard = monitoring.dashboard;
      this.alarms = monitoring.alarms;
      this.alertTopic = monitoring.alertTopic;
    } else {
      this.alarms = {};
    }
  }
}
