import { describe, expect, it } from 'vitest';
import { costReport } from '../../lib/report';
import { planToJson } from '../../lib/plan';
import { HOURS_PER_MONTH } from '../../lib/spec';
import { examplePlan } from '../fixtures/examples';

describe('cost report', () => {
  const plan = examplePlan();
  const cost = costReport(plan);

  it('has one line per placement with $/h per replica and $/month at min and max', () => {
    expect(cost.lines).toHaveLength(plan.services.reduce((n, s) => n + s.placements.length, 0));
    for (const line of cost.lines) {
      expect(line.monthlyUsdAtMin).toBeCloseTo(line.hourlyUsdPerReplica * HOURS_PER_MONTH * line.replicas.min, 1);
      expect(line.monthlyUsdAtMax).toBeCloseTo(line.hourlyUsdPerReplica * HOURS_PER_MONTH * line.replicas.max, 1);
    }
  });

  it('sums per service, per cloud and per region to the same total as the plan', () => {
    for (const groups of [cost.byService, cost.byCloud, cost.byRegion]) {
      expect(groups.reduce((s, g) => s + g.monthlyUsdAtMin, 0)).toBeCloseTo(cost.total.monthlyUsdAtMin, 1);
      expect(groups.reduce((s, g) => s + g.monthlyUsdAtMax, 0)).toBeCloseTo(cost.total.monthlyUsdAtMax, 1);
    }
    expect(cost.total.monthlyUsdAtMin).toBeCloseTo(plan.totals.monthlyUsdAtMin, 1);
    expect(cost.total.monthlyUsdAtMax).toBeCloseTo(plan.totals.monthlyUsdAtMax, 1);
  });

  it('reports spot savings only for spot placements', () => {
    for (const line of cost.lines) {
      if (line.capacity === 'on-demand') expect(line.spotSavingsMonthlyUsdAtMax).toBe(0);
    }
  });

  it('is part of plan.json', () => {
    const json = planToJson(plan) as { cost: unknown };
    expect(json.cost).toEqual(cost);
  });
});
