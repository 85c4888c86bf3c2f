/**
 * Robustness: every valid spec plans or fails with a clear no-fit error; every malformed input — random data,
 * valid specs with one field broken, hostile shapes — fails with a ModelplaneError only: never a TypeError, a
 * RangeError or a stack trace, and never a message with "undefined" or "[object Object]" in it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, isModelplaneError } from '../../lib/errors';
import { planService } from '../../lib/plan';
import { parsePlatform, parseService } from '../../lib/spec';
import { validServiceArb } from './arbitraries';
import { validService } from './fixtures';

const SEED = Number(process.env.FC_SEED ?? 7331);

/** Strings an input carries (keys and values, up to a budget), so a message may legitimately echo them. */
function strings(value: unknown): string[] {
  const out: string[] = [];
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0 && out.length < 10_000) {
    const v = stack.pop();
    if (typeof v === 'string') out.push(v);
    else if (v !== null && typeof v === 'object' && !seen.has(v)) {
      seen.add(v);
      try {
        for (const [k, child] of Object.entries(v)) {
          out.push(k);
          stack.push(child);
        }
      } catch {
        // hostile object: nothing to echo
      }
    }
  }
  return out;
}

/** Calls fn; it may return or throw a ModelplaneError with a clean message — nothing else. */
function expectOnlyModelplaneErrors(fn: () => unknown, input: unknown): void {
  try {
    fn();
  } catch (e) {
    if (!isModelplaneError(e)) throw new Error(`threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)} instead of a ModelplaneError`);
    const echoed = strings(input).join('\n');
    for (const bad of ['undefined', '[object Object]', 'NaN undefined']) {
      if (!echoed.includes(bad)) expect(e.message, `message contains ${bad}`).not.toContain(bad);
    }
    expect(e.message).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack frames
    expect(e.problems.length).toBeGreaterThan(0);
    for (const p of e.problems) {
      expect(Object.values(ERROR_CODES)).toContain(p.code);
      expect(typeof p.path).toBe('string');
      expect(p.message.length).toBeGreaterThan(0);
    }
  }
}

function parseBoth(input: unknown): void {
  expectOnlyModelplaneErrors(() => parseService(input), input);
  expectOnlyModelplaneErrors(() => parsePlatform(input), input);
  expectOnlyModelplaneErrors(() => parsePlatform({ services: [input] }), input);
}

