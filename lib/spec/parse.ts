import { readFileSync, statSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { applyCatalogOverride } from '../catalog/custom';
import { BUNDLED_CATALOG } from '../catalog/bundled';
import type { Catalog } from '../catalog/offering';
import { ERROR_CODES, ModelplaneError, Problem } from '../errors';
import { problemsFromZod } from '../zod-problems';
import { checkAgainstCatalog } from './catalog-rules';
import { PlatformSchema, PlatformSpec, PlatformSpecInput } from './platform';
import { ServiceSchema, ServiceSpec, ServiceSpecInput } from './service';

/** A platform after validation, with the catalog its services were checked against. */
export interface ValidatedPlatform extends PlatformSpec {
  /** The catalog in use: the bundled one, extended or replaced by the platform's `catalog`. */
  readonly resolvedCatalog: Catalog;
}

export interface ParseOptions {
  /** Catalog to validate GPU types and regions against. @default - the bundled catalog (plus the platform's own `catalog`) */
  readonly catalog?: Catalog;
}

/** Largest spec file read, in bytes: a platform of hundreds of services fits in far less. */
export const MAX_SPEC_FILE_BYTES = 4 * 1024 * 1024;

/**
 * Validates one service: shape, defaults, cross-field rules, and the rules that need a catalog.
 * @throws ModelplaneError listing every problem.
 */
export function parseService(input: unknown, options: ParseOptions = {}): ServiceSpec {
  const result = safeParse(ServiceSchema, input, []);
  const catalog = options.catalog ?? BUNDLED_CATALOG;
  const problems = checkAgainstCatalog(result, catalog);
  if (problems.length > 0) throw new ModelplaneError(problems, 'Invalid model service');
  return deepFreeze(result);
}

/**
 * Validates a platform (a `modelplane.yaml`, or the object given to definePlatform).
 * @throws ModelplaneError listing every problem.
 */
export function parsePlatform(input: unknown, options: ParseOptions = {}): ValidatedPlatform {
  const platform = safeParse(PlatformSchema, input, []);
  let catalog = options.catalog ?? BUNDLED_CATALOG;
  if (platform.catalog) catalog = applyCatalogOverride(catalog, platform.catalog);
  const problems: Problem[] = [];
  platform.services.forEach((s, i) => problems.push(...checkAgainstCatalog(s, catalog, ['services', i])));
  if (problems.length > 0) throw new ModelplaneError(problems, 'Invalid modelplane platform');
  return deepFreeze({ ...platform, resolvedCatalog: catalog });
}

/**
 * Declares a service in TypeScript, with the same shape as YAML. Validates shape and cross-field rules now
 * (catalog rules run when the service is planned) and returns the service with defaults applied.
 */
export function defineService(input: ServiceSpecInput): ServiceSpec {
  return deepFreeze(safeParse(ServiceSchema, input, []));
}

/** Declares a platform in TypeScript, with the same shape as `modelplane.yaml`. */
export function definePlatform(input: PlatformSpecInput, options: ParseOptions = {}): ValidatedPlatform {
  return parsePlatform(input, options);
}

/**
 * Reads a platform from a YAML or JSON file. A file with a single service (`name` and `model` at the top)
 * is read as a platform of one.
 * @throws ModelplaneError with MP_FILE_NOT_FOUND, MP_PARSE_ERROR or the spec's problems.
 */
export function loadPlatformFile(file: string, options: ParseOptions = {}): ValidatedPlatform {
  return parsePlatform(readSpecFile(file), options);
}

/** Reads and parses a YAML/JSON file into plain data, without validating it. */
export function readSpecFile(file: string): unknown {
  let text: string;
  try {
    const size = statSync(file).size;
    if (size > MAX_SPEC_FILE_BYTES) {
      throw new ModelplaneError([{ code: ERROR_CODES.PARSE_ERROR, path: '', message: `is ${size} bytes; the limit is ${MAX_SPEC_FILE_BYTES}`, fix: 'split the platform into several files' }], `Cannot read ${file}`);
    }
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof ModelplaneError) throw e;
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`;
    throw new ModelplaneError([{ code: ERROR_CODES.FILE_NOT_FOUND, path: '', message: `${file} ${reason}`, fix: 'check the path (relative to the current directory)' }], `Cannot read ${file}`);
  }
  const data = parseYaml(text, file);
  if (data !== null && typeof data === 'object' && !Array.isArray(data) && !('services' in data) && 'name' in data && 'model' in data) {
    return { services: [data] };
  }
  return data;
}

function parseYaml(text: string, file: string): unknown {
  try {
    const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length > 0) {
      throw new ModelplaneError(
        doc.errors.slice(0, 10).map((err) => ({
          code: ERROR_CODES.PARSE_ERROR,
          path: '',
          message: err.message.split('\n')[0] ?? 'invalid YAML',
          fix: 'fix the YAML syntax at the line shown',
        })),
        `${file} is not valid YAML`,
      );
    }
    return doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    if (e instanceof ModelplaneError) throw e;
    throw new ModelplaneError([{ code: ERROR_CODES.PARSE_ERROR, path: '', message: (e as Error).message.split('\n')[0] ?? 'invalid YAML', fix: 'fix the YAML syntax' }], `${file} is not valid YAML`);
  }
}

function safeParse<S extends typeof ServiceSchema | typeof PlatformSchema>(schema: S, input: unknown, prefix: PropertyKey[]): S['_zod']['output'] {
  let result;
  try {
    result = schema.safeParse(input, { reportInput: true });
  } catch (e) {
    // zod does not throw on bad data; anything here is a hostile shape (getters that throw, cycles...).
    throw new ModelplaneError([{ code: ERROR_CODES.INVALID_SPEC, path: '', message: `cannot be read as plain data (${e instanceof Error ? e.message : 'reading it threw'})`, fix: 'pass plain objects, lists, strings, numbers and booleans' }]);
  }
  if (!result.success) throw new ModelplaneError(problemsFromZod(result.error.issues, prefix, { schema, input }), schema === PlatformSchema ? 'Invalid modelplane platform' : 'Invalid model service');
  return result.data;
}

/** Freezes a value and everything it holds. Iterative: free-form fields (api.requestSchema) may nest deeply. */
function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
      Object.freeze(v);
      for (const child of Object.values(v)) stack.push(child);
    }
  }
  return value;
}
