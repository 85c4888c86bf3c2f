import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import { Construct } from 'constructs';
import type { Placement } from '../../../lib/plan/types';

/**
 * Root-volume space a GPU node needs besides the pod's ephemeral storage (the model cache): the AL2023 NVIDIA
 * AMI with its driver and CUDA libraries (~25 GiB), and the extracted engine image (vLLM/TGI/Triton images are
 * 10–25 GiB) held twice while a rollout pulls the new one. AWS-specific, so it lives here and not in lib/.
 */
export const NODE_OS_AND_IMAGES_GIB = 80;

/** AL2023 EKS AMIs boot from /dev/xvda. */
const ROOT_DEVICE = '/dev/xvda';

/** Root volume of a GPU node: the pod's model cache plus the OS and images, rounded up to 10 GiB. */
export function gpuRootVolumeGiB(placement: Placement): number {
  return Math.ceil((placement.pod.ephemeralStorageGiB + NODE_OS_AND_IMAGES_GIB) / 10) * 10;
}

/**
 * Launch template for a managed node group: IMDSv2 required with a hop limit of 1 — pods (which are not on the
 * host network) cannot reach the instance metadata service and so cannot borrow the node role; they get AWS
 * access through their own IRSA roles — and an encrypted gp3 root volume. No AMI and no user data: EKS supplies
 * the AMI of the node group's AMI type and merges its bootstrap.
 */
export function nodeLaunchTemplate(scope: Construct, id: string, rootVolumeGiB: number): eks.LaunchTemplateSpec {
  const template = new ec2.LaunchTemplate(scope, id, {
    requireImdsv2: true,
    httpTokens: ec2.LaunchTemplateHttpTokens.REQUIRED,
    httpPutResponseHopLimit: 1,
    httpEndpoint: true,
    blockDevices: [
      {
        deviceName: ROOT_DEVICE,
        volume: ec2.BlockDeviceVolume.ebs(rootVolumeGiB, { volumeType: ec2.EbsDeviceVolumeType.GP3, encrypted: true, deleteOnTermination: true }),
      },
    ],
  });
  return { id: template.launchTemplateId as string, version: template.latestVersionNumber };
}
