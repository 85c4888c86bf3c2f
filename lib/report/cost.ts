import type { Cloud } from '../catalog/offering';
import type { CapacityType, Plan } from '../plan/types';
import { HOURS_PER_MONTH } from '../spec/defaults';

/** One row of the cost report: one placement of one service. */
export interface CostLine {
  readonly service: string;
  readonly placementId: string;
  readonly role: string;
  readonly cloud: Cloud;
  readonly region: string;
  readonly instanceType: string;
  readonly gpu: string;
  readonly capacity: CapacityType;
  readonly replicas: { readonly min: number; readonly max: number };
  readonly hourlyUsdPerReplica: number;
  readonly monthlyUsdAtMin: number;
  readonly monthlyUsdAtMax: number;
  /** Monthly saving at max replicas against on-demand; 0 when on-demand. */
  readonly spotSavingsMonthlyUsdAtMax: number;
}

export interface CostGroup {
  readonly key: string;
  readonly monthlyUsdAtMin: number;
  readonly monthlyUsdAtMax: number;
}

/** Costs per service, per cloud, per region, and the total: the same figures as plan.json. */
export interface CostReport {
  readonly lines: readonly CostLine[];
  readonly byService: readonly CostGroup[];
  readonly byCloud: readonly CostGroup[];
  readonly byRegion: readonly CostGroup[];
  readonly total: { readonly monthlyUsdAtMin: number; readonly monthlyUsdAtMax: number; readonly spotSavingsMonthlyUsdAtMax: number };
}

/** Builds the cost report of a plan. Pure; sums are rounded to cents. */
export function costReport(plan: Plan): CostReport {
  const lines: CostLine[] = plan.services.flatMap((s) =>
    s.placements.map((p) => ({
      service: s.name,
      placementId: p.id,
      role: p.role,
      cloud: p.cloud,
      region: p.region,
      instanceType: p.instanceType,
      gpu: `${p.gpu.count}×${p.gpu.type}`,
      capacity: p.capacity,
      replicas: p.replicas,
      hourlyUsdPerReplica: p.hourlyUsd,
      monthlyUsdAtMin: p.monthlyUsdAtMin,
      monthlyUsdAtMax: p.monthlyUsdAtMax,
      spotSavingsMonthlyUsdAtMax: cents(p.capacity === 'spot' ? (p.onDemandHourlyUsd - p.hourlyUsd) * HOURS_PER_MONTH * p.replicas.max : 0),
    })),
  );
  return {
    lines,
    byService: group(lines, (l) => l.service),
    byCloud: group(lines, (l) => l.cloud),
    byRegion: group(lines, (l) => `${l.cloud}/${l.region}`),
    total: {
      monthlyUsdAtMin: cents(sum(lines, (l) => l.monthlyUsdAtMin)),
      monthlyUsdAtMax: cents(sum(lines, (l) => l.monthlyUsdAtMax)),
      spotSavingsMonthlyUsdAtMax: cents(sum(lines, (l) => l.spotSavingsMonthlyUsdAtMax)),
    },
  };
}

function group(lines: readonly CostLine[], keyOf: (l: CostLine) => string): CostGroup[] {
  const map = new Map<string, { min: number; max: number }>();
  for (const l of lines) {
    const g = map.get(keyOf(l)) ?? { min: 0, max: 0 };
    g.min += l.monthlyUsdAtMin;
    g.max += l.monthlyUsdAtMax;
    map.set(keyOf(l), g);
  }
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, g]) => ({ key, monthlyUsdAtMin: cents(g.min), monthlyUsdAtMax: cents(g.max) }));
}

function sum<T>(items: readonly T[], f: (t: T) => number): number {
  return items.reduce((s, x) => s + f(x), 0);
}

function cents(n: number): number {
  return Math.round(n * 100) / 100;
}
