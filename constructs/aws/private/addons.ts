import { Duration, Stack, Validations } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { GPU_NODE_LABEL, GPU_TAINT_KEY } from './gpu-nodegroup';
import { serviceAccountRole } from './irsa';
import {
  CLOUDWATCH_OBSERVABILITY_ADDON,
  CLUSTER_AUTOSCALER,
  EXTERNAL_SECRETS,
  KEDA,
  NVIDIA_DEVICE_PLUGIN,
  PinnedChart,
  PROMETHEUS,
} from './versions';

/** Helm installs run in the kubectl provider Lambda, which stops at 15 minutes. */
const HELM_TIMEOUT = Duration.minutes(14);

/** Which in-cluster components to install. */
export interface AddonSelection {
  readonly nvidiaDevicePlugin: boolean;
  readonly keda: boolean;
  readonly externalSecrets: boolean;
  readonly prometheus: boolean;
  readonly clusterAutoscaler: boolean;
  readonly cloudWatchObservability: boolean;
}

/** What was installed; undefined when not selected. */
export interface InstalledAddons {
  readonly nvidiaDevicePlugin?: eks.HelmChart;
  readonly keda?: eks.HelmChart;
  readonly kedaOperatorRole?: iam.Role;
  readonly externalSecrets?: eks.HelmChart;
  readonly prometheus?: eks.HelmChart;
  readonly clusterAutoscaler?: eks.HelmChart;
  readonly clusterAutoscalerRole?: iam.Role;
  readonly cloudWatchObservability?: eks.CfnAddon;
  readonly cloudWatchAgentRole?: iam.Role;
}

function chart(scope: Construct, id: string, cluster: eks.ICluster, pinned: PinnedChart, values: Record<string, unknown>, wait: boolean): eks.HelmChart {
  return new eks.HelmChart(scope, id, {
    cluster,
    repository: pinned.repository,
    chart: pinned.chart,
    version: pinned.version,
    release: pinned.release,
    namespace: pinned.namespace,
    createNamespace: true,
    values,
    wait,
    atomic: wait,
    timeout: HELM_TIMEOUT,
  });
}

/**
 * Installs the pinned in-cluster components the workload chart relies on. Each is optional: a cluster that
 * already runs one (a shared cluster) turns it off. Charts that define CRDs the workload uses (KEDA,
 * external-secrets, Prometheus operator) are waited for, so the workload manifest applies after its CRDs exist.
 */