describe('valid specs', () => {
  it('every generated valid spec plans, or fails with MP_NO_FEASIBLE_PLACEMENT / MP_STRATEGY_UNSATISFIABLE (300 specs)', () => {
    fc.assert(
      fc.property(validServiceArb(['cheapest', 'failover', 'spread']), (input) => {
        try {
          const plan = planService(parseService(input));
          expect(plan.placements.length).toBeGreaterThan(0);
        } catch (e) {
          if (!isModelplaneError(e)) throw e;
          for (const p of e.problems) expect([ERROR_CODES.NO_FEASIBLE_PLACEMENT, ERROR_CODES.STRATEGY_UNSATISFIABLE]).toContain(p.code);
          expect(e.message).not.toContain('undefined');
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

/** Values that break naive code: wrong types, extreme numbers, prototype keys, long and exotic strings. */
const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true, withTypedArray: true }),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MAX_SAFE_INTEGER + 2, Number.MIN_VALUE, 1e308, -1, 0, 2 ** 53),
  fc.constantFrom(null, undefined, true, '', ' ', '\u0000', '{}', '[]', 'null', 'auto', 'latest'),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('x'.repeat(100_000), '🦙'.repeat(10_000), 'a\u202Eb', 'ＡＢＣ', 'İstanbul', 'e\u0301'),
  fc.constantFrom(
    JSON.parse('{"__proto__": {"polluted": true}}'),
    JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
    { toString: 1, valueOf: 'x', hasOwnProperty: null },
    Object.create(null),
    [[[[[]]]]],
  ),
  fc.integer({ min: 100, max: 3000 }).map((depth) => {
    let o: unknown = { leaf: true };
    for (let i = 0; i < depth; i++) o = { a: o, b: [o] };
    return o;
  }),
);

/** All key paths of a plain value (objects and arrays). */
function paths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return [];
  const out: Array<Array<string | number>> = [];
  for (const [k, v] of Object.entries(value)) {
    const p = [...prefix, Array.isArray(value) ? Number(k) : k];
    out.push(p, ...paths(v, p));
  }
  return out;
}

function mutate(input: unknown, pathTo: Array<string | number>, how: 'replace' | 'delete' | 'add', value: unknown, key: string): unknown {
  const copy = structuredClone(input) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const k of pathTo.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = pathTo[pathTo.length - 1]!;
  if (how === 'delete') delete parent[last];
  else if (how === 'add' && parent[last] !== null && typeof parent[last] === 'object') Object.defineProperty(parent[last], key, { value, enumerable: true, configurable: true, writable: true });
  else parent[last] = value;
  return copy;
}

describe('malformed input never escapes as anything but a ModelplaneError', () => {
  it('random data (fc.anything)', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 4, withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true, withObjectString: true }), parseBoth),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('valid specs with one field replaced, deleted, or given an extra (possibly prototype) key', () => {
    const mutated = validServiceArb(['cheapest', 'failover', 'spread']).chain((input) => {
      const all = paths(input);
      return fc.record({
        input: fc.constant(input),
        at: fc.constantFrom(...all),
        how: fc.constantFrom('replace' as const, 'delete' as const, 'add' as const),
        value: nasty,
        key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'autoscalling', '', '🦙', 'a'.repeat(5000)),
      });
    });
    fc.assert(
      fc.property(mutated, ({ input, at, how, value, key }) => parseBoth(mutate(input, at, how, value, key))),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('whole sections replaced by nasty values', () => {
    const sections = ['name', 'model', 'runtime', 'resources', 'autoscaling', 'api', 'secrets', 'monitoring', 'placement'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...sections), nasty, (section, value) => parseBoth({ ...validService(), [section]: value })),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('a free-form field nested 100,000 levels deep', () => {
    let deep: Record<string, unknown> = { type: 'object' };
    for (let i = 0; i < 100_000; i++) deep = { properties: { x: deep } };
    expectOnlyModelplaneErrors(() => parseService(validService({ api: { requestSchema: deep } } as never)), undefined);
    expectOnlyModelplaneErrors(() => parseService({ ...validService(), model: deep }), undefined);
  });

  it('cycles', () => {
    const cyclic: Record<string, unknown> = { ...validService() };
    cyclic.self = cyclic;
    expectOnlyModelplaneErrors(() => parseService(cyclic), undefined);
    const schema: Record<string, unknown> = { type: 'object' };
    schema.properties = { again: schema };
    expectOnlyModelplaneErrors(() => parseService(validService({ api: { requestSchema: schema } } as never)), undefined);
  });

  it.each<[string, () => never]>([
    ['an Error', () => { throw new Error('getter exploded'); }],
    ['a string', () => { throw 'boom'; }],
    ['undefined', () => { throw undefined; }],
    ['an object', () => { throw { reason: 'nope' }; }],
  ])('getters that throw %s', (_, thrower) => {
    const hostile = { ...validService() } as Record<string, unknown>;
    Object.defineProperty(hostile, 'model', { get: thrower, enumerable: true });
    expectOnlyModelplaneErrors(() => parseService(hostile), undefined);
    expectOnlyModelplaneErrors(() => parsePlatform({ services: [hostile] }), undefined);
  });

  it('proxies whose traps throw', () => {
    const trap = () => {
      throw new TypeError('trap');
    };
    const proxy = new Proxy({ ...validService() }, { ownKeys: trap, get: trap, has: trap, getOwnPropertyDescriptor: trap });
    expectOnlyModelplaneErrors(() => parseService(proxy), undefined);
    expectOnlyModelplaneErrors(() => parsePlatform(proxy), undefined);
  });

  it('a platform of 2,001 services is refused, not planned', () => {
    const services = Array.from({ length: 2001 }, (_, i) => validService({ name: `s${i}` }));
    expectOnlyModelplaneErrors(() => parsePlatform({ services }), undefined);
    expect(() => parsePlatform({ services })).toThrow(/at most 2000/);
  });
});
