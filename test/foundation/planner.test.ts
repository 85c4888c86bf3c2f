/**
 * The planner: strategies, spot, filters, costs, reasons, determinism, the JSON shape of `plan --json`, and
 * custom catalogs. Most cases use a small hand-made catalog whose right answer can be read off the table.
 */
import { describe, expect, it } from 'vitest';
import { BUNDLED_CATALOG } from '../../lib/catalog/bundled';
import type { Catalog } from '../../lib/catalog/offering';
import { findCandidates, planPlatform, planService, planToJson, Placement, ServicePlan } from '../../lib/plan';
import { modelRequirement } from '../../lib/sizing';
import { HOURS_PER_MONTH, parsePlatform, parseService } from '../../lib/spec';
import { catalogOf, LLAMA_70B, merge, minimalService, offering, PLACEMENT_JSON_SHAPE, shuffledBundled, validPlatform, validService } from './fixtures';
import type { DeepPartial } from './fixtures';
import type { ServiceSpecInput } from '../../lib/spec';

/**
 * cloud  region          instance        GPU   on-demand  spot
 * aws    us-east-1       g4dn.xlarge     T4    0.20       0.10   ← cheapest, but T4 cannot run bf16
 * aws    us-east-1       g6.xlarge       L4    0.80       0.35
 * aws    us-west-2       g6.xlarge       L4    0.85       0.30   ← cheapest spot
 * aws    us-west-2       g6.16xlarge     L4    1.90       —      ← 64 vCPU
 * gcp    us-central1     g2-standard-4   L4    0.70       0.40   ← cheapest on-demand
 * gcp    europe-west4    g2-standard-4   L4    0.75       —
 */
const TABLE: Catalog = catalogOf([
  offering({ cloud: 'aws', region: 'us-east-1', instanceType: 'g4dn.xlarge', gpuType: 'T4', gpuMemoryGiB: 15, onDemandUsdPerHour: 0.2, spotUsdPerHour: 0.1 }),
  offering({ cloud: 'aws', region: 'us-east-1', instanceType: 'g6.xlarge', onDemandUsdPerHour: 0.8, spotUsdPerHour: 0.35 }),
  offering({ cloud: 'aws', region: 'us-west-2', instanceType: 'g6.xlarge', onDemandUsdPerHour: 0.85, spotUsdPerHour: 0.3 }),
  offering({ cloud: 'aws', region: 'us-west-2', instanceType: 'g6.16xlarge', vcpus: 64, memoryGiB: 256, onDemandUsdPerHour: 1.9, spotUsdPerHour: null }),
  offering({ cloud: 'gcp', region: 'us-central1', instanceType: 'g2-standard-4', zones: ['us-central1-a'], onDemandUsdPerHour: 0.7, spotUsdPerHour: 0.4 }),
  offering({ cloud: 'gcp', region: 'europe-west4', instanceType: 'g2-standard-4', zones: ['europe-west4-a'], onDemandUsdPerHour: 0.75, spotUsdPerHour: null }),
]);

/** Llama 3.1 8B bf16 at 8k context and 2 sequences: fits one L4. */
function chat(overrides: DeepPartial<ServiceSpecInput> = {}): ServiceSpecInput {
  return merge(minimalService({ autoscaling: { minReplicas: 2, maxReplicas: 5, target: { metric: 'concurrency', value: 2 } } }), overrides);
}

function plan(input: ServiceSpecInput, catalog: Catalog = TABLE): ServicePlan {
  return planService(parseService(input, { catalog }), catalog);
}

function site(p: Placement): string {
  return `${p.cloud}/${p.region}`;
}

function byRole(s: ServicePlan, role: Placement['role']): Placement[] {
  return s.placements.filter((p) => p.role === role);
}

describe('strategy cheapest', () => {
  it('picks the cheapest feasible offering across every allowed cloud and region', () => {
    const s = plan(chat());
    expect(s.placements).toHaveLength(1);
    expect(s.placements[0]).toMatchObject({ role: 'primary', cloud: 'gcp', region: 'us-central1', instanceType: 'g2-standard-4', capacity: 'on-demand', hourlyUsd: 0.7 });
    expect(s.placements[0]!.replicas).toEqual({ min: 2, max: 5 });
  });

  it('on the bundled catalog, the chosen price is the minimum over all feasible candidates', () => {
    const spec = parseService(validService());
    const s = planService(spec);
    const all = findCandidates(spec, modelRequirement(spec), BUNDLED_CATALOG).feasible;
    expect(s.placements[0]!.hourlyUsd).toBeCloseTo(Math.min(...all.map((c) => c.hourlyUsd)), 4);
  });
});

