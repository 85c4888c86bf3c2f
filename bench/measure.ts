/**
 * Measuring helpers for `npm run bench`: wall time and memory of a piece of work, in one process, so that
 * figures are compared as ratios within one run (this machine is noisy).
 */
export interface Measurement {
  readonly name: string;
  /** Median wall time over the runs, ms. */
  readonly ms: number;
  /** Heap used after the work (before GC of its result), MiB. */
  readonly heapMiB: number;
  /** Resident set size after the work, MiB. */
  readonly rssMiB: number;
  readonly runs: number;
}

/** Runs `work` (after one warm-up) `runs` times and returns the median time and memory after the last run. */
export async function measure(name: string, work: () => unknown | Promise<unknown>, runs = 3): Promise<Measurement> {
  await work();
  const times: number[] = [];
  let keep: unknown;
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const start = process.hrtime.bigint();
    keep = await work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const mem = process.memoryUsage();
  void keep;
  times.sort((a, b) => a - b);
  return {
    name,
    ms: round(times[Math.floor(times.length / 2)] ?? 0),
    heapMiB: round(mem.heapUsed / 2 ** 20),
    rssMiB: round(mem.rss / 2 ** 20),
    runs,
  };
}

/** Prints measurements as an aligned table. */
export function printTable(title: string, rows: readonly Measurement[]): void {
  console.log(`\n${title}`);
  const w = Math.max(...rows.map((r) => r.name.length), 4);
  console.log(`${'case'.padEnd(w)}  ${'ms'.padStart(10)}  ${'heap MiB'.padStart(9)}  ${'rss MiB'.padStart(8)}`);
  const num = (n: number, digits: number) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
  for (const r of rows) console.log(`${r.name.padEnd(w)}  ${num(r.ms, 1).padStart(10)}  ${num(r.heapMiB, 0).padStart(9)}  ${num(r.rssMiB, 0).padStart(8)}`);
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
