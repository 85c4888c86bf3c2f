import { describe, expect, it } from 'vitest';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import { KubectlV33Layer } from '@aws-cdk/lambda-layer-kubectl-v33';
import { AwsModelService } from '../../constructs/aws';
import { AWS_APP_CONTEXT } from '../../constructs/aws/synth';
import { awsService, planOf, Resources, resourcesOf, serviceTemplate } from './fixtures';

const service = () => planOf([awsService({ name: 'np-chat' })]).services[0]!;

describe('NetworkPolicies are enforced on the cluster the construct creates', () => {
  const { template, construct } = serviceTemplate(service());
  const json = template.toJSON() as { Resources: Resources };

  it('adopts the Amazon VPC CNI as an EKS add-on with its network policy agent on, at the EKS default version', () => {
    template.resourceCountIs('AWS::EKS::Addon', 2); // vpc-cni and amazon-cloudwatch-observability
    template.hasResourceProperties('AWS::EKS::Addon', {
      AddonName: 'vpc-cni',
      ClusterName: { Ref: Match.stringLikeRegexp('^ServiceCluster') },
      ConfigurationValues: '{"enableNetworkPolicy":"true"}',
      ResolveConflicts: 'OVERWRITE',
      PreserveOnDelete: true,
      AddonVersion: Match.absent(),
      ServiceAccountRoleArn: Match.absent(),
    });
    expect(construct.vpcCni).toBeDefined();
    expect(construct.vpcCni?.addonName).toBe('vpc-cni');
  });

  it('applies the workload (and its default-deny policies) once enforcement is on', () => {
    const [vpcCniId] = Object.entries(resourcesOf(json, 'AWS::EKS::Addon')).find(([, r]) => r.Properties?.AddonName === 'vpc-cni')!;
    const workload = Object.entries(resourcesOf(json, 'Custom::AWSCDK-EKS-KubernetesResource')).find(([id]) => /^ServiceWorkload[0-9A-F]{8}$/.test(id))!;
    expect(workload[1].DependsOn).toEqual(expect.arrayContaining([vpcCniId]));
  });
});

describe('with your cluster', () => {
  it('leaves its CNI alone (no vpc-cni add-on; enforcing NetworkPolicies is the cluster owner\'s)', () => {
    const app = new App({ context: { ...AWS_APP_CONTEXT } });
    const stack = new Stack(app, 'Shared', { env: { region: 'us-east-1' } });
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
    const cluster = new eks.Cluster(stack, 'Existing', {
      version: eks.KubernetesVersion.V1_33,
      vpc,
      defaultCapacity: 0,
      defaultCapacityType: eks.DefaultCapacityType.NODEGROUP,
      kubectlProviderOptions: { kubectlLayer: new KubectlV33Layer(stack, 'KubectlLayer') },
    });
    const construct = new AwsModelService(stack, 'Service', { service: service(), vpc, cluster });
    expect(construct.vpcCni).toBeUndefined();
    expect(construct.kedaOperatorRole).toBeUndefined();
    const addons = Template.fromStack(stack).findResources('AWS::EKS::Addon');
    expect(Object.values(addons).map((a) => (a as { Properties: { AddonName: string } }).Properties.AddonName)).not.toContain('vpc-cni');
  });
});
