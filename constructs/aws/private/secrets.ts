import { Arn, ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { SecretRef } from '../../../lib/spec/secrets';

/** Construct id of a referenced secret: from its local name, which the spec keeps unique and stable. */
export function secretConstructId(ref: SecretRef): string {
  return `Secret-${ref.name}`;
}

/**
 * The ARN pattern of a secret known by name: Secrets Manager appends `-` and six random characters, so
 * `<name>-??????` matches exactly that secret and not `<name>-other` (whose suffix is longer).
 */
export function secretArnPattern(scope: Construct, secretName: string): string {
  return Arn.format({ service: 'secretsmanager', resource: 'secret', resourceName: `${secretName}-??????`, arnFormat: ArnFormat.COLON_RESOURCE_NAME }, Stack.of(scope));
}

/**
 * References each secret of the spec by name — values never enter the template — and lets the workload role
 * read exactly those secrets (GetSecretValue and DescribeSecret on their ARNs, nothing else). Secrets
 * encrypted with a customer-managed key also need kms:Decrypt on that key, scoped to Secrets Manager.
 */
export function referenceSecrets(scope: Construct, refs: readonly SecretRef[], role: iam.IRole, secretsKey?: kms.IKey): Record<string, secretsmanager.ISecret> {
  const secrets: Record<string, secretsmanager.ISecret> = {};
  for (const ref of refs) secrets[ref.name] = secretsmanager.Secret.fromSecretNameV2(scope, secretConstructId(ref), ref.from);
  if (refs.length === 0) return secrets;
  const names = [...new Set(refs.map((r) => r.from))].sort();
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: 'ReadServiceSecrets',
      actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
      resources: names.map((n) => secretArnPattern(scope, n)),
    }),
  );
  if (secretsKey) {
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'DecryptServiceSecrets',
        actions: ['kms:Decrypt'],
        resources: [secretsKey.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `secretsmanager.${Stack.of(scope).region}.amazonaws.com` } },
      }),
    );
  }
  return secrets;
}
