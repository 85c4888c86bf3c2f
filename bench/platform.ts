import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { platformInput } from './fixtures';
import { Measurement } from './measure';

/**
 * Full `modelplane synth` (all targets) for platforms of 10 and 100 services, each in its own process (the
 * real command, as users run it): wall time, peak RSS, the 100/10 ratio (linear growth is the bar: ≤ 10),
 * and each target's share of the time as the command reports it.
 */
export async function benchPlatform(): Promise<Measurement[]> {
  const rows: Measurement[] = [];
  const timings: Record<number, number> = {};
  for (const n of [10, 100]) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mp-bench-${n}-`));
    const file = path.join(dir, 'modelplane.yaml');
    fs.writeFileSync(file, stringify(platformInput(n)));
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [path.join(__dirname, 'child-synth.js'), 'synth', file, '--out', path.join(dir, 'out')], { encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    fs.rmSync(dir, { recursive: true, force: true });
    if (run.status !== 0) throw new Error(`synth of ${n} services exited ${run.status}: ${run.stderr}`);
    const peakKiB = Number(/MAXRSS_KB=(\d+)/.exec(run.stderr)?.[1] ?? 0);
    timings[n] = ms;
    rows.push({ name: `synth ${n} services (all targets)`, ms: Math.round(ms), heapMiB: Number.NaN, rssMiB: Math.round(peakKiB / 1024), runs: 1 });
    console.log(`  ${n} services: ${run.stdout.trim()}`);
  }
  console.log(`  ratio 100/10 services: ${((timings[100] ?? 0) / (timings[10] ?? 1)).toFixed(2)} (linear = 10); rss column = peak RSS of the command`);
  return rows;
}

if (require.main === module) {
  benchPlatform().then((rows) => {
    for (const r of rows) console.log(`${r.name}: ${r.ms} ms, peak rss ${r.rssMiB} MiB`);
  });
}
