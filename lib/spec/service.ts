import { z } from 'zod';
import { ERROR_CODES } from '../errors';
import { knownModelFor } from '../sizing/known-models';
import { ApiSchema } from './api';
import { AutoscalingSchema } from './autoscaling';
import { dnsLabel, report } from './common';
import { ModelSchema } from './model';
import { MonitoringSchema } from './monitoring';
import { PlacementSchema } from './placement';
import { ResourcesSchema } from './resources';
import { RuntimeSchema } from './runtime';
import { SecretsSchema } from './secrets';
import { secretKind } from './secret-detection';

/** Longest service name: leaves room for suffixes such as `-gpu-nodes` in 63-character cloud names. */
export const MAX_SERVICE_NAME = 40;

const ServiceShape = z.strictObject({
  name: dnsLabel(MAX_SERVICE_NAME).describe('Service name: a DNS label, the stable identity of every resource. Never rename silently.'),
  model: ModelSchema,
  runtime: RuntimeSchema,
  resources: ResourcesSchema,
  autoscaling: AutoscalingSchema,
  api: ApiSchema,
  secrets: SecretsSchema,
  monitoring: MonitoringSchema,
  placement: PlacementSchema,
  allowBreakingChanges: z
    .strictObject({ reason: z.string().min(10).max(500).describe('Why clients and operators accept it (reviewed).') })
    .optional()
    .describe('Acknowledges breaking API changes or replacement of capacity/stateful resources in this revision (`modelplane diff` then exits 0). Remove it after the release. @default - breaking changes fail `modelplane diff`'),
});

/**
 * One model service. Stage 1 (shape and defaults) is the object above; stage 2 is the cross-field rules
 * below, each reporting at the exact path of the field to change.
 */
export const ServiceSchema = ServiceShape.superRefine((s, ctx) => {
  // Replicas.
  if (s.autoscaling.minReplicas > s.autoscaling.maxReplicas) {
    report(ctx, ['autoscaling', 'minReplicas'], `is greater than autoscaling.maxReplicas (${s.autoscaling.maxReplicas})`, {
      code: ERROR_CODES.REPLICA_BOUNDS,
      allowed: `at most maxReplicas (${s.autoscaling.maxReplicas})`,
      fix: 'lower minReplicas or raise maxReplicas',
    }, s.autoscaling.minReplicas);
  }

  // Model size: known models need no numbers, others do.
  const known = knownModelFor(s.model.source);
  if (s.model.parametersBillions === undefined && known === undefined) {
    report(ctx, ['model', 'parametersBillions'], 'is required for a model modelplane does not know', {
      code: ERROR_CODES.REQUIRED,
      allowed: 'a positive number of billions, e.g. 7.2',
      fix: 'add model.parametersBillions (see the model card)',
    });
  }
  const arch = s.model.architecture;
  if (arch && arch.attentionHeads % arch.kvHeads !== 0) {
    report(ctx, ['model', 'architecture', 'kvHeads'], `must divide attentionHeads (${arch.attentionHeads})`, {
      code: ERROR_CODES.INVALID_ARCHITECTURE,
      allowed: `a divisor of ${arch.attentionHeads}`,
      fix: 'copy num_key_value_heads from the model config.json',
    }, arch.kvHeads);
  }

  // Secrets: references only, unique names and variables, no values anywhere they could leak.
  const seenNames = new Set<string>();
  const seenEnv = new Set<string>(Object.keys(s.runtime.env));
  s.secrets.forEach((secret, i) => {
    if (seenNames.has(secret.name)) {
      report(ctx, ['secrets', i, 'name'], 'is used by another secret', { code: ERROR_CODES.DUPLICATE_NAME, fix: 'give each secret its own name' }, secret.name);
    }
    seenNames.add(secret.name);
    if (seenEnv.has(secret.env)) {
      report(ctx, ['secrets', i, 'env'], 'is already set by runtime.env or another secret', { code: ERROR_CODES.DUPLICATE_NAME, fix: 'use one source per environment variable' }, secret.env);
    }
    seenEnv.add(secret.env);
  });
  // No secret value anywhere: every string of the spec (names, args, env, reasons, schemas...) is checked,
  // because any of them may end up in a template, a manifest, a Pulumi input or a log.
  forEachString(s, [], (path, value) => rejectSecretLiteral(ctx, path, value, hintFor(path)));

  // Placement options that only make sense together.
  if (s.placement.spreadCount !== undefined && s.placement.strategy !== 'spread') {
    report(ctx, ['placement', 'spreadCount'], 'is only used with strategy spread', {
      code: ERROR_CODES.INVALID_SPEC,
      fix: 'remove spreadCount or set placement.strategy to spread',
    }, s.placement.spreadCount);
  }
  const dupClouds = s.placement.clouds.filter((c, i) => s.placement.clouds.indexOf(c) !== i);
  if (dupClouds.length > 0) {
    report(ctx, ['placement', 'clouds'], `lists ${dupClouds.join(', ')} twice`, { code: ERROR_CODES.DUPLICATE_NAME, fix: 'list each cloud once' });
  }

  // Resources: a fixed GPU list must not repeat.
  const gpu = s.resources.gpu;
  if (typeof gpu === 'object' && 'anyOf' in gpu) {
    gpu.anyOf.forEach((t, i) => {
      if (gpu.anyOf.indexOf(t) !== i) report(ctx, ['resources', 'gpu', 'anyOf', i], 'repeats a GPU type', { code: ERROR_CODES.DUPLICATE_NAME, fix: 'list each GPU type once' }, t);
    });
  }
});

/** What a field takes instead of a secret value. */
function hintFor(path: readonly PropertyKey[]): string {
  const [section, , field] = path;
  if (section === 'secrets' && field === 'from') return 'the name of the secret in the store, e.g. prod/hf-token';
  if (section === 'runtime' && path[1] === 'env') return 'a plain value; put secrets in `secrets` and reference them by name';
  if (section === 'runtime' && path[1] === 'args') return 'a plain argument; pass secrets through `secrets` as environment variables';
  if (section === 'model') return 'a model location without credentials; give the token as a secret';
  return 'text without credentials';
}

/** Calls `visit` for every string (keys of records included) in a parsed spec, with its path. */
function forEachString(value: unknown, path: PropertyKey[], visit: (path: PropertyKey[], value: string) => void, depth = 0): void {
  if (depth > 64) return;
  if (typeof value === 'string') visit(path, value);
  else if (Array.isArray(value)) value.forEach((v, i) => forEachString(v, [...path, i], visit, depth + 1));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      visit([...path, k], k);
      forEachString(v, [...path, k], visit, depth + 1);
    }
  }
}

function rejectSecretLiteral(ctx: z.core.$RefinementCtx, path: PropertyKey[], value: string, allowed: string): void {
  const kind = secretKind(value);
  if (kind === undefined) return;
  report(ctx, path, `looks like ${kind}: secret values must never appear in the spec`, {
    code: ERROR_CODES.SECRET_LITERAL,
    allowed,
    fix: 'store the value in your cloud secret store (AWS Secrets Manager / GCP Secret Manager) and add a `secrets` entry that references it by name; rotate the exposed value',
    redact: true,
  });
}

/** What users write (TypeScript or YAML): defaults optional. */
export type ServiceSpecInput = z.input<typeof ServiceSchema>;
/** A validated service with every default applied. */
export type ServiceSpec = z.output<typeof ServiceSchema>;
