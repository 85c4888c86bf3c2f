/**
 * Backward compatibility of JSON Schemas for an API contract: what existing clients send must still be
 * accepted (request), and what they read must still come back (response). A deliberately small subset of
 * JSON Schema: `type`, `properties`, `required`, `enum`, `items` — enough for request/response bodies.
 */
type Schema = Record<string, unknown>;

export interface Incompatibility {
  /** JSON pointer-like path inside the schema, e.g. `properties.messages.items`. */
  readonly at: string;
  readonly message: string;
}

/** Changes that break existing callers of a request schema (the server accepts less than before). */
export function requestIncompatibilities(before: Schema, after: Schema, at = ''): Incompatibility[] {
  return compare(before, after, at, 'request');
}

/** Changes that break existing readers of a response schema (the server returns less than before). */
export function responseIncompatibilities(before: Schema, after: Schema, at = ''): Incompatibility[] {
  return compare(before, after, at, 'response');
}

function compare(before: Schema, after: Schema, at: string, direction: 'request' | 'response'): Incompatibility[] {
  const out: Incompatibility[] = [];
  const tb = typesOf(before);
  const ta = typesOf(after);
  if (tb && ta) {
    const lost = tb.filter((t) => !ta.includes(t) && !(t === 'integer' && ta.includes('number')));
    if (direction === 'request' && lost.length > 0) out.push({ at: at || '(root)', message: `no longer accepts type ${lost.join(', ')}` });
    const gained = ta.filter((t) => !tb.includes(t) && !(t === 'integer' && tb.includes('number')));
    if (direction === 'response' && gained.length > 0) out.push({ at: at || '(root)', message: `may now return type ${gained.join(', ')}` });
  }
  const eb = Array.isArray(before.enum) ? before.enum : undefined;
  const ea = Array.isArray(after.enum) ? after.enum : undefined;
  if (direction === 'request' && eb && ea) {
    const removed = eb.filter((v) => !ea.some((w) => JSON.stringify(w) === JSON.stringify(v)));
    if (removed.length > 0) out.push({ at: at || '(root)', message: `no longer accepts ${removed.map((v) => JSON.stringify(v)).join(', ')}` });
  }
  if (direction === 'request' && !eb && ea) out.push({ at: at || '(root)', message: 'now restricts values to an enum' });
  if (direction === 'response' && eb && ea) {
    const added = ea.filter((v) => !eb.some((w) => JSON.stringify(w) === JSON.stringify(v)));
    if (added.length > 0) out.push({ at: at || '(root)', message: `may now return ${added.map((v) => JSON.stringify(v)).join(', ')}` });
  }

  const rb = new Set(stringList(before.required));
  const ra = new Set(stringList(after.required));
  const pb = objectOf(before.properties);
  const pa = objectOf(after.properties);
  if (direction === 'request') {
    for (const name of ra) if (!rb.has(name)) out.push({ at: join(at, `properties.${name}`), message: 'is newly required' });
    if (after.additionalProperties === false) {
      for (const name of Object.keys(pb)) if (!(name in pa)) out.push({ at: join(at, `properties.${name}`), message: 'was removed and unknown properties are refused' });
    }
  } else {
    for (const name of rb) if (!ra.has(name)) out.push({ at: join(at, `properties.${name}`), message: 'is no longer guaranteed in responses' });
    for (const name of Object.keys(pb)) if (!(name in pa) && rb.has(name)) out.push({ at: join(at, `properties.${name}`), message: 'was removed from responses' });
  }
  for (const [name, sb] of Object.entries(pb)) {
    const sa = pa[name];
    if (isSchema(sb) && isSchema(sa)) out.push(...compare(sb, sa, join(at, `properties.${name}`), direction));
  }
  if (isSchema(before.items) && isSchema(after.items)) out.push(...compare(before.items, after.items, join(at, 'items'), direction));
  return out;
}

function typesOf(s: Schema): string[] | undefined {
  if (typeof s.type === 'string') return [s.type];
  if (Array.isArray(s.type)) return s.type.filter((t): t is string => typeof t === 'string');
  return undefined;
}
function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
function objectOf(v: unknown): Record<string, unknown> {
  return isSchema(v) ? v : {};
}
function isSchema(v: unknown): v is Schema {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
function join(a: string, b: string): string {
  return a ? `${a}.${b}` : b;
}
