import { beforeAll, describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { nodeBounds } from '../../constructs/aws/private/gpu-nodegroup';
import { gpuRootVolumeGiB, NODE_OS_AND_IMAGES_GIB } from '../../constructs/aws/private/node-disk';
import { examplePlacements } from '../fixtures/examples';
import { exampleStack, exampleStacks, resourcesOf, SynthesizedStack } from './fixtures';

let chat: SynthesizedStack;
let big: SynthesizedStack;
beforeAll(() => {
  ({ chat, big } = exampleStacks());
});

function gpuNodegroup(stack: SynthesizedStack) {
  const groups = Object.values(resourcesOf(stack.json, 'AWS::EKS::Nodegroup')).filter((g) => g.Properties?.AmiType === 'AL2023_x86_64_NVIDIA');
  expect(groups).toHaveLength(1);
  return groups[0]!.Properties as Record<string, any>;
}

describe('GPU managed node groups', () => {
  it.each(examplePlacements('aws'))('$service.name: planned instance type, NVIDIA AMI, capacity, taint and labels', ({ service, placement }) => {
    const stack = exampleStack(service.name);
    const ng = gpuNodegroup(stack);
    expect(ng.InstanceTypes).toEqual([placement.instanceType]);
    expect(ng.CapacityType).toBe(placement.capacity === 'spot' ? 'SPOT' : 'ON_DEMAND');
    expect(ng.Taints).toEqual([{ Key: 'nvidia.com/gpu', Effect: 'NO_SCHEDULE' }]);
    expect(ng.Labels).toEqual({ 'modelplane.io/service': service.name, 'modelplane.io/gpu': placement.gpu.type.toLowerCase() });
  });

  it('sizes node bounds from replica bounds, with one surge node for single-replica services', () => {
    const ng = gpuNodegroup(chat);
    // llama-8b-chat: replicas 1..4 on one-GPU g6.xlarge, minReplicas 1 → one surge node.
    expect(ng.ScalingConfig).toEqual({ MinSize: 1, DesiredSize: 1, MaxSize: 5 });
    expect(gpuNodegroup(big).ScalingConfig).toEqual({ MinSize: 1, DesiredSize: 1, MaxSize: 3 });
  });

  it('spreads over the private subnets of two AZs', () => {
    const subnets = gpuNodegroup(chat).Subnets as Array<{ Ref: string }>;
    expect(subnets).toHaveLength(2);
    for (const s of subnets) expect(s.Ref).toMatch(/privateSubnet/);
  });

  it('launch template: IMDSv2 required, hop limit 1, encrypted gp3 root sized for the model cache', () => {
    const [{ service, placement }] = examplePlacements('aws').filter((p) => p.service.name === 'llama-70b');
    void service;
    const size = gpuRootVolumeGiB(placement);
    expect(size).toBeGreaterThanOrEqual(placement.pod.ephemeralStorageGiB + NODE_OS_AND_IMAGES_GIB);
    big.template.hasResourceProperties('AWS::EC2::LaunchTemplate', {
      LaunchTemplateData: Match.objectLike({
        MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 1, HttpEndpoint: 'enabled' },
        BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: size, VolumeType: 'gp3', Encrypted: true, DeleteOnTermination: true } }],
      }),
    });
    // Every launch template of the stack (system nodes too) requires IMDSv2.
    for (const lt of Object.values(resourcesOf(big.json, 'AWS::EC2::LaunchTemplate'))) {
      expect((lt.Properties as any).LaunchTemplateData.MetadataOptions.HttpTokens).toBe('required');
    }
  });
});

describe('nodeBounds', () => {
  const [{ service, placement }] = examplePlacements('aws');
  it('scale-to-zero services keep no GPU node while idle', () => {
    const s = { ...service!, spec: { ...service!.spec, autoscaling: { ...service!.spec.autoscaling, scaleToZero: true } } };
    expect(nodeBounds(s, placement!).min).toBe(0);
  });
  it('packs several replicas on a multi-GPU node', () => {
    const p = { ...placement!, gpu: { ...placement!.gpu, count: 1, perInstance: 4 }, replicas: { min: 2, max: 8 } };
    expect(nodeBounds(service!, p)).toEqual({ replicasPerNode: 4, min: 1, max: 2 });
  });
});

describe('cluster', () => {
  it('is private, logs every control-plane log type, encrypts secrets with KMS and runs Kubernetes 1.33', () => {
    chat.template.hasResourceProperties('AWS::EKS::Cluster', {
      Version: '1.33',
      ResourcesVpcConfig: Match.objectLike({ EndpointPublicAccess: false, EndpointPrivateAccess: true }),
      Logging: { ClusterLogging: { EnabledTypes: Match.arrayWith([{ Type: 'api' }, { Type: 'audit' }, { Type: 'authenticator' }, { Type: 'controllerManager' }, { Type: 'scheduler' }]) } },
      EncryptionConfig: [Match.objectLike({ Resources: ['secrets'] })],
    });
  });

  it('installs the pinned charts the workload needs, and the device plugin only on GPU nodes', () => {
    const charts = Object.values(resourcesOf(chat.json, 'Custom::AWSCDK-EKS-HelmChart')).map((c) => c.Properties as Record<string, any>);
    const byChart = Object.fromEntries(charts.map((c) => [c.Chart, c]));
    expect(Object.keys(byChart).sort()).toEqual(['aws-load-balancer-controller', 'cluster-autoscaler', 'external-secrets', 'keda', 'kube-prometheus-stack', 'nvidia-device-plugin']);
    for (const c of charts) expect(c.Version).toMatch(/^\d+\.\d+\.\d+$/);
    const dp = JSON.parse(byChart['nvidia-device-plugin'].Values);
    expect(dp.tolerations).toEqual([{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }]);
    expect(dp.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].key).toBe('modelplane.io/gpu');
  });
});
