import { RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as kms from 'aws-cdk-lib/aws-kms';
import { KubectlV33Layer } from '@aws-cdk/lambda-layer-kubectl-v33';
import { Construct } from 'constructs';
import { KUBERNETES_VERSION, LOAD_BALANCER_CONTROLLER_VERSION } from './versions';
import { nodeLaunchTemplate } from './node-disk';
import { acknowledgeClusterInternals, acknowledgeNodeRole } from './nag';

/** Controllers (KEDA, ESO, Prometheus, autoscaler, CoreDNS, LB controller) run on two small nodes, one per AZ. */
const SYSTEM_INSTANCE_TYPE = 'm7i.xlarge';
const SYSTEM_NODES = { min: 2, max: 4 } as const;
/** System nodes hold only controller images and Prometheus' ephemeral TSDB. */
const SYSTEM_ROOT_VOLUME_GIB = 100;

export interface DefaultCluster {
  readonly cluster: eks.Cluster;
  readonly secretsKey: kms.Key;
  readonly systemNodegroup: eks.Nodegroup;
  /** The Amazon VPC CNI as an EKS add-on, with its network policy agent on. */
  readonly vpcCni: eks.CfnAddon;
}

export interface DefaultClusterOptions {
  readonly vpc: ec2.IVpc;
  readonly endpointAccess: eks.EndpointAccess;
  readonly installLoadBalancerController: boolean;
}

/**
 * The EKS cluster a service gets when the user brings none: Kubernetes 1.33 with the matching kubectl layer,
 * all control-plane log types, Kubernetes secrets envelope-encrypted with a retained KMS key, nodes and
 * control-plane ENIs in private subnets, no default capacity (GPU node groups are added per placement) plus a
 * small on-demand system node group for the controllers, and NetworkPolicies enforced (see `enforceNetworkPolicies`).
 */
export function createDefaultCluster(scope: Construct, options: DefaultClusterOptions): DefaultCluster {
  const secretsKey = new kms.Key(scope, 'ClusterSecretsKey', {
    description: 'Envelope encryption of Kubernetes secrets',
    enableKeyRotation: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  const privateSubnets = options.vpc.selectSubnets({ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS });
  const cluster = new eks.Cluster(scope, 'Cluster', {
    version: KUBERNETES_VERSION,
    vpc: options.vpc,
    vpcSubnets: [{ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }],
    endpointAccess: options.endpointAccess,
    defaultCapacity: 0,
    defaultCapacityType: eks.DefaultCapacityType.NODEGROUP,
    secretsEncryptionKey: secretsKey,
    clusterLogging: [
      eks.ClusterLoggingTypes.API,
      eks.ClusterLoggingTypes.AUDIT,
      eks.ClusterLoggingTypes.AUTHENTICATOR,
      eks.ClusterLoggingTypes.CONTROLLER_MANAGER,
      eks.ClusterLoggingTypes.SCHEDULER,
    ],
    kubectlProviderOptions: {
      kubectlLayer: new KubectlV33Layer(scope, 'KubectlLayer'),
      privateSubnets: privateSubnets.subnets,
    },
    albController: options.installLoadBalancerController ? { version: LOAD_BALANCER_CONTROLLER_VERSION } : undefined,
    outputConfigCommand: false,
  });
  const systemNodegroup = cluster.addNodegroupCapacity('SystemNodes', {
    instanceTypes: [new ec2.InstanceType(SYSTEM_INSTANCE_TYPE)],
    amiType: eks.NodegroupAmiType.AL2023_X86_64_STANDARD,
    capacityType: eks.CapacityType.ON_DEMAND,
    minSize: SYSTEM_NODES.min,
    desiredSize: SYSTEM_NODES.min,
    maxSize: SYSTEM_NODES.max,
    subnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    labels: { 'modelplane.io/pool': 'system' },
    launchTemplateSpec: nodeLaunchTemplate(scope, 'SystemNodesLaunchTemplate', SYSTEM_ROOT_VOLUME_GIB),
  });
  acknowledgeClusterInternals(cluster);
  acknowledgeNodeRole(systemNodegroup);
  return { cluster, secretsKey, systemNodegroup, vpcCni: enforceNetworkPolicies(scope, cluster) };
}

/**
 * Kubernetes NetworkPolicies are inert unless the CNI enforces them: the chart's default-deny policies need
 * the Amazon VPC CNI's network policy agent (eBPF; nodes need Linux 5.10 or later and the BPF file system
 * mounted, which the AL2023 EKS AMIs of both node groups provide). EKS bootstraps vpc-cni as a self-managed add-on; this adopts it as an EKS add-on
 * with `enableNetworkPolicy` (OVERWRITE takes over the bootstrapped configuration). No version is pinned: EKS
 * installs its default vpc-cni version for the cluster's Kubernetes version, well above the 1.14 the
 * feature needs, and keeps the add-on supported across cluster upgrades. The network policy controller runs
 * in the EKS control plane. The agent allows node-to-pod traffic, so kubelet probes pass; IMDS stays blocked
 * by the chart's egress policy. `aws-node` keeps the node role's AmazonEKS_CNI_Policy.
 *
 * `preserveOnDelete`: removing this resource from the stack must not uninstall the pod network of a running
 * cluster.
 */
function enforceNetworkPolicies(scope: Construct, cluster: eks.Cluster): eks.CfnAddon {
  return new eks.CfnAddon(scope, 'VpcCni', {
    clusterName: cluster.clusterName,
    addonName: 'vpc-cni',
    configurationValues: JSON.stringify({ enableNetworkPolicy: 'true' }),
    resolveConflicts: 'OVERWRITE',
    preserveOnDelete: true,
  });
}