export function installAddons(scope: Construct, cluster: eks.ICluster, selection: AddonSelection, nodegroups: readonly eks.Nodegroup[]): InstalledAddons {
  const region = Stack.of(scope).region;
  const out: { -readonly [K in keyof InstalledAddons]: InstalledAddons[K] } = {};

  if (selection.nvidiaDevicePlugin) {
    out.nvidiaDevicePlugin = chart(scope, 'NvidiaDevicePlugin', cluster, NVIDIA_DEVICE_PLUGIN, {
      // Runs only on modelplane GPU nodes (the chart's default affinity expects NFD labels EKS does not set).
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: GPU_NODE_LABEL, operator: 'Exists' }] }],
          },
        },
      },
      tolerations: [{ key: GPU_TAINT_KEY, operator: 'Exists', effect: 'NoSchedule' }],
      priorityClassName: 'system-node-critical',
    }, false);
  }

  if (selection.keda) {
    // The operator runs the scalers: its IRSA role reads CloudWatch for the aws-cloudwatch wake-up trigger of
    // scale-to-zero services (TriggerAuthentication podIdentity.provider aws = the operator's identity).
    const role = serviceAccountRole(scope, 'KedaOperatorRole', cluster, KEDA.namespace, KEDA.operatorServiceAccount, 'KEDA operator: reads CloudWatch metrics that wake scale-to-zero services');
    // The aws-cloudwatch scaler reads with GetMetricData only.
    role.addToPolicy(new iam.PolicyStatement({ actions: ['cloudwatch:GetMetricData'], resources: ['*'] }));
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'KEDA operator: cloudwatch:GetMetricData supports no resource-level permissions (CloudWatch requires Resource "*"); the role can only read metrics.',
    });
    out.kedaOperatorRole = role;
    out.keda = chart(scope, 'Keda', cluster, KEDA, {
      serviceAccount: { operator: { name: KEDA.operatorServiceAccount } },
      podIdentity: { aws: { irsa: { enabled: true, roleArn: role.roleArn } } },
      // A changed role rolls the operator: the IRSA webhook injects credentials only into new pods.
      podAnnotations: { keda: { 'modelplane.io/irsa-role': role.roleArn } },
    }, true);
  }

  if (selection.externalSecrets) out.externalSecrets = chart(scope, 'ExternalSecrets', cluster, EXTERNAL_SECRETS, { installCRDs: true }, true);

  if (selection.prometheus) {
    out.prometheus = chart(scope, 'Prometheus', cluster, PROMETHEUS, {
      grafana: { enabled: false },
      alertmanager: { enabled: false },
      prometheus: {
        prometheusSpec: {
          // Select every ServiceMonitor / PodMonitor / PrometheusRule, not only those labelled for this release.
          serviceMonitorSelectorNilUsesHelmValues: false,
          podMonitorSelectorNilUsesHelmValues: false,
          ruleSelectorNilUsesHelmValues: false,
          retention: '15d',
        },
      },
    }, true);
  }

  if (selection.clusterAutoscaler) {
    const role = serviceAccountRole(scope, 'ClusterAutoscalerRole', cluster, CLUSTER_AUTOSCALER.namespace, CLUSTER_AUTOSCALER.release, 'Cluster Autoscaler: resizes this cluster\'s node groups');
    role.addToPolicy(new iam.PolicyStatement({
      actions: ['autoscaling:SetDesiredCapacity', 'autoscaling:TerminateInstanceInAutoScalingGroup'],
      resources: ['*'],
      // EKS tags the Auto Scaling groups of managed node groups with their cluster's name.
      conditions: { StringEquals: { 'aws:ResourceTag/eks:cluster-name': cluster.clusterName } },
    }));
    role.addToPolicy(new iam.PolicyStatement({
      actions: [
        'autoscaling:DescribeAutoScalingGroups',
        'autoscaling:DescribeAutoScalingInstances',
        'autoscaling:DescribeLaunchConfigurations',
        'autoscaling:DescribeScalingActivities',
        'autoscaling:DescribeTags',
        'ec2:DescribeImages',
        'ec2:DescribeInstanceTypes',
        'ec2:DescribeLaunchTemplateVersions',
        'ec2:GetInstanceTypesFromInstanceRequirements',
      ],
      resources: ['*'],
    }));
    // Scale from zero: labels and taints of an empty managed node group come from the EKS API.
    role.addToPolicy(new iam.PolicyStatement({ actions: ['eks:DescribeNodegroup'], resources: nodegroups.map((n) => n.nodegroupArn) }));
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'Cluster Autoscaler: Describe* calls do not support resource-level permissions; the two mutating actions are limited by the eks:cluster-name tag EKS puts on the Auto Scaling groups of this cluster\'s managed node groups.',
    });
    out.clusterAutoscalerRole = role;
    out.clusterAutoscaler = chart(scope, 'ClusterAutoscaler', cluster, CLUSTER_AUTOSCALER, {
      cloudProvider: 'aws',
      awsRegion: region,
      autoDiscovery: { clusterName: cluster.clusterName },
      image: { tag: CLUSTER_AUTOSCALER.imageTag },
      rbac: {
        serviceAccount: {
          create: true,
          name: CLUSTER_AUTOSCALER.release,
          annotations: { 'eks.amazonaws.com/role-arn': role.roleArn },
        },
      },
      extraArgs: {
        'balance-similar-node-groups': true,
        // The model cache is an emptyDir: without this, a GPU node with a model server never scales down.
        'skip-nodes-with-local-storage': false,
        expander: 'least-waste',
      },
    }, false);
  }

  if (selection.cloudWatchObservability) {
    const role = serviceAccountRole(scope, 'CloudWatchAgentRole', cluster, 'amazon-cloudwatch', 'cloudwatch-agent', 'CloudWatch agent: Container Insights and GPU metrics');
    role.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('CloudWatchAgentServerPolicy'));
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/CloudWatchAgentServerPolicy]',
      reason: 'The AWS-maintained policy the CloudWatch Observability add-on documents; it follows the agent\'s needs as the add-on is upgraded.',
    });
    out.cloudWatchAgentRole = role;
    out.cloudWatchObservability = new eks.CfnAddon(scope, 'CloudWatchObservability', {
      clusterName: cluster.clusterName,
      addonName: CLOUDWATCH_OBSERVABILITY_ADDON.name,
      addonVersion: CLOUDWATCH_OBSERVABILITY_ADDON.version,
      serviceAccountRoleArn: role.roleArn,
      resolveConflicts: 'OVERWRITE',
    });
  }
  return out;
}
