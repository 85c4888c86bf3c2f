import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../bin/cli';

/**
 * Hostile input through the YAML/CLI path: whatever the file holds, `validate` and `synth` answer with a
 * clear validation error (exit 1, or 2 for unreadable YAML), never crash, and `synth` writes nothing.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-fuzz-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), progress: () => undefined }, out, err };
}

const validService = {
  name: 'svc',
  model: { source: 'hf://meta-llama/Llama-3.1-8B-Instruct', contextTokens: 4096 },
  autoscaling: { target: { metric: 'concurrency', value: 1 } },
};

/** Values that go wrong in every way a YAML file can. */
const hostile = fc.oneof(
  fc.anything({ maxDepth: 4 }),
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER, 0.1, -1, 0, ''),
  fc.string({ maxLength: 300 }),
  fc.constantFrom('../../etc/passwd', '$(rm -rf /)', '"; DROP TABLE x; --', '<script>alert(1)</script>', '{{ .Values }}', '${jndi:ldap://x}', 'a'.repeat(5000), '\u0000', 'ｎａｍｅ'),
  fc.constantFrom({ __proto__: { polluted: true } }, { constructor: { prototype: { x: 1 } } }),
);

/** A path into the valid service where the hostile value goes. */
const field = fc.constantFrom(
  ['name'],
  ['model'],
  ['model', 'source'],
  ['model', 'contextTokens'],
  ['runtime'],
  ['runtime', 'image'],
  ['runtime', 'args'],
  ['resources', 'gpu'],
  ['autoscaling', 'maxReplicas'],
  ['api', 'path'],
  ['api', 'auth'],
  ['secrets'],
  ['monitoring', 'alerts'],
  ['placement', 'regions'],
  ['unknownKey'],
);

function setPath(obj: Record<string, unknown>, keys: readonly string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(obj);
  let cur: Record<string, unknown> = copy;
  keys.slice(0, -1).forEach((k) => {
    cur[k] = typeof cur[k] === 'object' && cur[k] !== null ? cur[k] : {};
    cur = cur[k] as Record<string, unknown>;
  });
  cur[keys[keys.length - 1] as string] = value;
  return copy;
}

let counter = 0;
function writeFile(content: string): string {
  const file = path.join(dir, `spec-${counter++}.yaml`);
  fs.writeFileSync(file, content);
  return file;
}

describe('fuzzing the YAML/CLI path', () => {
  it('answers every mutated spec with exit 0 or a validation error, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(field, hostile, async (keys, value) => {
        let text: string;
        try {
          text = stringify({ services: [setPath(validService, keys, value)] });
        } catch {
          return; // not representable as YAML
        }
        const file = writeFile(text);
        const { io, err } = capture();
        const code = await main(['validate', file], io);
        expect([0, 1, 2]).toContain(code);
        if (code !== 0) {
          const message = err.join('\n');
          expect(message).toMatch(/MP_[A-Z_]+/);
          expect(message).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/); // no stack trace
          expect(message).not.toContain('[object Object]');
        }
      }),
      { numRuns: 250, seed: 20261123 },
    );
  });

  it('answers malformed YAML with exit 2 and a parse error', async () => {
    const samples = ['services: [', 'a: b: c', 'a: "unterminated', 'services:\n  - name: x\n name: y', '\t\tservices: 1', '[1, 2', 'k: v\nk: w'];
    for (const text of samples) {
      const { io, err } = capture();
      const code = await main(['validate', writeFile(text)], io);
      expect(code, text).toBe(2);
      expect(err.join('\n')).toContain('MP_PARSE_ERROR');
    }
  });

  it('refuses deep nesting and huge documents with a clear error', async () => {
    const deep = `${'a:\n'.split('').join('')}` + Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
    const { io, err } = capture();
    const code = await main(['validate', writeFile(deep)], io);
    expect([1, 2]).toContain(code);
    expect(err.join('\n')).toMatch(/MP_[A-Z_]+/);

    const huge = writeFile(`services:\n${'  - name: x\n'.repeat(500_000)}`);
    const big = capture();
    expect(await main(['validate', huge], big.io)).toBe(2);
    expect(big.err.join('\n')).toContain('MP_PARSE_ERROR');
  });

  it('synth writes nothing at all for an invalid platform', async () => {
    const out = path.join(dir, 'out-invalid');
    const file = writeFile(stringify({ services: [{ ...validService, name: 'Bad_Name' }] }));
    const { io, err } = capture();
    const code = await main(['synth', file, '--out', out, '--target', 'k8s'], io);
    expect(code).toBe(1);
    expect(err.join('\n')).toContain('MP_INVALID_FORMAT');
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('out-invalid'))).toEqual([]);
  });

  it('refuses injection in names and paths at validation', async () => {
    for (const name of ['x; rm -rf /', '../etc', 'a/b', 'UPPER', 'x'.repeat(41), '-lead', 'trail-']) {
      const { io } = capture();
      expect(await main(['validate', writeFile(stringify({ services: [{ ...validService, name }] }))], io), name).toBe(1);
    }
    for (const apiPath of ['/../admin', '/a b', 'no-slash', '/x?y=1', '/%2e%2e']) {
      const { io } = capture();
      expect(await main(['validate', writeFile(stringify({ services: [{ ...validService, api: { path: apiPath } }] }))], io), apiPath).toBe(1);
    }
  });
});
