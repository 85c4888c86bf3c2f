/**
 * The spec's shape: defaults, strict objects, the same result from TypeScript and YAML, frozen output, and
 * the JSON Schema generated from the same zod schema.
 */
import { readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { GPU_TYPES, PRECISIONS } from '../../lib/catalog/gpu-types';
import { ERROR_CODES } from '../../lib/errors';
import { planService } from '../../lib/plan';
import { modelRequirement } from '../../lib/sizing';
import {
  DEFAULTS,
  ENGINE_DEFAULTS,
  HOURS_PER_MONTH,
  STRATEGIES,
  defineService,
  definePlatform,
  loadPlatformFile,
  parsePlatform,
  parseService,
  platformJsonSchema,
} from '../../lib/spec';
import { DEFAULT_SIZING_CONCURRENCY } from '../../lib/spec/defaults';
import { minimalService, problemAt, problemsOf, REPO_ROOT, tempDir, validPlatform, validService } from './fixtures';
import { unknownKeywords, validate } from './json-schema-check';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** Where each entry of DEFAULTS shows up on a parsed service (undefined: not a field of the parsed spec). */
function specPathOfDefault(section: string, key: string): string[] | undefined {
  if (section === 'monitoring') return ['monitoring', 'slo', key];
  if (section === 'placement' && key === 'spreadCount') return undefined; // applied by the planner, see below
  return [section, key];
}

function at(value: unknown, keys: readonly string[]): unknown {
  return keys.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], value);
}

/** [section, key, value] for every default that is a field of the parsed spec. */
const SPEC_DEFAULTS: Array<[string, string, unknown]> = Object.entries(DEFAULTS).flatMap(([section, fields]) =>
  Object.entries(fields as Record<string, unknown>)
    .filter(([key]) => specPathOfDefault(section, key) !== undefined)
    .map(([key, value]): [string, string, unknown] => [section, key, value]),
);

describe('defaults', () => {
  const spec = parseService(minimalService());

  it.each(SPEC_DEFAULTS)(
    'DEFAULTS.%s.%s is applied to a minimal spec',
    (section, key, value) => {
      expect(at(spec, specPathOfDefault(section, key)!)).toEqual(value);
    },
  );

  it('DEFAULTS.placement.spreadCount is the number of placements of strategy spread without spreadCount', () => {
    const plan = planService(parseService(minimalService({ placement: { strategy: 'spread' } })));
    expect(plan.placements).toHaveLength(DEFAULTS.placement.spreadCount);
    expect(parseService(minimalService({ placement: { strategy: 'spread' } })).placement.spreadCount).toBeUndefined();
  });

  it('DEFAULT_SIZING_CONCURRENCY sizes the KV cache when the autoscaling target is a queue depth', () => {
    const req = modelRequirement(parseService(minimalService({ autoscaling: { target: { metric: 'queueDepth', value: 50 } } })));
    expect(req.concurrency).toBe(DEFAULT_SIZING_CONCURRENCY);
  });

  it('HOURS_PER_MONTH turns hourly into monthly prices', () => {
    const p = planService(parseService(minimalService())).placements[0]!;
    expect(p.monthlyUsdAtMin).toBeCloseTo(p.hourlyUsd * HOURS_PER_MONTH * DEFAULTS.autoscaling.minReplicas, 2);
  });

  it('lists, maps and optional fields default to empty or absent, never to shared mutable objects', () => {
    expect(spec.runtime.args).toEqual([]);
    expect(spec.runtime.env).toEqual({});
    expect(spec.secrets).toEqual([]);
    expect(spec.monitoring.alerts).toEqual([]);
    expect(spec.placement.regions).toBeUndefined();
    expect(spec.resources.cpu).toBeUndefined();
    expect(spec.model.architecture).toBeUndefined();
    const other = parseService(minimalService({ name: 'other' }));
    expect(other.runtime.args).not.toBe(spec.runtime.args);
  });

  it.each(Object.keys(ENGINE_DEFAULTS) as Array<keyof typeof ENGINE_DEFAULTS>)('engine %s gets its own image, port and paths', (engine) => {
    const d = ENGINE_DEFAULTS[engine] as Record<string, unknown>;
    const runtime = engine === 'custom' ? { engine, image: 'ghcr.io/example/server:1.0.0' } : { engine };
    const r = parseService(minimalService({ runtime } as never)).runtime as Record<string, unknown>;
    for (const key of ['image', 'port', 'healthPath', 'livenessPath', 'metricsPath', 'metricsPort']) {
      if (d[key] !== undefined) expect(r[key], `${engine}.${key}`).toEqual(d[key]);
    }
  });

  it('an explicit 0 is kept, not replaced by a default', () => {
    const s = parseService(minimalService({ autoscaling: { scaleDownDelaySeconds: 0 }, monitoring: { slo: { errorRatePercent: 0 } } }));
    expect(s.autoscaling.scaleDownDelaySeconds).toBe(0);
    expect(s.monitoring.slo.errorRatePercent).toBe(0);
  });
});

