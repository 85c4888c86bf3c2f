import { Arn, Stack, Token, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/**
 * Weights in `s3://bucket/prefix`: the pod's init step copies them with its IRSA role, which may list the
 * bucket under that prefix and read the objects below it — nothing else. Other sources need no AWS access.
 */
export function grantModelDownload(scope: Construct, source: string, role: iam.IRole): void {
  const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(source);
  if (!m) return;
  const bucket = m[1] as string;
  const prefix = (m[2] ?? '').replace(/\/+$/, '');
  const stack = Stack.of(scope);
  const bucketArn = Arn.format({ service: 's3', region: '', account: '', resource: bucket }, stack);
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: 'ListModelPrefix',
      actions: ['s3:ListBucket'],
      resources: [bucketArn],
      ...(prefix === '' ? {} : { conditions: { StringLike: { 's3:prefix': [prefix, `${prefix}/*`] } } }),
    }),
  );
  const objects = `${bucketArn}/${prefix === '' ? '' : `${prefix}/`}*`;
  role.addToPrincipalPolicy(new iam.PolicyStatement({ sid: 'ReadModelObjects', actions: ['s3:GetObject'], resources: [objects] }));
  // cdk-nag names the finding by the resolved ARN (arn:aws:… in a region-pinned stack).
  const resolved = stack.resolve(objects) as unknown;
  const findingArn = typeof resolved === 'string' && !Token.isUnresolved(resolved) ? resolved : `arn:<AWS::Partition>:s3:::${bucket}/${prefix === '' ? '' : `${prefix}/`}*`;
  Validations.of(role).acknowledge({
    id: `AwsSolutions-IAM5[Resource::${findingArn}]`,
    reason: `Model weights are the objects under ${source}: reading them needs a wildcard over that prefix only (the prefix is declared in model.source).`,
  });
}
