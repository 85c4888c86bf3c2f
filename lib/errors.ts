/**
 * The one error type modelplane throws for bad input.
 *
 * Every problem carries a stable `code`, the `path` of the field (`services[0].autoscaling.minReplicas`),
 * what was `received`, what is `allowed`, and how to `fix` it. All problems of one input are reported at
 * once, so a user fixes a file in one pass.
 */

/** Stable problem codes. Never renamed: users and tools match on them. */
export const ERROR_CODES = {
  /** A field has the wrong type (a string where a number is expected...). */
  INVALID_TYPE: 'MP_INVALID_TYPE',
  /** A required field is missing. */
  REQUIRED: 'MP_REQUIRED',
  /** A field the schema does not know (usually a typo). */
  UNKNOWN_FIELD: 'MP_UNKNOWN_FIELD',
  /** A value outside its allowed list. */
  INVALID_VALUE: 'MP_INVALID_VALUE',
  /** A string that does not have the expected form (name, URI, path...). */
  INVALID_FORMAT: 'MP_INVALID_FORMAT',
  /** A number or list too small or too large. */
  OUT_OF_RANGE: 'MP_OUT_OF_RANGE',
  /** autoscaling.minReplicas greater than autoscaling.maxReplicas. */
  REPLICA_BOUNDS: 'MP_REPLICA_BOUNDS',
  /** A secret value where only a reference (a name) is allowed. */
  SECRET_LITERAL: 'MP_SECRET_LITERAL',
  /** A GPU type not in the catalog in use. */
  UNKNOWN_GPU: 'MP_UNKNOWN_GPU',
  /** A precision the chosen GPU cannot run. */
  PRECISION_UNSUPPORTED: 'MP_PRECISION_UNSUPPORTED',
  /** A container image that is not pinned (no tag, or `latest`). */
  UNPINNED_IMAGE: 'MP_UNPINNED_IMAGE',
  /** Two services, secrets or alert destinations with the same name. */
  DUPLICATE_NAME: 'MP_DUPLICATE_NAME',
  /** A region the catalog does not offer for the allowed clouds. */
  UNKNOWN_REGION: 'MP_UNKNOWN_REGION',
  /** A placement strategy that cannot be met by the allowed clouds and regions. */
  STRATEGY_UNSATISFIABLE: 'MP_STRATEGY_UNSATISFIABLE',
  /** Model architecture facts that contradict each other. */
  INVALID_ARCHITECTURE: 'MP_INVALID_ARCHITECTURE',
  /** No offering in the catalog can serve the model within the constraints. */
  NO_FEASIBLE_PLACEMENT: 'MP_NO_FEASIBLE_PLACEMENT',
  /** A file that does not exist or cannot be read. */
  FILE_NOT_FOUND: 'MP_FILE_NOT_FOUND',
  /** A file that is not valid YAML or JSON. */
  PARSE_ERROR: 'MP_PARSE_ERROR',
  /** Any other rule of the spec. */
  INVALID_SPEC: 'MP_INVALID_SPEC',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** One problem in the input. */
export interface Problem {
  readonly code: ErrorCode;
  /** Dotted path of the field, with [i] for list items; '' for the whole document. */
  readonly path: string;
  /** What was wrong, in one sentence. */
  readonly message: string;
  /** A short rendering of the value received; undefined when the field was missing. */
  readonly received?: string;
  /** What is allowed. */
  readonly allowed?: string;
  /** What to change. */
  readonly fix?: string;
}

/**
 * Thrown for bad input: a spec, a catalog, a file. Carries every problem found.
 * Catch it and print `error.message`, or read `error.problems` to render your own.
 */
export class ModelplaneError extends Error {
  public readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[], title = 'Invalid modelplane input') {
    super(formatProblems(title, problems));
    this.name = 'ModelplaneError';
    this.problems = problems;
  }

  /** The code of the first problem: handy when there is one. */
  get code(): ErrorCode {
    return this.problems[0]?.code ?? ERROR_CODES.INVALID_SPEC;
  }
}

/** True when the value is a ModelplaneError (also across package copies). */
export function isModelplaneError(e: unknown): e is ModelplaneError {
  return e instanceof ModelplaneError || (e instanceof Error && e.name === 'ModelplaneError' && Array.isArray((e as ModelplaneError).problems));
}

/** Renders problems as the text users see: one block per problem. */
export function formatProblems(title: string, problems: readonly Problem[]): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const lines = [`${title} (${count}):`];
  for (const p of problems) {
    lines.push(`  ✗ ${p.path === '' ? '(document)' : p.path}: ${p.message} [${p.code}]`);
    if (p.received !== undefined) lines.push(`      received: ${p.received}`);
    if (p.allowed !== undefined) lines.push(`      allowed:  ${p.allowed}`);
    if (p.fix !== undefined) lines.push(`      fix:      ${p.fix}`);
  }
  return lines.join('\n');
}

/** Renders a value for an error message: short, single-line, never a whole object dump. */
export function renderValue(value: unknown, max = 80): string {
  let text: string;
  if (value === undefined) text = 'nothing';
  else if (typeof value === 'string') text = JSON.stringify(value);
  else if (typeof value === 'number' || typeof value === 'boolean' || value === null) text = String(value);
  else if (Array.isArray(value)) text = `a list of ${value.length}`;
  else if (typeof value === 'object') {
    const keys = Object.keys(value as object);
    text = keys.length === 0 ? 'an empty object' : `an object with ${keys.slice(0, 5).join(', ')}${keys.length > 5 ? ', …' : ''}`;
  } else text = typeof value;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Joins a path array into `a.b[0].c`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}
