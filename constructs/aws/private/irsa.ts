import { CfnJson } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/**
 * An IAM role that exactly one Kubernetes ServiceAccount may assume through the cluster's OIDC provider (IRSA):
 * the trust policy pins both the subject (`system:serviceaccount:<namespace>:<name>`) and the STS audience.
 * IRSA rather than Pod Identity because external-secrets' SecretStore `jwt` auth requests a token for the
 * workload's own ServiceAccount and calls AssumeRoleWithWebIdentity — only IRSA serves that flow.
 */
export function serviceAccountRole(scope: Construct, id: string, cluster: eks.ICluster, namespace: string, serviceAccount: string, description: string): iam.Role {
  const provider = cluster.openIdConnectProvider;
  const issuer = provider.openIdConnectProviderIssuer;
  const conditions = new CfnJson(scope, `${id}TrustConditions`, {
    value: {
      [`${issuer}:sub`]: `system:serviceaccount:${namespace}:${serviceAccount}`,
      [`${issuer}:aud`]: 'sts.amazonaws.com',
    },
  });
  return new iam.Role(scope, id, {
    description,
    assumedBy: new iam.OpenIdConnectPrincipal(provider).withConditions({ StringEquals: conditions }),
  });
}
