import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { main } from '../bin/cli';
import { platformInput } from './fixtures';
import { Measurement } from './measure';

/**
 * Full `modelplane synth` (all targets) for platforms of 10 and 100 services: wall time, peak RSS, the
 * 100/10 ratio (linear growth is the bar: ≤ 10), and each target's share of the time.
 */
export async function benchPlatform(): Promise<Measurement[]> {
  const rows: Measurement[] = [];
  const timings: Record<number, number> = {};
  for (const n of [10, 100]) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mp-bench-${n}-`));
    const file = path.join(dir, 'modelplane.yaml');
    fs.writeFileSync(file, stringify(platformInput(n)));
    const shares: string[] = [];
    const io = { out: (t: string) => shares.push(t), err: (t: string) => console.error(t), progress: () => undefined };
    const rssBefore = process.memoryUsage().rss;
    const start = process.hrtime.bigint();
    const code = await main(['synth', file, '--out', path.join(dir, 'out')], io);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (code !== 0) throw new Error(`synth of ${n} services exited ${code}`);
    timings[n] = ms;
    const mem = process.memoryUsage();
    rows.push({ name: `synth ${n} services (all targets)`, ms: Math.round(ms), heapMiB: Math.round(mem.heapUsed / 2 ** 20), rssMiB: Math.round(Math.max(mem.rss, rssBefore) / 2 ** 20), runs: 1 });
    console.log(`  ${n} services: ${shares.join(' ')}`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const t10 = timings[10] ?? 1;
  const t100 = timings[100] ?? 0;
  console.log(`  ratio 100/10 services: ${(t100 / t10).toFixed(2)} (linear = 10)`);
  return rows;
}

if (require.main === module) {
  benchPlatform().then((rows) => {
    for (const r of rows) console.log(`${r.name}: ${r.ms} ms, heap ${r.heapMiB} MiB, rss ${r.rssMiB} MiB`);
  });
}
