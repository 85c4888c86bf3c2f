import type { DiffReport } from './diff';

/** Human-readable diff report, grouped by service and target. */
export function formatDiff(report: DiffReport): string {
  if (report.changes.length === 0) return 'no changes';
  const lines: string[] = [];
  const services = [...new Set(report.changes.map((c) => c.service))];
  const allowed = new Set(report.allowed.map((c) => `${c.service}|${c.field}|${c.kind}`));
  for (const s of services) {
    lines.push(`${s}:`);
    for (const c of report.changes.filter((x) => x.service === s)) {
      const mark = c.kind === 'update' ? '~' : allowed.has(`${c.service}|${c.field}|${c.kind}`) ? '! (allowed)' : '✗ BREAKING';
      const values = c.before || c.after ? ` (${c.before} → ${c.after})` : '';
      lines.push(`  ${mark} [${c.target}] ${c.field}${values}: ${c.message} [${c.kind}]`);
    }
  }
  const b = report.breaking.length;
  lines.push('');
  lines.push(
    report.blocked
      ? `${b} breaking change${b === 1 ? '' : 's'}, ${b - report.allowed.length} not allowed: add allowBreakingChanges: { reason: "…" } to the service to accept them.`
      : b > 0
        ? `${b} breaking change${b === 1 ? '' : 's'}, all allowed by allowBreakingChanges.`
        : 'no breaking changes.',
  );
  return lines.join('\n');
}
