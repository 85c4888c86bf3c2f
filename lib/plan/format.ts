import { costReport } from '../report/cost';
import type { Plan } from './types';

/** A readable table of a plan, for `modelplane plan`. */
export function formatPlanTable(plan: Plan): string {
  const header = ['service', 'role', 'cloud/region', 'instance', 'gpu', 'capacity', 'replicas', '$/h/replica', '$/mo min', '$/mo max'];
  const rows: string[][] = [];
  for (const s of plan.services) {
    for (const p of s.placements) {
      rows.push([
        s.name,
        p.role,
        `${p.cloud}/${p.region}`,
        p.instanceType,
        `${p.gpu.count}×${p.gpu.type}`,
        p.capacity,
        `${p.replicas.min}-${p.replicas.max}`,
        p.hourlyUsd.toFixed(3),
        p.monthlyUsdAtMin.toFixed(0),
        p.monthlyUsdAtMax.toFixed(0),
      ]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 7 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  out.push('', `total: $${plan.totals.monthlyUsdAtMin.toFixed(0)}/month at min replicas, $${plan.totals.monthlyUsdAtMax.toFixed(0)}/month at max (catalog ${plan.catalogVersion})`);
  out.push('', 'why:');
  for (const s of plan.services) {
    const r = s.requirement;
    out.push(`  ${s.name}: needs ${r.weightsGiB} GiB weights + ${r.kvCacheGiB} GiB KV cache (${r.precision}, ${r.contextTokens} tokens × ${r.concurrency}; architecture from ${r.architectureSource})`);
    for (const p of s.placements) out.push(`    ${p.id}: ${p.reason}`);
  }
  return out.join('\n');
}

/** The plan as the JSON `modelplane plan --json` prints: stable keys, no internal objects. */
export function planToJson(plan: Plan): Record<string, unknown> {
  return {
    catalogVersion: plan.catalogVersion,
    services: plan.services.map((s) => ({
      name: s.name,
      requirement: {
        gpuMemoryGiB: s.requirement.gpuMemoryGiB,
        weightsGiB: s.requirement.weightsGiB,
        kvCacheGiB: s.requirement.kvCacheGiB,
        overheadGiBPerGpu: s.requirement.overheadGiBPerGpu,
        precision: s.requirement.precision,
        contextTokens: s.requirement.contextTokens,
        concurrency: s.requirement.concurrency,
        architectureSource: s.requirement.architectureSource,
        cacheDiskGiB: s.requirement.cacheDiskGiB,
      },
      placements: s.placements.map((p) => ({
        id: p.id,
        role: p.role,
        cloud: p.cloud,
        region: p.region,
        zones: p.zones,
        instanceType: p.instanceType,
        capacity: p.capacity,
        gpu: { type: p.gpu.type, count: p.gpu.count, memoryGiB: p.gpu.memoryGiB },
        replicas: p.replicas,
        hourlyUsd: p.hourlyUsd,
        onDemandHourlyUsd: p.onDemandHourlyUsd,
        monthlyUsdAtMin: p.monthlyUsdAtMin,
        monthlyUsdAtMax: p.monthlyUsdAtMax,
        spotSavingsPercent: p.spotSavingsPercent,
        reason: p.reason,
      })),
      monthlyUsdAtMin: s.monthlyUsdAtMin,
      monthlyUsdAtMax: s.monthlyUsdAtMax,
    })),
    totals: plan.totals,
    cost: costReport(plan),
  };
}
