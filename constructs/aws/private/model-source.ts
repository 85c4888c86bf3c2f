import { Arn, Stack } from 'aws-cdk-lib';
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
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({ sid: 'ReadModelObjects', actions: ['s3:GetObject'], resources: [`${bucketArn}/${prefix === '' ? '' : `${prefix}/`}*`] }),
  );
}
