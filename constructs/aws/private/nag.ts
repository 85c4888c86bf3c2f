import { CfnCondition, Stack, Validations } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { IConstruct } from 'constructs';

/**
 * cdk-nag acknowledgements of findings on resources aws-cdk-lib creates for us (the EKS cluster role, the
 * kubectl provider, node roles, the Load Balancer Controller): each one with the reason it is accepted.
 * Findings on resources modelplane writes itself are acknowledged next to them.
 */

const EKS_MANAGED = 'arn:<AWS::Partition>:iam::aws:policy';

/** Node roles of managed node groups: the three policies EKS documents as required for nodes. */
export function acknowledgeNodeRole(nodegroup: eks.Nodegroup): void {
  const why = 'Managed node group role: EKS requires these AWS-managed policies on node instance roles (join the cluster, pull images from ECR, run the VPC CNI). Pods cannot use the node role: IMDSv2 hop limit 1 keeps them off the metadata service.';
  Validations.of(nodegroup.role).acknowledge(
    { id: `AwsSolutions-IAM4[Policy::${EKS_MANAGED}/AmazonEKSWorkerNodePolicy]`, reason: why },
    { id: `AwsSolutions-IAM4[Policy::${EKS_MANAGED}/AmazonEKS_CNI_Policy]`, reason: why },
    { id: `AwsSolutions-IAM4[Policy::${EKS_MANAGED}/AmazonEC2ContainerRegistryReadOnly]`, reason: why },
  );
}

function logicalId(construct: IConstruct): string {
  const cfn = construct as unknown as { logicalId: string };
  return Stack.of(construct).resolve(cfn.logicalId) as string;
}

/** The cluster role, the kubectl provider of aws-eks-v2, and the AWS Load Balancer Controller's IRSA policy. */
export function acknowledgeClusterInternals(cluster: eks.Cluster): void {
  Validations.of(cluster.role).acknowledge({
    id: `AwsSolutions-IAM4[Policy::${EKS_MANAGED}/AmazonEKSClusterPolicy]`,
    reason: 'The EKS cluster service role: AmazonEKSClusterPolicy is the policy EKS documents for it.',
  });

  const provider = cluster.kubectlProvider;
  if (provider) {
    const why = 'aws-eks-v2 kubectl provider (Lambda in the VPC that applies manifests and Helm charts): its roles, managed policies and runtime are set by aws-cdk-lib.';
    const acks = [
      { id: `AwsSolutions-IAM4[Policy::${EKS_MANAGED}/service-role/AWSLambdaBasicExecutionRole]`, reason: why },
      { id: `AwsSolutions-IAM4[Policy::${EKS_MANAGED}/service-role/AWSLambdaVPCAccessExecutionRole]`, reason: why },
      { id: `AwsSolutions-IAM4[Policy::${EKS_MANAGED}/AmazonEC2ContainerRegistryReadOnly]`, reason: `${why} It pulls Helm charts from OCI registries.` },
      { id: 'AwsSolutions-L1', reason: `${why} The handler runtime follows the kubectl layer, not the newest Node.js.` },
    ];
    for (const c of provider.node.findAll()) {
      if (c instanceof CfnCondition) {
        acks.push({
          id: `AwsSolutions-IAM4[Policy::{"Fn::If":["${logicalId(c)}",{"Fn::Join":["",["arn:",{"Ref":"AWS::Partition"},":iam::aws:policy/AmazonElasticContainerRegistryPublicReadOnly"]]},{"Ref":"AWS::NoValue"}]}]`,
          reason: `${why} Conditional: only when charts come from ECR Public.`,
        });
      }
      if (c instanceof lambda.CfnFunction && c.node.path.endsWith('/Handler/Resource')) {
        acks.push({ id: `AwsSolutions-IAM5[Resource::<${logicalId(c)}.Arn>:*]`, reason: `${why} The provider framework invokes versions of its own handler.` });
      }
    }
    Validations.of(provider).acknowledge(...acks);
  }

  const alb = cluster.albController;
  if (alb) {
    const why = 'AWS Load Balancer Controller: the upstream IAM policy aws-cdk-lib ships for this controller version; mutating actions are conditioned on the elbv2.k8s.aws/cluster tag the controller puts on what it creates, and Describe* calls do not support resource-level permissions.';
    const resources = [
      '*',
      'arn:<AWS::Partition>:ec2:*:*:security-group/*',
      'arn:<AWS::Partition>:elasticloadbalancing:*:*:loadbalancer/app/*/*',
      'arn:<AWS::Partition>:elasticloadbalancing:*:*:loadbalancer/net/*/*',
      'arn:<AWS::Partition>:elasticloadbalancing:*:*:targetgroup/*/*',
      'arn:<AWS::Partition>:elasticloadbalancing:*:*:listener-rule/app/*/*/*',
      'arn:<AWS::Partition>:elasticloadbalancing:*:*:listener-rule/net/*/*/*',
      'arn:<AWS::Partition>:elasticloadbalancing:*:*:listener/app/*/*/*',
      'arn:<AWS::Partition>:elasticloadbalancing:*:*:listener/net/*/*/*',
    ];
    Validations.of(alb).acknowledge(...resources.map((r) => ({ id: `AwsSolutions-IAM5[Resource::${r}]`, reason: why })));
  }

  Validations.of(cluster).acknowledge({
    id: 'CloudFormation-Validate::W9009',
    reason: 'aws-eks-v2 writes EncryptionConfig.Resources ["secrets"], which the CloudFormation schema marks deprecated but EKS still requires for envelope encryption of Kubernetes secrets.',
  });
}