describe('strict objects: a typo is an error at its exact path', () => {
  it.each([
    [{ autoscalling: { minReplicas: 1 } }, 'autoscalling'],
    [{ autoscaling: { minReplica: 1 } }, 'autoscaling.minReplica'],
    [{ model: { source: 'hf://meta-llama/Llama-3.1-8B-Instruct', precison: 'fp16' } }, 'model.precison'],
    [{ runtime: { engine: 'vllm', imgae: 'vllm/vllm-openai:v0.11.0' } }, 'runtime.imgae'],
    [{ placement: { strategy: 'failover', stratgy: 'spread' } }, 'placement.stratgy'],
    [{ monitoring: { slo: { p95LatencyMS: 100 } } }, 'monitoring.slo.p95LatencyMS'],
    [{ secrets: [{ name: 'a', from: 'prod/a', env: 'A', value: 'x' }] }, 'secrets[0].value'],
  ])('%j → MP_UNKNOWN_FIELD at %s', (extra, fieldPath) => {
    const problem = problemAt(problemsOf(() => parseService(validService(extra as never))), ERROR_CODES.UNKNOWN_FIELD, fieldPath);
    expect(problem.received).toBe(JSON.stringify(fieldPath.split('.').pop()!.replace(/^.*\]\./, '')));
    expect(problem.fix).toMatch(/remove|spelling|rename `.+` to `.+`/);
    expect(problem.allowed).toBeDefined();
  });

  it('names the known fields and suggests the closest one', () => {
    const problem = problemAt(problemsOf(() => parseService(validService({ autoscaling: { minReplica: 1 } } as never))), ERROR_CODES.UNKNOWN_FIELD, 'autoscaling.minReplica');
    expect(problem.allowed).toContain('minReplicas');
    expect(problem.message).toContain('did you mean `minReplicas`');
    expect(problem.fix).toBe('rename `minReplica` to `minReplicas`');
  });

  it('defaults the engine to vllm when runtime is given without one', () => {
    const s = parseService(validService({ runtime: { args: ['--enable-prefix-caching'] } } as never));
    expect(s.runtime.engine).toBe('vllm');
    expect(s.runtime.args).toEqual(['--enable-prefix-caching']);
  });

  it('reports the path inside a platform, with the service index', () => {
    const problems = problemsOf(() => parsePlatform(validPlatform([validService(), validService({ name: 'two', autoscaling: { minReplica: 1 } } as never)])));
    problemAt(problems, ERROR_CODES.UNKNOWN_FIELD, 'services[1].autoscaling.minReplica');
  });

  it('rejects unknown top-level platform fields too', () => {
    problemAt(problemsOf(() => parsePlatform({ ...validPlatform(), servcies: [] })), ERROR_CODES.UNKNOWN_FIELD, 'servcies');
  });
});

describe('TypeScript and YAML give the same platform', () => {
  const declaration = validPlatform([
    validService(),
    validService({
      name: 'big',
      model: { source: 'hf://meta-llama/Llama-3.1-70B-Instruct', contextTokens: 4096 },
      api: { auth: { type: 'jwt', issuer: 'https://auth.example.com/', audiences: ['llm'] } },
      placement: { clouds: ['aws'], regions: ['us-east-1', 'us-west-2'], strategy: 'failover' },
    }),
  ]);

  it('definePlatform(obj) deep-equals loadPlatformFile(the same obj written as YAML)', () => {
    const file = tmp.write('same.yaml', stringify(declaration));
    expect(loadPlatformFile(file)).toEqual(definePlatform(declaration));
  });

  it('and as JSON', () => {
    const file = tmp.write('same.json', JSON.stringify(declaration));
    expect(loadPlatformFile(file)).toEqual(definePlatform(declaration));
  });

  it('a single-service YAML file is a platform of one, equal to defineService', () => {
    const file = tmp.write('one.yaml', stringify(validService()));
    const platform = loadPlatformFile(file);
    expect(platform.services).toHaveLength(1);
    expect(platform.services[0]).toEqual(defineService(validService()));
  });

  it('defineService output is accepted again as input and yields the same spec (idempotent)', () => {
    const once = defineService(validService());
    expect(defineService(once)).toEqual(once);
  });
});

