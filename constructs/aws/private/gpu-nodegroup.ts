import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import { Construct } from 'constructs';
import type { Placement, ServicePlan } from '../../../lib/plan/types';
import { gpuNodeBounds } from '../../../lib/workload/node-bounds';
import { acknowledgeNodeRole } from './nag';
import { gpuRootVolumeGiB, nodeLaunchTemplate } from './node-disk';

/** Taint every GPU node carries (EKS convention: key only, no value); the workload tolerates it with Exists. */
export const GPU_TAINT_KEY = 'nvidia.com/gpu';
/** Label that pins a service's pods to its own node group. */
export const SERVICE_NODE_LABEL = 'modelplane.io/service';
/** Label the device plugin's affinity selects. */
export const GPU_NODE_LABEL = 'modelplane.io/gpu';

export { gpuNodeBounds as nodeBounds } from '../../../lib/workload/node-bounds';
export type { NodeBounds } from '../../../lib/workload/node-bounds';

/** Labels of the service's GPU nodes; the chart's node selector uses the service label. */
export function gpuNodeLabels(service: ServicePlan, placement: Placement): Record<string, string> {
  return { [SERVICE_NODE_LABEL]: service.name, [GPU_NODE_LABEL]: placement.gpu.type.toLowerCase() };
}

export interface GpuNodegroupOptions {
  readonly cluster: eks.ICluster;
  readonly service: ServicePlan;
  readonly placement: Placement;
  readonly subnets: ec2.SubnetSelection;
}

/**
 * The GPU managed node group of one placement: the planned instance type on the AL2023 NVIDIA AMI, on-demand
 * or spot as planned, tainted so only GPU pods land there, labelled for the chart's node selector, sized from
 * the replica bounds (the Cluster Autoscaler moves it between them), spread over the private subnets of every
 * AZ given, with IMDSv2 and an encrypted root volume sized for the model cache.
 */
export function createGpuNodegroup(scope: Construct, options: GpuNodegroupOptions): eks.Nodegroup {
  const { service, placement } = options;
  const bounds = gpuNodeBounds(service, placement);
  const nodegroup = new eks.Nodegroup(scope, 'GpuNodes', {
    cluster: options.cluster,
    instanceTypes: [new ec2.InstanceType(placement.instanceType)],
    amiType: eks.NodegroupAmiType.AL2023_X86_64_NVIDIA,
    capacityType: placement.capacity === 'spot' ? eks.CapacityType.SPOT : eks.CapacityType.ON_DEMAND,
    minSize: bounds.min,
    desiredSize: bounds.min,
    maxSize: bounds.max,
    subnets: options.subnets,
    labels: gpuNodeLabels(service, placement),
    taints: [{ key: GPU_TAINT_KEY, effect: eks.TaintEffect.NO_SCHEDULE }],
    launchTemplateSpec: nodeLaunchTemplate(scope, 'GpuNodesLaunchTemplate', gpuRootVolumeGiB(placement)),
    // Replace one node at a time: a GPU node is expensive and slow to come back.
    maxUnavailable: 1,
    enableNodeAutoRepair: true,
    tags: { 'modelplane.io/service': service.name, 'modelplane.io/placement': placement.id },
  });
  acknowledgeNodeRole(nodegroup);
  return nodegroup;
}
