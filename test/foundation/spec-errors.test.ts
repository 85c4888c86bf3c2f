/**
 * Every stable error code, one specification each: the code, the exact path, and what was received, what
 * is allowed and how to fix it. Plus: all problems at once, and the text users read.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLED_CATALOG } from '../../lib/catalog/bundled';
import { ERROR_CODES, ErrorCode, formatProblems, isModelplaneError, ModelplaneError, Problem } from '../../lib/errors';
import { planPlatform, planService } from '../../lib/plan';
import { loadPlatformFile, parsePlatform, parseService } from '../../lib/spec';
import { catalogOf, errorOf, LLAMA_405B, minimalService, offering, problemAt, problemsOf, tempDir, validPlatform, validService } from './fixtures';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** received, allowed and fix are all present and not blank. */
function expectExplained(p: Problem, parts: Array<'received' | 'allowed' | 'fix'> = ['received', 'allowed', 'fix']): void {
  for (const part of parts) expect(p[part], `${p.code} at ${p.path} has no ${part}`).toMatch(/\S/);
}

const HF_TOKEN = 'hf_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';

/**
 * One specification per code. Keyed by code so that the type checker and the coverage test below both fail
 * when ERROR_CODES grows without a test.
 */
const SPECS: Record<ErrorCode, () => void> = {
  MP_INVALID_TYPE() {
    const p = problemAt(problemsOf(() => parseService(validService({ autoscaling: { minReplicas: 'two' } } as never))), ERROR_CODES.INVALID_TYPE, 'autoscaling.minReplicas');
    expectExplained(p);
    expect(p.received).toContain('"two"');
    expect(p.received).toContain('string');
    const q = problemAt(problemsOf(() => parseService(validService({ model: 'llama' } as never))), ERROR_CODES.INVALID_TYPE, 'model');
    expect(q.allowed).toMatch(/object/);
  },

  MP_REQUIRED() {
    const p = problemAt(problemsOf(() => parseService({ name: 'chat' })), ERROR_CODES.REQUIRED, 'model');
    expect(p.received).toBeUndefined();
    expectExplained(p, ['allowed', 'fix']);
    // A model modelplane does not know needs its size.
    const q = problemAt(problemsOf(() => parseService(minimalService({ model: { source: 's3://my-models/classifier' } }))), ERROR_CODES.REQUIRED, 'model.parametersBillions');
    expectExplained(q, ['allowed', 'fix']);
  },

  MP_UNKNOWN_FIELD() {
    const p = problemAt(problemsOf(() => parseService(validService({ autoscaling: { minReplica: 2 } } as never))), ERROR_CODES.UNKNOWN_FIELD, 'autoscaling.minReplica');
    expect(p.received).toBe('"minReplica"');
    expect(p.fix).toMatch(/minReplica/);
    // What is allowed: the fields the section knows, so the user sees the right spelling.
    expect(p.allowed ?? '(no allowed)', 'MP_UNKNOWN_FIELD should list the known fields in `allowed`').toContain('minReplicas');
  },

  MP_INVALID_VALUE() {
    const p = problemAt(problemsOf(() => parseService(validService({ model: { precision: 'fp32' } } as never))), ERROR_CODES.INVALID_VALUE, 'model.precision');
    expectExplained(p);
    expect(p.received).toBe('"fp32"');
    for (const precision of ['bf16', 'fp16', 'fp8', 'int8', 'int4']) expect(p.allowed).toContain(precision);
    const q = problemAt(problemsOf(() => parseService(validService({ runtime: { engine: 'sglang' } } as never))), ERROR_CODES.INVALID_VALUE, 'runtime.engine');
    expect(q.allowed).toContain('"vllm"');
  },

  MP_INVALID_FORMAT() {
    const p = problemAt(problemsOf(() => parseService(validService({ name: 'My_Service' }))), ERROR_CODES.INVALID_FORMAT, 'name');
    expectExplained(p);
    expect(p.allowed).toMatch(/DNS-1123/);
    const q = problemAt(
      problemsOf(() => parseService(validService({ model: { source: 'https://huggingface.co/meta-llama/Llama-3.1-8B' } }))),
      ERROR_CODES.INVALID_FORMAT,
      'model.source',
    );
    expect(q.allowed).toMatch(/hf:\/\//);
  },

  MP_OUT_OF_RANGE() {
    const p = problemAt(problemsOf(() => parseService(validService({ autoscaling: { maxReplicas: 5000 } }))), ERROR_CODES.OUT_OF_RANGE, 'autoscaling.maxReplicas');
    expectExplained(p);
    expect(p.received).toBe('5000');
    expect(p.allowed).toBe('at most 1000');
    const q = problemAt(problemsOf(() => parseService(validService({ model: { contextTokens: 64 } }))), ERROR_CODES.OUT_OF_RANGE, 'model.contextTokens');
    expect(q.allowed).toBe('at least 128');
  },

  MP_REPLICA_BOUNDS() {
    const p = problemAt(problemsOf(() => parseService(validService({ autoscaling: { minReplicas: 5, maxReplicas: 2 } }))), ERROR_CODES.REPLICA_BOUNDS, 'autoscaling.minReplicas');
    expectExplained(p);
    expect(p.received).toBe('5');
    expect(p.allowed).toContain('2');
  },

  MP_SECRET_LITERAL() {
    const error = errorOf(() => parseService(validService({ runtime: { env: { HF_TOKEN } } })));
    const p = problemAt(error.problems, ERROR_CODES.SECRET_LITERAL, 'runtime.env.HF_TOKEN');
    expectExplained(p);
    expect(p.message).toMatch(/Hugging Face/);
    // The value never travels further: not in the message, not in any field of the problem.
    expect(error.message).not.toContain(HF_TOKEN);
    expect(JSON.stringify(error.problems)).not.toContain(HF_TOKEN);
    expect(JSON.stringify(error.problems)).not.toContain(HF_TOKEN.slice(3, 20));
  },

  MP_UNKNOWN_GPU() {
    // A GPU type modelplane knows, but the catalog in use (a replace-catalog of L4 rows) does not offer.
    const l4Only = catalogOf([offering({ region: 'us-east-1' }), offering({ region: 'us-west-2' })]);
    const p = problemAt(problemsOf(() => parseService(validService({ resources: { gpu: { type: 'H100' } } }), { catalog: l4Only })), ERROR_CODES.UNKNOWN_GPU, 'resources.gpu.type');
    expectExplained(p);
    expect(p.received).toBe('"H100"');
    expect(p.allowed).toBe('L4');
    // The same through a platform's own `catalog: { mode: replace }`.
    const platform = validPlatform([validService({ resources: { gpu: { anyOf: ['L4', 'H100'] } } })], { catalog: { mode: 'replace', offerings: l4Only.offerings } });
    problemAt(problemsOf(() => parsePlatform(platform)), ERROR_CODES.UNKNOWN_GPU, 'services[0].resources.gpu.anyOf[1]');
    // A name that is no GPU modelplane knows at all.
    const q = problemAt(problemsOf(() => parseService(validService({ resources: { gpu: { type: 'RTX4090' } } } as never))), ERROR_CODES.UNKNOWN_GPU, 'resources.gpu.type');
    expect(q.received).toBe('"RTX4090"');
    for (const known of ['T4', 'L4', 'H100', 'B200']) expect(q.allowed).toContain(known);
  },

  MP_PRECISION_UNSUPPORTED() {
    const p = problemAt(
      problemsOf(() => parseService(validService({ model: { precision: 'bf16' }, resources: { gpu: { type: 'T4', count: 1 } } }))),
      ERROR_CODES.PRECISION_UNSUPPORTED,
      'resources.gpu.type',
    );
    expectExplained(p);
    expect(p.message).toMatch(/bf16/);
    expect(p.allowed).not.toMatch(/\bT4\b/);
    expect(p.allowed).toMatch(/\bL4\b/);
    const q = problemAt(
      problemsOf(() => parseService(validService({ model: { precision: 'fp8' }, resources: { gpu: { anyOf: ['H100', 'A100-80GB'] } } }))),
      ERROR_CODES.PRECISION_UNSUPPORTED,
      'resources.gpu.anyOf[1]',
    );
    expect(q.received).toBe('"A100-80GB"');
    expect(q.allowed).not.toContain('A100');
  },

  MP_UNPINNED_IMAGE() {
    const custom = (image: string) => validService({ runtime: { engine: 'custom', image, args: [], env: {} } } as never);
    for (const image of ['ghcr.io/example/server', 'ghcr.io/example/server:latest', 'localhost:5000/team/server']) {
      const p = problemAt(problemsOf(() => parseService(custom(image))), ERROR_CODES.UNPINNED_IMAGE, 'runtime.image');
      expectExplained(p);
      expect(p.received).toBe(JSON.stringify(image));
    }
    for (const image of ['ghcr.io/example/server:1.4.2', 'localhost:5000/team/server:2', `ghcr.io/example/server@sha256:${'0'.repeat(64)}`]) {
      expect(() => parseService(custom(image)), image).not.toThrow();
    }
  },

  MP_DUPLICATE_NAME() {
    const p = problemAt(problemsOf(() => parsePlatform(validPlatform([validService(), validService()]))), ERROR_CODES.DUPLICATE_NAME, 'services[1].name');
    expectExplained(p, ['received', 'fix']);
    expect(p.received).toBe('"chat"');
    expect(p.message).toContain('services[0]');
    const secret = { name: 'hf-token', from: 'prod/hf', env: 'HF_TOKEN_2' };
    problemAt(
      problemsOf(() => parseService(validService({ secrets: [{ name: 'hf-token', from: 'prod/hf', env: 'HF_TOKEN' }, secret] }))),
      ERROR_CODES.DUPLICATE_NAME,
      'secrets[1].name',
    );
  },

  MP_UNKNOWN_REGION() {
    const p = problemAt(problemsOf(() => parseService(validService({ placement: { regions: ['mars-east-1'] } }))), ERROR_CODES.UNKNOWN_REGION, 'placement.regions[0]');
    expectExplained(p);
    expect(p.allowed).toContain('us-east-1');
    expect(p.allowed).toContain('us-central1');
    // A GCP region while only AWS is allowed.
    const q = problemAt(
      problemsOf(() => parseService(validService({ placement: { clouds: ['aws'], regions: ['us-east-1', 'us-central1'] } }))),
      ERROR_CODES.UNKNOWN_REGION,
      'placement.regions[1]',
    );
    expect(q.allowed).not.toContain('us-central1');
  },

  MP_STRATEGY_UNSATISFIABLE() {
    // Caught while validating: failover with one site allowed.
    const p = problemAt(
      problemsOf(() => parseService(validService({ placement: { clouds: ['aws'], regions: ['us-east-1'], strategy: 'failover' } }))),
      ERROR_CODES.STRATEGY_UNSATISFIABLE,
      'placement.strategy',
    );
    expectExplained(p);
    expect(p.allowed).toContain('aws/us-east-1');
    // Caught while planning: four AWS regions exist, but only three of them sell H200.
    const spec = parseService(validService({ resources: { gpu: { type: 'H200' } }, placement: { clouds: ['aws'], strategy: 'spread', spreadCount: 4 } }));
    const q = problemAt(problemsOf(() => planService(spec)), ERROR_CODES.STRATEGY_UNSATISFIABLE, 'placement.strategy');
    expect(q.message).toMatch(/4/);
    expectExplained(q, ['received', 'fix']);
  },

  MP_INVALID_ARCHITECTURE() {
    const p = problemAt(
      problemsOf(() => parseService(validService({ model: { architecture: { layers: 32, attentionHeads: 32, kvHeads: 5, headDim: 128 } } }))),
      ERROR_CODES.INVALID_ARCHITECTURE,
      'model.architecture.kvHeads',
    );
    expectExplained(p);
    expect(p.received).toBe('5');
    expect(p.allowed).toContain('32');
  },

  MP_NO_FEASIBLE_PLACEMENT() {
    const spec = parseService(minimalService({ name: 'llama-405b', model: { source: LLAMA_405B, precision: 'bf16' }, resources: { gpu: { type: 'H100' } } }));
    const p = problemAt(problemsOf(() => planService(spec)), ERROR_CODES.NO_FEASIBLE_PLACEMENT, 'resources.gpu');
    expectExplained(p);
    // Names the requirement…
    expect(p.message).toContain('llama-405b');
    expect(p.message).toContain('405.9B');
    expect(p.message).toContain('bf16');
    expect(p.message).toMatch(/GiB weights/);
    // …and the closest offerings: the largest H100 machines, with why they fall short.
    expect(p.allowed).toMatch(/closest offerings/);
    expect(p.allowed).toMatch(/p5\.48xlarge|a3-highgpu-8g/);
    expect(p.allowed).toMatch(/8×H100/);
    // Inside a platform, at the service's path.
    const platform = parsePlatform(validPlatform([spec]));
    problemAt(problemsOf(() => planPlatform(platform)), ERROR_CODES.NO_FEASIBLE_PLACEMENT, 'services[0].resources.gpu');
  },

  MP_FILE_NOT_FOUND() {
    const missing = `${tmp.dir}/does-not-exist.yaml`;
    const error = errorOf(() => loadPlatformFile(missing));
    const p = problemAt(error.problems, ERROR_CODES.FILE_NOT_FOUND, '');
    expect(p.message).toContain(missing);
    expectExplained(p, ['fix']);
  },

  MP_PARSE_ERROR() {
    const file = tmp.write('broken.yaml', 'services:\n  - name: chat\n    model: { source: "hf://a/b"\n');
    const p = problemAt(problemsOf(() => loadPlatformFile(file)), ERROR_CODES.PARSE_ERROR, '');
    expectExplained(p, ['fix']);
    const dup = tmp.write('dup.yaml', 'name: a\nname: b\nservices: []\n');
    problemAt(problemsOf(() => loadPlatformFile(dup)), ERROR_CODES.PARSE_ERROR, '');
  },

  MP_INVALID_SPEC() {
    const p = problemAt(problemsOf(() => parseService(validService({ placement: { strategy: 'cheapest', spreadCount: 3 } }))), ERROR_CODES.INVALID_SPEC, 'placement.spreadCount');
    expectExplained(p, ['received', 'fix']);
  },
};

describe('one specification per error code', () => {
  it.each(Object.keys(SPECS))('%s', (code) => SPECS[code as ErrorCode]());

  it('every code in ERROR_CODES has a specification above', () => {
    const missing = Object.values(ERROR_CODES).filter((code) => !(code in SPECS));
    expect(missing, `codes without a test: ${missing.join(', ')}`).toEqual([]);
    expect(Object.keys(SPECS).sort()).toEqual(Object.values(ERROR_CODES).sort());
  });

  it('codes are stable strings MP_<NAME>, unique', () => {
    const codes = Object.values(ERROR_CODES);
    expect(new Set(codes).size).toBe(codes.length);
    for (const [name, code] of Object.entries(ERROR_CODES)) expect(code).toBe(`MP_${name}`);
  });
});

describe('all problems at once', () => {
  it('one error lists every problem of a spec, each at its path', () => {
    const error = errorOf(() =>
      parseService(
        validService({
          name: 'Bad_Name',
          model: { precision: 'fp32' },
          autoscaling: { minReplicas: 0, scaleToZero: 'yes' },
          api: { path: 'no-slash' },
          placement: { strategy: 'random' },
        } as never),
      ),
    );
    expect(error.problems.length).toBeGreaterThanOrEqual(6);
    const byPath = new Map(error.problems.map((p) => [p.path, p.code]));
    expect(Object.fromEntries(byPath)).toMatchObject({
      name: ERROR_CODES.INVALID_FORMAT,
      'model.precision': ERROR_CODES.INVALID_VALUE,
      'autoscaling.minReplicas': ERROR_CODES.OUT_OF_RANGE,
      'autoscaling.scaleToZero': ERROR_CODES.INVALID_TYPE,
      'api.path': ERROR_CODES.INVALID_FORMAT,
      'placement.strategy': ERROR_CODES.INVALID_VALUE,
    });
    for (const p of error.problems) expect(error.message).toContain(p.path);
  });

  it('problems of several services of a platform come together', () => {
    const problems = problemsOf(() =>
      parsePlatform(validPlatform([validService({ name: 'a', autoscaling: { minReplicas: 3, maxReplicas: 1 } }), validService({ name: 'b', placement: { regions: ['mars-east-1'] } })])),
    );
    problemAt(problems, ERROR_CODES.REPLICA_BOUNDS, 'services[0].autoscaling.minReplicas');
    // Catalog rules run once the shape is valid; a shape problem elsewhere is enough to report first.
    expect(problems.every((p) => p.path.startsWith('services['))).toBe(true);
  });

  it('is a ModelplaneError: an Error with a name, a code and the problems', () => {
    const error = errorOf(() => parseService({ name: 'chat' }));
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(ModelplaneError);
    expect(error.name).toBe('ModelplaneError');
    expect(error.code).toBe(ERROR_CODES.REQUIRED);
    expect(isModelplaneError(error)).toBe(true);
    expect(isModelplaneError(new TypeError('x'))).toBe(false);
  });
});

describe('the rendered message', () => {
  it('has a title with the count, then per problem: path, message and code; received; allowed; fix', () => {
    const error = errorOf(() => parseService(validService({ autoscaling: { minReplicas: 5, maxReplicas: 2 } })));
    expect(error.message.split('\n')).toEqual([
      'Invalid model service (1 problem):',
      '  ✗ autoscaling.minReplicas: is greater than autoscaling.maxReplicas (2) [MP_REPLICA_BOUNDS]',
      '      received: 5',
      '      allowed:  at most maxReplicas (2)',
      '      fix:      lower minReplicas or raise maxReplicas',
    ]);
  });

  it('names the whole document "(document)", counts problems in the plural, and leaves out missing parts', () => {
    const text = formatProblems('Cannot read x.yaml', [
      { code: ERROR_CODES.FILE_NOT_FOUND, path: '', message: 'x.yaml does not exist', fix: 'check the path' },
      { code: ERROR_CODES.REQUIRED, path: 'services[0].model', message: 'is required' },
    ]);
    expect(text).toBe(
      [
        'Cannot read x.yaml (2 problems):',
        '  ✗ (document): x.yaml does not exist [MP_FILE_NOT_FOUND]',
        '      fix:      check the path',
        '  ✗ services[0].model: is required [MP_REQUIRED]',
      ].join('\n'),
    );
  });

  it('renders received values short and on one line', () => {
    const long = 'x'.repeat(500);
    const error = errorOf(() => parseService(validService({ name: long })));
    for (const line of error.message.split('\n')) expect(line.length).toBeLessThan(400);
    expect(error.message).not.toContain(long);
  });

  it('the bundled catalog is what the default rules use', () => {
    // Sanity: every GPU type named in the errors above is sold somewhere in the bundled catalog.
    const types = new Set(BUNDLED_CATALOG.offerings.map((o) => o.gpuType));
    for (const t of ['T4', 'L4', 'H100', 'H200', 'A100-80GB']) expect(types.has(t as never)).toBe(true);
  });
});
