/**
 * A deliberately small JSON Schema (draft 2020-12) validator for the keywords modelplane's schema uses, so the
 * suite can check that the published schema accepts and rejects the same documents as the zod schema without a
 * validator dependency. Unknown keywords fail loudly: if the schema starts using one, this file must learn it.
 */
type Schema = Record<string, unknown>;

const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', 'default', 'format', 'examples', 'deprecated', 'readOnly']);
const ASSERTIONS = new Set([
  'type', 'properties', 'required', 'additionalProperties', 'propertyNames', 'enum', 'const', 'oneOf', 'anyOf', 'allOf',
  'items', 'minItems', 'maxItems', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'pattern',
]);

/** Every keyword the schema uses that this validator does not understand (should be empty). */
export function unknownKeywords(schema: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) schema.forEach((s) => unknownKeywords(s, out));
  else if (schema !== null && typeof schema === 'object') {
    for (const [k, v] of Object.entries(schema)) {
      if (!ANNOTATIONS.has(k) && !ASSERTIONS.has(k)) out.add(k);
      if (k === 'properties') Object.values(v as object).forEach((s) => unknownKeywords(s, out));
      else if (['items', 'additionalProperties', 'propertyNames', 'oneOf', 'anyOf', 'allOf'].includes(k)) unknownKeywords(v, out);
    }
  }
  return out;
}

/** Validation errors (JSON-pointer-ish paths); empty when the value is valid. */
export function validate(schema: Schema | boolean, value: unknown, at = ''): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${at}: not allowed`];
  const errors: string[] = [];
  const fail = (msg: string) => errors.push(`${at || '/'}: ${msg}`);
  if (schema.type !== undefined && !hasType(value, schema.type as string | string[])) return [`${at || '/'}: expected ${String(schema.type)}`];
  if (schema.const !== undefined && !deepEqual(schema.const, value)) fail(`expected const ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => deepEqual(e, value))) fail('not in enum');
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) fail('below minimum');
    if (typeof schema.maximum === 'number' && value > schema.maximum) fail('above maximum');
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) fail('not above exclusiveMinimum');
    if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum) fail('not below exclusiveMaximum');
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    if (typeof schema.minLength === 'number' && length < schema.minLength) fail('too short');
    if (typeof schema.maxLength === 'number' && length > schema.maxLength) fail('too long');
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) fail(`does not match ${schema.pattern}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) fail('too few items');
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) fail('too many items');
    if (schema.items !== undefined) value.forEach((v, i) => errors.push(...validate(schema.items as Schema, v, `${at}/${i}`)));
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const r of (schema.required ?? []) as string[]) if (!(r in obj)) fail(`missing required ${r}`);
    for (const [k, v] of Object.entries(obj)) {
      if (schema.propertyNames !== undefined) errors.push(...validate(schema.propertyNames as Schema, k, `${at}/${k}`));
      if (k in props) errors.push(...validate(props[k]!, v, `${at}/${k}`));
      else if (schema.additionalProperties !== undefined) errors.push(...validate(schema.additionalProperties as Schema, v, `${at}/${k}`));
    }
  }
  if (Array.isArray(schema.allOf)) for (const s of schema.allOf) errors.push(...validate(s as Schema, value, at));
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some((s) => validate(s as Schema, value, at).length === 0)) fail('matches no anyOf branch');
  if (Array.isArray(schema.oneOf) && schema.oneOf.filter((s) => validate(s as Schema, value, at).length === 0).length !== 1) fail('does not match exactly one oneOf branch');
  return errors;
}

function hasType(value: unknown, type: string | string[]): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => {
    switch (t) {
      case 'object':
        return value !== null && typeof value === 'object' && !Array.isArray(value);
      case 'array':
        return Array.isArray(value);
      case 'string':
        return typeof value === 'string';
      case 'number':
        return typeof value === 'number' && Number.isFinite(value);
      case 'integer':
        return typeof value === 'number' && Number.isInteger(value);
      case 'boolean':
        return typeof value === 'boolean';
      case 'null':
        return value === null;
      default:
        throw new Error(`unknown JSON Schema type ${t}`);
    }
  });
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
