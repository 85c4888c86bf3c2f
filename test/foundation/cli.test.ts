/**
 * The CLI: `main(argv, io)` returns the exit code (0 ok; 1 invalid spec or no placement; 2 usage, file or YAML
 * error) and writes results to stdout, problems to stderr. One test runs the real binary.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../bin/cli';
import { BUNDLED_CATALOG } from '../../lib/catalog/bundled';
import { platformJsonSchema } from '../../lib/spec';
import { captureIo, EXAMPLES_DIR, LLAMA_405B, minimalService, offering, PLACEMENT_JSON_SHAPE, REPO_ROOT, tempDir, validPlatform, validService } from './fixtures';

const EXAMPLE = path.join(EXAMPLES_DIR, 'modelplane.yaml');
const tmp = tempDir();
afterAll(() => tmp.cleanup());

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const c = captureIo();
  const code = await main(argv, c.io);
  return { code, out: c.out(), err: c.err() };
}

describe('modelplane validate', () => {
  it('exits 0 on the example and says so on stdout', async () => {
    const r = await run('validate', EXAMPLE);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/✓ .*modelplane\.yaml: platform demo, 3 services valid/);
    expect(r.err).toBe('');
  });

  it('exits 1 with every problem on stderr for an invalid spec', async () => {
    const file = tmp.write('invalid.yaml', validPlatform([validService({ autoscaling: { minReplicas: 5, maxReplicas: 2 }, model: { precision: 'fp32' } } as never)]));
    const r = await run('validate', file);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('services[0].model.precision');
    expect(r.err).toContain('MP_INVALID_VALUE');
    expect(r.err).toMatch(/received: "fp32"/);
    expect(r.err).toMatch(/allowed: /);
    expect(r.err).toMatch(/fix: /);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('exits 1 for a spec the catalog rules reject (unknown region)', async () => {
    const r = await run('validate', tmp.write('region.yaml', validPlatform([validService({ placement: { regions: ['mars-east-1'] } })])));
    expect(r.code).toBe(1);
    expect(r.err).toContain('MP_UNKNOWN_REGION');
  });

  it('exits 2 for a missing file', async () => {
    const r = await run('validate', path.join(tmp.dir, 'nope.yaml'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('MP_FILE_NOT_FOUND');
    expect(r.err).toContain('nope.yaml');
  });

  it('exits 2 for unparsable YAML', async () => {
    const r = await run('validate', tmp.write('bad.yaml', 'services:\n  - name: [unclosed\n'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('MP_PARSE_ERROR');
  });

  it('validates against --catalog FILE (replace)', async () => {
    const catalog = tmp.write('catalog.yaml', { mode: 'replace', offerings: [offering({ region: 'us-east-1' })] });
    const spec = tmp.write('h100.yaml', validPlatform([validService({ resources: { gpu: { type: 'H100' } } })]));
    const r = await run('validate', spec, '--catalog', catalog);
    expect(r.code).toBe(1);
    expect(r.err).toContain('MP_UNKNOWN_GPU');
  });
});

describe('modelplane plan', () => {
  it('prints a table with a row per placement, the totals and the reasons', async () => {
    const r = await run('plan', EXAMPLE);
    expect(r.code).toBe(0);
    const [header] = r.out.split('\n');
    for (const column of ['service', 'cloud/region', 'instance', 'gpu', 'replicas', '$/h/replica', '$/mo min', '$/mo max']) expect(header).toContain(column);
    for (const name of ['llama-8b-chat', 'llama-70b', 'toxicity-classifier']) expect(r.out).toContain(name);
    expect(r.out).toMatch(/total: \$\d+\/month at min replicas/);
    expect(r.out).toMatch(/why:/);
  });

  it('--json prints the plan in the issue’s shape', async () => {
    const r = await run('plan', EXAMPLE, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.services.map((s: { name: string }) => s.name)).toEqual(['llama-8b-chat', 'llama-70b', 'toxicity-classifier']);
    for (const s of json.services) {
      expect(s.requirement.gpuMemoryGiB).toEqual(expect.any(Number));
      for (const p of s.placements) {
        expect(p).toMatchObject({ cloud: expect.any(String), ...PLACEMENT_JSON_SHAPE });
      }
    }
  });

  it('exits 1 with the requirement when a service cannot be placed', async () => {
    const file = tmp.write('405b.yaml', validPlatform([minimalService({ name: 'huge', model: { source: LLAMA_405B }, resources: { gpu: { type: 'H100' } } })]));
    const r = await run('plan', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain('MP_NO_FEASIBLE_PLACEMENT');
    expect(r.err).toContain('services[0].resources.gpu');
  });

  it('exits 2 for a missing file', async () => {
    expect((await run('plan', path.join(tmp.dir, 'nope.yaml'))).code).toBe(2);
  });
});

describe('modelplane catalog', () => {
  it('prints the bundled catalog as a table', async () => {
    const r = await run('catalog');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`GPU catalog ${BUNDLED_CATALOG.version}`);
    expect(r.out).toContain('p5.48xlarge');
    expect(r.out).toContain('g2-standard-4');
    expect(r.out.split('\n').length).toBe(BUNDLED_CATALOG.offerings.length + 2);
  });

  it('--json prints it as data', async () => {
    const r = await run('catalog', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.version).toBe(BUNDLED_CATALOG.version);
    expect(json.offerings).toHaveLength(BUNDLED_CATALOG.offerings.length);
    expect(json.offerings[0]).toEqual(expect.objectContaining({ cloud: expect.any(String), instanceType: expect.any(String), gpuType: expect.any(String), onDemandUsdPerHour: expect.any(Number) }));
  });

  it('--catalog FILE applies your rows', async () => {
    const catalog = tmp.write('mine.yaml', { mode: 'replace', offerings: [offering({ region: 'eu-central-1' })] });
    const json = JSON.parse((await run('catalog', '--json', '--catalog', catalog)).out);
    expect(json.offerings).toHaveLength(1);
    expect(json.offerings[0].region).toBe('eu-central-1');
  });
});

describe('modelplane schema', () => {
  it('prints the JSON Schema', async () => {
    const r = await run('schema');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(platformJsonSchema());
  });
});

describe('usage errors exit 2', () => {
  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['validate', EXAMPLE, '--jsno'], /Unknown option '--jsno'/],
    [['plan', EXAMPLE, '--verbose'], /Unknown option/],
    [['validate'], /expected FILE/],
    [['validate', EXAMPLE, 'extra.yaml'], /expected FILE/],
    [['catalog', 'extra'], /expected no arguments/],
    [[], /usage: modelplane <command>/],
  ])('%j', async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(`${r.out}\n${r.err}`).toMatch(message);
  });

  it('--help prints the usage and exits 0', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    for (const command of ['validate', 'plan', 'catalog', 'schema']) expect(r.out).toContain(command);
  });
});

describe('the real binary', () => {
  it('node bin/modelplane.js validate examples/modelplane.yaml exits 0', () => {
    const r = spawnSync(process.execPath, ['bin/modelplane.js', 'validate', 'examples/modelplane.yaml'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/✓ examples\/modelplane\.yaml/);
  });

  it('exits 1 for an invalid file, with problems on stderr and no stack trace', () => {
    const file = tmp.write('invalid-bin.yaml', validPlatform([validService({ autoscalling: {} } as never)]));
    const r = spawnSync(process.execPath, ['bin/modelplane.js', 'validate', file], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('MP_UNKNOWN_FIELD');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