describe('strategy failover', () => {
  it('puts the secondary on another cloud when one is allowed, warm with one replica', () => {
    const s = plan(chat({ placement: { strategy: 'failover' } }));
    const [primary] = byRole(s, 'primary');
    const [secondary] = byRole(s, 'secondary');
    expect(site(primary!)).toBe('gcp/us-central1');
    expect(secondary!.cloud).toBe('aws');
    expect(site(secondary!)).toBe('aws/us-east-1'); // the cheapest AWS L4
    expect(primary!.replicas).toEqual({ min: 2, max: 5 });
    expect(secondary!.replicas).toEqual({ min: 1, max: 5 });
  });

  it('falls back to another region of the same cloud when only one cloud is allowed', () => {
    const s = plan(chat({ placement: { strategy: 'failover', clouds: ['gcp'] } }));
    expect(s.placements.map(site)).toEqual(['gcp/us-central1', 'gcp/europe-west4']);
    expect(byRole(s, 'secondary')[0]!.reason).toMatch(/another region/);
  });

  it('never puts primary and secondary in the same site', () => {
    const s = plan(chat({ placement: { strategy: 'failover', clouds: ['aws'] } }));
    expect(new Set(s.placements.map(site)).size).toBe(2);
  });
});

describe('strategy spread', () => {
  it('uses N distinct sites, the N cheapest, and divides the replicas among them', () => {
    const s = plan(chat({ autoscaling: { minReplicas: 4, maxReplicas: 9 }, placement: { strategy: 'spread', spreadCount: 3 } }));
    expect(s.placements).toHaveLength(3);
    expect(s.placements.map(site).sort()).toEqual(['aws/us-east-1', 'gcp/europe-west4', 'gcp/us-central1']);
    for (const p of s.placements) {
      expect(p.role).toBe('spread');
      expect(p.replicas).toEqual({ min: 2, max: 3 });
    }
    // Together at least the spec's bounds.
    expect(s.placements.reduce((n, p) => n + p.replicas.min, 0)).toBeGreaterThanOrEqual(4);
    expect(s.placements.reduce((n, p) => n + p.replicas.max, 0)).toBeGreaterThanOrEqual(9);
  });

  it('defaults to 2 sites', () => {
    expect(plan(chat({ placement: { strategy: 'spread' } })).placements).toHaveLength(2);
  });
});

describe('spot', () => {
  it('is never used when placement.spot is never (the default), whatever the strategy', () => {
    for (const strategy of ['cheapest', 'failover', 'spread'] as const) {
      for (const p of plan(chat({ placement: { strategy } })).placements) {
        expect(p.capacity).toBe('on-demand');
        expect(p.spotSavingsPercent).toBe(0);
        expect(p.hourlyUsd).toBe(p.onDemandHourlyUsd);
      }
    }
  });

  it('is used when allowed and cheaper, with the saving against on-demand', () => {
    const p = plan(chat({ placement: { spot: 'allowed' } })).placements[0]!;
    expect(p).toMatchObject({ cloud: 'aws', region: 'us-west-2', instanceType: 'g6.xlarge', capacity: 'spot', hourlyUsd: 0.3, onDemandHourlyUsd: 0.85 });
    expect(p.spotSavingsPercent).toBeCloseTo((1 - 0.3 / 0.85) * 100, 2);
  });

  it('never picks spot for an offering not sold as spot', () => {
    const s = plan(chat({ placement: { spot: 'allowed', regions: ['europe-west4'] } }));
    expect(s.placements[0]).toMatchObject({ capacity: 'on-demand', hourlyUsd: 0.75 });
  });
});