describe('returned specs are frozen', () => {
  it.each([
    ['parseService', () => parseService(validService())],
    ['defineService', () => defineService(validService())],
    ['parsePlatform', () => parsePlatform(validPlatform()).services[0]!],
  ])('%s returns a deeply frozen spec', (_, make) => {
    const spec = make();
    expect(Object.isFrozen(spec)).toBe(true);
    expect(Object.isFrozen(spec.autoscaling.target)).toBe(true);
    expect(Object.isFrozen(spec.runtime.args)).toBe(true);
    expect(Object.isFrozen(spec.secrets[0])).toBe(true);
    expect(() => {
      (spec.autoscaling as { minReplicas: number }).minReplicas = 99;
    }).toThrow(TypeError);
  });

  it('the caller’s input is not frozen or mutated', () => {
    const input = validService();
    const before = JSON.stringify(input);
    parseService(input);
    expect(Object.isFrozen(input)).toBe(false);
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe('JSON Schema', () => {
  const schema = platformJsonSchema();
  const props = schema.properties as Record<string, Record<string, unknown>>;
  const service = (props.services!.items as Record<string, unknown>) ?? {};
  const sp = service.properties as Record<string, Record<string, unknown>>;
  const field = (...keys: string[]) => keys.reduce<Record<string, unknown>>((s, k) => (s.properties as Record<string, Record<string, unknown>>)[k]!, service);

  it('is a draft 2020-12 schema with an $id and a title', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toMatch(/^https:\/\//);
    expect(schema.title).toEqual(expect.any(String));
    expect(schema.type).toBe('object');
  });

  it('uses only keywords of the subset checked here', () => {
    expect([...unknownKeywords(schema)]).toEqual([]);
  });

  it('has every section of a service, strict', () => {
    expect(Object.keys(sp)).toEqual(expect.arrayContaining(['name', 'model', 'runtime', 'resources', 'autoscaling', 'api', 'secrets', 'monitoring', 'placement']));
    expect(service.required).toEqual(expect.arrayContaining(['name', 'model']));
    expect(service.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['services']);
    expect(schema.additionalProperties).toBe(false);
  });

  it('has the enums of the zod schema', () => {
    expect(field('model', 'precision').enum).toEqual([...PRECISIONS]);
    expect(field('placement', 'strategy').enum).toEqual([...STRATEGIES]);
    expect(JSON.stringify(field('resources', 'gpu'))).toContain(JSON.stringify([...GPU_TYPES]));
  });

  it.each(SPEC_DEFAULTS)('documents DEFAULTS.%s.%s as the default', (section, key, value) => {
    if (section === 'runtime') {
      // runtime is a union over engines: the engine default is the section's default, the rest is per branch.
      const runtime = field('runtime');
      if (key === 'engine') expect(runtime.default).toEqual({ engine: value });
      else for (const branch of (runtime.oneOf ?? runtime.anyOf) as Array<Record<string, Record<string, Record<string, unknown>>>>) expect(branch.properties![key]!.default).toEqual(value);
      return;
    }
    expect(field(...specPathOfDefault(section, key)!).default).toEqual(value);
  });

  // Cross-field rules (replica bounds, secret literals, catalog rules) are zod-only; these are shape cases.
  const cases: Array<[string, unknown, boolean]> = [
    ['a minimal platform', validPlatform([minimalService()]), true],
    ['a full platform', validPlatform(), true],
    ['a typo', validPlatform([validService({ autoscalling: {} } as never)]), false],
    ['minReplicas 0', validPlatform([validService({ autoscaling: { minReplicas: 0 } })]), false],
    ['minReplicas 1.5', validPlatform([validService({ autoscaling: { minReplicas: 1.5 } })]), false],
    ['precision fp32', validPlatform([validService({ model: { precision: 'fp32' } } as never)]), false],
    ['missing model', validPlatform([{ name: 'x' } as never]), false],
    ['an upper-case name', validPlatform([validService({ name: 'Chat' })]), false],
    ['an unknown GPU type', validPlatform([validService({ resources: { gpu: { type: 'RTX4090' } } } as never)]), false],
    ['gpu anyOf', validPlatform([validService({ resources: { gpu: { anyOf: ['L4', 'L40S'] } } })]), true],
    ['public auth without reason', validPlatform([validService({ api: { auth: { type: 'public' } } } as never)]), false],
    ['public auth with reason', validPlatform([validService({ api: { auth: { type: 'public', reason: 'internal demo behind VPN' } } })]), true],
    ['strategy random', validPlatform([validService({ placement: { strategy: 'random' } } as never)]), false],
    ['no services', { services: [] }, false],
    ['an env name with a space', validPlatform([validService({ runtime: { env: { 'LOG LEVEL': 'x' } } })]), false],
  ];

  it.each(cases)('JSON Schema and zod agree on %s', (_, doc, valid) => {
    const schemaErrors = validate(schema, doc);
    expect(schemaErrors.length === 0, `JSON Schema: ${schemaErrors.join('; ')}`).toBe(valid);
    let zodOk = true;
    try {
      parsePlatform(doc);
    } catch {
      zodOk = false;
    }
    expect(zodOk).toBe(valid);
  });

  it('schema/modelplane.schema.json in the repository equals platformJsonSchema()', () => {
    const file = path.join(REPO_ROOT, 'schema/modelplane.schema.json');
    expect(existsSync(file), 'generate it: npx tsx bin/modelplane.js schema > schema/modelplane.schema.json').toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8')), 'stale: regenerate with npx tsx bin/modelplane.js schema > schema/modelplane.schema.json').toEqual(schema);
  });
});
