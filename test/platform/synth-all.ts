import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { synthAws } from '../../constructs/aws/synth';
import { synthGcp } from '../../constructs/gcp/synth';
import { synthK8s } from '../../constructs/k8s/synth';
import type { Plan } from '../../lib/plan';

/** Every output file of every target for a plan, by path relative to the output folder. */
export async function synthAll(plan: Plan, targets: ReadonlyArray<'k8s' | 'aws' | 'gcp'> = ['k8s', 'aws', 'gcp']): Promise<Map<string, string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-all-'));
  try {
    const files: string[] = [];
    if (targets.includes('k8s')) files.push(...synthK8s(plan, path.join(dir, 'k8s')).files);
    if (targets.includes('gcp')) files.push(...(await synthGcp(plan, path.join(dir, 'gcp'))).files);
    if (targets.includes('aws') && plan.services.some((s) => s.placements.some((p) => p.cloud === 'aws'))) files.push(...synthAws(plan, path.join(dir, 'aws')).files);
    const out = new Map<string, string>();
    for (const f of files) out.set(path.relative(dir, path.resolve(dir, f)), fs.readFileSync(path.resolve(dir, f), 'utf8'));
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