describe('filters', () => {
  it('respects placement.regions', () => {
    expect(site(plan(chat({ placement: { regions: ['us-east-1', 'europe-west4'] } })).placements[0]!)).toBe('gcp/europe-west4');
  });

  it('respects placement.clouds', () => {
    expect(site(plan(chat({ placement: { clouds: ['aws'] } })).placements[0]!)).toBe('aws/us-east-1');
  });

  it('respects resources.gpu type and count', () => {
    const p = plan(chat({ resources: { gpu: { type: 'L4', count: 1 } }, placement: { clouds: ['aws'], regions: ['us-west-2'] } })).placements[0]!;
    expect(p.gpu).toMatchObject({ type: 'L4', count: 1 });
  });

  it('respects resources.cpu: a replica asking for 16 vCPUs skips the 4-vCPU machines', () => {
    const p = plan(chat({ resources: { cpu: 16 } })).placements[0]!;
    expect(p.instanceType).toBe('g6.16xlarge');
    expect(p.pod.cpu).toBe(16);
  });

  it('on the bundled catalog, every placement is inside the allowed clouds, regions and GPU types', () => {
    const regions = ['us-east-1', 'us-west-2', 'us-central1'];
    const s = planService(parseService(validService({ resources: { gpu: { anyOf: ['L4', 'L40S'] } }, placement: { regions, strategy: 'spread', spreadCount: 3 } })));
    for (const p of s.placements) {
      expect(regions).toContain(p.region);
      expect(['L4', 'L40S']).toContain(p.gpu.type);
    }
  });
});

describe('costs', () => {
  it('monthly = hourly × 730 × replicas, at min and at max', () => {
    for (const p of plan(chat({ placement: { strategy: 'failover' } })).placements) {
      expect(p.monthlyUsdAtMin).toBeCloseTo(p.hourlyUsd * HOURS_PER_MONTH * p.replicas.min, 2);
      expect(p.monthlyUsdAtMax).toBeCloseTo(p.hourlyUsd * HOURS_PER_MONTH * p.replicas.max, 2);
    }
    expect(HOURS_PER_MONTH).toBe(730);
  });

  it('service and platform totals are the sums of their placements', () => {
    const platform = parsePlatform(validPlatform([validService({ name: 'a' }), validService({ name: 'b', placement: { strategy: 'failover' } })]));
    const p = planPlatform(platform);
    for (const s of p.services) expect(s.monthlyUsdAtMin).toBeCloseTo(s.placements.reduce((n, x) => n + x.monthlyUsdAtMin, 0), 2);
    expect(p.totals.monthlyUsdAtMax).toBeCloseTo(p.services.reduce((n, s) => n + s.monthlyUsdAtMax, 0), 2);
  });
});

describe('reasons', () => {
  it('name the chosen instance, its price, and what was ruled out and why', () => {
    const reason = plan(chat()).placements[0]!.reason;
    expect(reason).toContain('g2-standard-4');
    expect(reason).toContain('gcp/us-central1');
    expect(reason).toContain('0.700');
    expect(reason).toMatch(/ruled out: .*T4 cannot run bf16/);
  });

  it('mention the runner-up', () => {
    expect(plan(chat()).placements[0]!.reason).toMatch(/next: .*europe-west4/);
  });

  it('for 70B on the bundled catalog, say that too-small GPUs were ruled out for memory', () => {
    const s = planService(parseService(minimalService({ name: 'big', model: { source: LLAMA_70B } })));
    expect(s.placements[0]!.reason).toMatch(/ruled out: .*(GiB|cannot run)/);
  });
});

describe('determinism', () => {
  it('the same input gives a deep-equal plan', () => {
    const input = validPlatform([validService({ placement: { strategy: 'failover' } }), validService({ name: 'big', model: { source: LLAMA_70B } })]);
    expect(planPlatform(parsePlatform(input))).toEqual(planPlatform(parsePlatform(input)));
  });

  it.each([1, 2, 3, 99])('the order of catalog rows does not change the plan (shuffle %i)', (seed) => {
    for (const strategy of ['cheapest', 'failover', 'spread'] as const) {
      const spec = parseService(validService({ placement: { strategy, spot: 'allowed' } }));
      const a = planService(spec, BUNDLED_CATALOG);
      const b = planService(spec, shuffledBundled(seed));
      expect(b.placements.map(({ reason: _r, ...p }) => p)).toEqual(a.placements.map(({ reason: _r, ...p }) => p));
      expect(b.placements.map((p) => p.reason)).toEqual(a.placements.map((p) => p.reason));
    }
  });

  it('reversing the hand-made table does not change the plan', () => {
    const reversed = catalogOf([...TABLE.offerings].reverse());
    expect(plan(chat({ placement: { strategy: 'spread', spreadCount: 3 } }), reversed)).toEqual(plan(chat({ placement: { strategy: 'spread', spreadCount: 3 } })));
  });
});

