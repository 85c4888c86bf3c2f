/**
 * Benchmark of the Kubernetes target: synthesizing 1, 10 and 100 services (variants of the example
 * services with distinct names) to YAML, in memory (render + YAML) and to disk (synthK8s).
 * Run: `npx tsx bench/k8s.ts`, or through `npm run bench`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadPlatformFile } from '../lib/spec';
import { planPlatform, Plan, ServicePlan } from '../lib/plan';
import { k8sRenderings } from '../constructs/k8s/synth';
import { toYaml } from '../constructs/k8s/render';
import { synthK8s } from '../constructs/k8s/synth';
import { measure, Measurement, printTable } from './measure';

const EXAMPLE = path.resolve(__dirname, '../examples/modelplane.yaml');

/** A plan of `n` services: the example services cycled, renamed `<name>-<i>`. */
export function planOfSize(base: Plan, n: number): Plan {
  const services: ServicePlan[] = [];
  for (let i = 0; i < n; i++) {
    const s = base.services[i % base.services.length] as ServicePlan;
    const name = `${s.name}-${i}`;
    services.push({ ...s, name, spec: { ...s.spec, name } });
  }
  return { ...base, services };
}

export async function benchK8s(): Promise<Measurement[]> {
  const base = planPlatform(loadPlatformFile(EXAMPLE));
  const out: Measurement[] = [];
  for (const n of [1, 10, 100]) {
    const plan = planOfSize(base, n);
    out.push(await measure(`k8s render+yaml ${n} services`, () => k8sRenderings(plan).map((r) => toYaml(r.manifests)).join('').length));
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-bench-k8s-'));
  try {
    const plan = planOfSize(base, 100);
    out.push(await measure('k8s synthK8s to disk 100 services', () => synthK8s(plan, dir).files.length));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

if (require.main === module) {
  benchK8s().then((rows) => printTable('Kubernetes target (cdk8s)', rows)).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
