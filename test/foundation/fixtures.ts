/**
 * Shared fixtures of the foundation suite: spec builders, error helpers, temp files, catalogs and a capturing
 * CLI io. Tests look problems up by code and path, placements by cloud and region — never by array position.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { expect } from 'vitest';
import { stringify } from 'yaml';
import { BUNDLED_CATALOG } from '../../lib/catalog/bundled';
import { userOffering } from '../catalog/fixtures';
import type { Catalog, Offering } from '../../lib/catalog/offering';
import { ErrorCode, isModelplaneError, ModelplaneError, Problem } from '../../lib/errors';
import type { PlatformSpecInput, ServiceSpecInput } from '../../lib/spec';

/** A pinned Llama 3.1 8B Instruct (a model modelplane knows: no parameter count needed). */
export const LLAMA_8B = 'hf://meta-llama/Llama-3.1-8B-Instruct@0e9e39f249a16976918f6564b8830bc894c89659';
export const LLAMA_70B = 'hf://meta-llama/Llama-3.1-70B-Instruct';
export const LLAMA_405B = 'hf://meta-llama/Llama-3.1-405B-Instruct';

/** The repository root and its example files. */
export const REPO_ROOT = path.resolve(__dirname, '../..');
export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');

/** The smallest service the schema accepts: a name and a known model. Everything else defaulted. */
export function minimalService(overrides: DeepPartial<ServiceSpecInput> = {}): ServiceSpecInput {
  return merge({ name: 'chat', model: { source: LLAMA_8B } }, overrides) as ServiceSpecInput;
}

/**
 * A realistic, valid service touching every section (an 8B chat API on vLLM). Overrides are deep-merged;
 * lists and primitives replace; `undefined` removes a field.
 */
export function validService(overrides: DeepPartial<ServiceSpecInput> = {}): ServiceSpecInput {
  return merge(
    {
      name: 'chat',
      model: { source: LLAMA_8B, precision: 'bf16', contextTokens: 8192 },
      runtime: { engine: 'vllm', args: ['--enable-prefix-caching'], env: { LOG_LEVEL: 'info' } },
      resources: { gpu: 'auto' },
      autoscaling: { minReplicas: 1, maxReplicas: 4, target: { metric: 'concurrency', value: 2 } },
      api: { path: '/chat', auth: { type: 'apiKey' }, rateLimitPerSecond: 20, maxRequestSeconds: 600, streaming: true },
      secrets: [{ name: 'hf-token', from: 'modelplane/hf-token', env: 'HF_TOKEN' }],
      monitoring: { slo: { p95LatencyMs: 8000 }, alerts: [{ type: 'email', address: 'oncall@example.com' }] },
      placement: { clouds: ['aws', 'gcp'], strategy: 'cheapest', spot: 'never' },
    },
    overrides,
  ) as ServiceSpecInput;
}

/** A platform of the given services (default: one valid service). */
export function validPlatform(services: readonly ServiceSpecInput[] = [validService()], extra: Partial<PlatformSpecInput> = {}): PlatformSpecInput {
  return { name: 'test-platform', services: [...services], ...extra } as PlatformSpecInput;
}

export type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> | undefined } : T;

/** Deep merge of plain objects; arrays and primitives in `over` replace; `undefined` deletes. Never mutates. */
export function merge<T>(base: T, over: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(over)) return (over === undefined ? base : over) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) delete out[k];
    else out[k] = isPlainObject(v) && isPlainObject(out[k]) ? merge(out[k], v) : v;
  }
  return out as T;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Runs `fn`, expects a ModelplaneError, returns its problems. */
export function problemsOf(fn: () => unknown): readonly Problem[] {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  if (thrown === undefined) throw new Error('expected a ModelplaneError, nothing was thrown');
  if (!isModelplaneError(thrown)) throw new Error(`expected a ModelplaneError, got ${String(thrown)}`);
  return (thrown as ModelplaneError).problems;
}

/** Runs `fn`, expects a ModelplaneError, returns it. */
export function errorOf(fn: () => unknown): ModelplaneError {
  try {
    fn();
  } catch (e) {
    if (isModelplaneError(e)) return e;
    throw new Error(`expected a ModelplaneError, got ${String(e)}`);
  }
  throw new Error('expected a ModelplaneError, nothing was thrown');
}

/** The one problem with this code at this path; fails the test (listing what was found) otherwise. */
export function problemAt(problems: readonly Problem[], code: ErrorCode, pathOf: string): Problem {
  const found = problems.filter((p) => p.code === code && p.path === pathOf);
  expect(found, `expected one ${code} at ${pathOf}; got ${JSON.stringify(problems, null, 2)}`).toHaveLength(1);
  return found[0]!;
}

/** A temporary directory for this test file; `cleanup()` in afterAll. */
export function tempDir(): { dir: string; write(name: string, content: string | object): string; cleanup(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'modelplane-foundation-'));
  return {
    dir,
    write(name, content) {
      const file = path.join(dir, name);
      writeFileSync(file, typeof content === 'string' ? content : stringify(content));
      return file;
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A valid catalog row (the catalog tests' row, in us-east-1); override any field. */
export function offering(overrides: Partial<Offering> = {}): Offering {
  return userOffering({ region: 'us-east-1', onDemandUsdPerHour: 0.8, spotUsdPerHour: 0.35, source: 'test fixture', ...overrides });
}

/** The shape of one placement in `modelplane plan --json` (issue 2's contract). */
export const PLACEMENT_JSON_SHAPE = {
  region: expect.any(String),
  instanceType: expect.any(String),
  gpu: { type: expect.any(String), count: expect.any(Number), memoryGiB: expect.any(Number) },
  replicas: { min: expect.any(Number), max: expect.any(Number) },
  hourlyUsd: expect.any(Number),
  monthlyUsdAtMin: expect.any(Number),
  monthlyUsdAtMax: expect.any(Number),
  reason: expect.any(String),
};

/** A catalog made of exactly these rows (order kept as given). */
export function catalogOf(offerings: readonly Offering[], version = 'test-1'): Catalog {
  return { version, asOf: '2026-01-01', sources: ['test fixture'], offerings: [...offerings] };
}

/** The bundled catalog with its rows in another order (a seeded shuffle). */
export function shuffledBundled(seed: number): Catalog {
  const rows = [...BUNDLED_CATALOG.offerings];
  let s = seed >>> 0 || 1;
  for (let i = rows.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  return { ...BUNDLED_CATALOG, offerings: rows };
}

/** An io for `main(argv, io)` that records what the CLI prints. */
export function captureIo(): { io: { out(t: string): void; err(t: string): void; progress(t: string): void }; out(): string; err(): string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { out: (t) => out.push(t), err: (t) => err.push(t), progress: () => undefined },
    out: () => out.join('\n'),
    err: () => err.join('\n'),
  };
}
