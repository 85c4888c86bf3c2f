import { ERROR_CODES, ModelplaneError } from '../../../lib/errors';
import { secretKind } from '../../../lib/spec/secret-detection';

/**
 * Defence in depth: the spec refuses secret-looking values where it knows values go (env, args, model source,
 * secret names), but every string of the rendered workload lands in the CloudFormation template (the kubectl
 * manifest), so the AWS target checks them all once more before writing them there.
 */
export function assertNoSecretLiterals(serviceName: string, manifests: readonly unknown[]): void {
  const found: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      const kind = secretKind(value);
      if (kind !== undefined) found.push(`${path} (${kind})`);
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${path}[${i}]`));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, path === '' ? k : `${path}.${k}`);
    }
  };
  manifests.forEach((m, i) => walk(m, `manifest[${i}]`));
  if (found.length === 0) return;
  throw new ModelplaneError(
    found.map((where) => ({
      code: ERROR_CODES.SECRET_LITERAL,
      path: `services.${serviceName}`,
      message: `the Kubernetes workload would carry a secret-looking value at ${where} into the CloudFormation template`,
      fix: 'store the value in AWS Secrets Manager and reference it in `secrets`; rotate the exposed value',
    })),
    'Refusing to write a secret into the template',
  );
}
