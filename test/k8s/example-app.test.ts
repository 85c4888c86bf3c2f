import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { schemaError } from './schema';

/** examples/k8s/main.ts: the chart composed into an existing cdk8s app, as a user would run it. */
describe('examples/k8s/main.ts', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-k8s-example-'));
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it('synthesizes every service next to the app’s own chart, schema-valid, waking scale-to-zero services', async () => {
    const root = path.resolve(__dirname, '../..');
    execFileSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'examples/k8s/main.ts')], { env: { ...process.env, MODELPLANE_K8S_OUT: out }, stdio: 'pipe' });
    expect(fs.readdirSync(out).sort()).toEqual(['llama-70b.k8s.yaml', 'llama-8b-chat.k8s.yaml', 'platform-base.k8s.yaml', 'toxicity-classifier.k8s.yaml']);
    for (const file of fs.readdirSync(out)) {
      for (const doc of parseAllDocuments(fs.readFileSync(path.join(out, file), 'utf8'))) {
        const obj = doc.toJS() as Record<string, unknown> | null;
        if (obj) expect(await schemaError(obj), `${file} ${String(obj.kind)}`).toBeUndefined();
      }
    }
    const classifier = parseAllDocuments(fs.readFileSync(path.join(out, 'toxicity-classifier.k8s.yaml'), 'utf8')).map((d) => d.toJS() as Record<string, any>);
    const scaled = classifier.find((o) => o.kind === 'ScaledObject');
    expect(scaled?.spec.idleReplicaCount).toBe(0);
    expect(scaled?.spec.triggers.map((t: { type: string }) => t.type)).toContain('prometheus');
  });
});
