import type { z } from 'zod';

type AnySchema = z.core.$ZodType;
type Def = { type: string; innerType?: AnySchema; in?: AnySchema; out?: AnySchema; shape?: Record<string, AnySchema>; element?: AnySchema; options?: AnySchema[]; discriminator?: string; valueType?: AnySchema; getter?: () => AnySchema };

/**
 * The field names an object schema accepts at `path` (walking the same path through the input to pick the
 * right branch of a union), so that an unknown field can be answered with the known ones and a
 * "did you mean". Returns undefined where the path does not lead to an object schema.
 */
export function objectKeysAt(schema: AnySchema, path: readonly PropertyKey[], input: unknown): string[] | undefined {
  let node: AnySchema | undefined = schema;
  let value: unknown = input;
  for (const step of path) {
    node = unwrap(node, value);
    if (node === undefined) return undefined;
    const def = defOf(node);
    if (def.type === 'object' && typeof step === 'string') node = def.shape?.[step];
    else if (def.type === 'array' && typeof step === 'number') node = def.element;
    else if (def.type === 'record') node = def.valueType;
    else return undefined;
    value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[step] : undefined;
  }
  node = unwrap(node, value);
  if (node === undefined) return undefined;
  const def = defOf(node);
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : undefined;
}

/** The closest known key to a typo (edit distance ≤ 3, or a case/underscore variant). */
export function closestKey(typo: string, known: readonly string[]): string | undefined {
  let best: { key: string; d: number } | undefined;
  for (const key of known) {
    const d = key.toLowerCase() === typo.toLowerCase().replace(/[-_]/g, '') ? 0 : distance(typo.toLowerCase(), key.toLowerCase());
    if (d <= 3 && (best === undefined || d < best.d)) best = { key, d };
  }
  return best?.key;
}

function unwrap(node: AnySchema | undefined, value: unknown): AnySchema | undefined {
  for (let i = 0; node !== undefined && i < 20; i++) {
    const def = defOf(node);
    switch (def.type) {
      case 'default':
      case 'prefault':
      case 'optional':
      case 'nullable':
      case 'readonly':
      case 'catch':
        node = def.innerType;
        continue;
      case 'pipe':
        node = def.in;
        continue;
      case 'lazy':
        node = def.getter?.();
        continue;
      case 'union': {
        const options = def.options ?? [];
        const objects = options.map((o) => unwrap(o, value)).filter((o): o is AnySchema => o !== undefined && defOf(o).type === 'object');
        const disc = def.discriminator;
        const record = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
        const byDisc = disc ? objects.find((o) => literalValue(defOf(o).shape?.[disc]) === record[disc]) : undefined;
        const byKeys = objects
          .map((o) => ({ o, hits: Object.keys(record).filter((k) => k in (defOf(o).shape ?? {})).length }))
          .sort((a, b) => b.hits - a.hits)[0]?.o;
        return byDisc ?? byKeys;
      }
      default:
        return node;
    }
  }
  return node;
}

function literalValue(node: AnySchema | undefined): unknown {
  const n = node === undefined ? undefined : unwrap(node, undefined);
  const def = n ? (defOf(n) as { values?: unknown[] }) : undefined;
  return def?.values?.[0];
}

function defOf(node: AnySchema): Def {
  return (node as unknown as { _zod: { def: Def } })._zod.def;
}

function distance(a: string, b: string): number {
  const dp = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (dp[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = dp[i] as number[];
      const prev = dp[i - 1] as number[];
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return (dp[a.length] as number[])[b.length] as number;
}