describe('plan --json shape', () => {
  it('has services[].name, requirement.gpuMemoryGiB and the placement fields of the issue', () => {
    const json = JSON.parse(JSON.stringify(planToJson(planPlatform(parsePlatform(validPlatform([validService({ placement: { strategy: 'failover' } })]))))));
    expect(json.services).toHaveLength(1);
    const [s] = json.services;
    expect(s.name).toBe('chat');
    expect(s.requirement.gpuMemoryGiB).toEqual(expect.any(Number));
    expect(s.placements).toHaveLength(2);
    for (const p of s.placements) {
      expect(p).toMatchObject({ cloud: expect.stringMatching(/^(aws|gcp)$/), ...PLACEMENT_JSON_SHAPE });
      expect(Object.keys(p.gpu).sort()).toEqual(['count', 'memoryGiB', 'type']);
      expect(Object.keys(p.replicas).sort()).toEqual(['max', 'min']);
    }
  });

  it('carries no internal objects (spec, offering, pod) and survives a JSON round trip', () => {
    const json = planToJson(planPlatform(parsePlatform(validPlatform())));
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    const p = (json.services as Array<{ placements: Array<Record<string, unknown>> }>)[0]!.placements[0]!;
    expect(p).not.toHaveProperty('offering');
    expect(json.services as object[]).not.toContainEqual(expect.objectContaining({ spec: expect.anything() }));
  });
});

describe('custom catalogs', () => {
  const cheapFrankfurt = offering({ cloud: 'aws', region: 'eu-central-1', instanceType: 'g6.xlarge', onDemandUsdPerHour: 0.1, spotUsdPerHour: null, source: 'negotiated' });

  it('extend: a cheaper row of your own wins over the bundled rows', () => {
    const platform = parsePlatform(validPlatform([validService({ autoscaling: { target: { metric: 'concurrency', value: 2 } } })], { catalog: { mode: 'extend', offerings: [cheapFrankfurt] } }));
    const p = planPlatform(platform);
    expect(p.services[0]!.placements[0]).toMatchObject({ cloud: 'aws', region: 'eu-central-1', hourlyUsd: 0.1 });
    expect(p.catalogVersion).toMatch(/\+custom$/);
  });

  it('extend: a row with the key of a bundled row replaces its price', () => {
    const bundledPlan = planService(parseService(validService()));
    const chosen = bundledPlan.placements[0]!.offering;
    const pricier = { ...chosen, zones: [...chosen.zones], onDemandUsdPerHour: chosen.onDemandUsdPerHour * 100, spotUsdPerHour: null };
    const p = planPlatform(parsePlatform(validPlatform([validService()], { catalog: { offerings: [pricier] } })));
    expect(p.services[0]!.placements[0]!.instanceType === chosen.instanceType && p.services[0]!.placements[0]!.region === chosen.region).toBe(false);
  });

  it('replace: only your rows are used', () => {
    const onlyRow = offering({ cloud: 'gcp', region: 'us-east4', instanceType: 'g2-standard-8', vcpus: 8, memoryGiB: 32, onDemandUsdPerHour: 5, spotUsdPerHour: null });
    const p = planPlatform(parsePlatform(validPlatform([validService({ autoscaling: { target: { metric: 'concurrency', value: 2 } } })], { catalog: { mode: 'replace', offerings: [onlyRow] } })));
    expect(p.services[0]!.placements[0]).toMatchObject({ cloud: 'gcp', region: 'us-east4', instanceType: 'g2-standard-8', hourlyUsd: 5 });
  });

  it('the catalog option of planPlatform overrides the platform catalog', () => {
    const platform = parsePlatform(validPlatform([chat()]), { catalog: TABLE });
    expect(planPlatform(platform, { catalog: TABLE }).services[0]!.placements[0]!.hourlyUsd).toBe(0.7);
  });
});
