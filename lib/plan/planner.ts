import { BUNDLED_CATALOG } from '../catalog/bundled';
import type { Catalog } from '../catalog/offering';
import { ERROR_CODES, ModelplaneError, Problem, formatPath } from '../errors';
import { modelRequirement, ModelRequirement } from '../sizing/model-memory';
import { HOURS_PER_MONTH } from '../spec/defaults';
import type { PlatformSpec } from '../spec/platform';
import type { ServiceSpec } from '../spec/service';
import { Candidate, CandidateSearch, findCandidates, Rejection } from './candidates';
import { applyStrategy, Choice } from './strategies';
import type { Placement, Plan, ServicePlan } from './types';

export interface PlanOptions {
  /** Catalog to plan against. @default - the platform's resolved catalog, else the bundled one */
  readonly catalog?: Catalog;
}

/**
 * Plans a platform: for each service, its placements, costs and reasons. Pure and deterministic.
 * @throws ModelplaneError (MP_NO_FEASIBLE_PLACEMENT, MP_STRATEGY_UNSATISFIABLE) listing every service that
 * cannot be placed, with its requirement and the closest offerings.
 */
export function planPlatform(platform: PlatformSpec & { readonly resolvedCatalog?: Catalog }, options: PlanOptions = {}): Plan {
  const catalog = options.catalog ?? platform.resolvedCatalog ?? BUNDLED_CATALOG;
  const services: ServicePlan[] = [];
  const problems: Problem[] = [];
  platform.services.forEach((spec, i) => {
    const result = planOne(spec, catalog, ['services', i]);
    if ('problem' in result) problems.push(result.problem);
    else services.push(result.plan);
  });
  if (problems.length > 0) throw new ModelplaneError(problems, 'Cannot place every service');
  return {
    catalogVersion: catalog.version,
    services,
    totals: {
      monthlyUsdAtMin: round2(services.reduce((s, p) => s + p.monthlyUsdAtMin, 0)),
      monthlyUsdAtMax: round2(services.reduce((s, p) => s + p.monthlyUsdAtMax, 0)),
    },
  };
}

/** Plans one service. @throws ModelplaneError when it cannot be placed. */
export function planService(spec: ServiceSpec, catalog: Catalog = BUNDLED_CATALOG): ServicePlan {
  const result = planOne(spec, catalog, []);
  if ('problem' in result) throw new ModelplaneError([result.problem], `Cannot place ${spec.name}`);
  return result.plan;
}

function planOne(spec: ServiceSpec, catalog: Catalog, path: PropertyKey[]): { plan: ServicePlan } | { problem: Problem } {
  const requirement = modelRequirement(spec);
  const search = findCandidates(spec, requirement, catalog);
  const outcome = applyStrategy(spec, search.feasible);
  if (!outcome.ok) {
    if (search.feasible.length === 0) return { problem: noFitProblem(spec, requirement, search, path) };
    return {
      problem: {
        code: ERROR_CODES.STRATEGY_UNSATISFIABLE,
        path: formatPath([...path, 'placement', 'strategy']),
        message: outcome.reason,
        received: JSON.stringify(spec.placement.strategy),
        fix: 'allow more clouds or regions (placement.clouds, placement.regions), more GPU types, or use strategy cheapest',
      },
    };
  }
  const placements = outcome.choices.map((c) => toPlacement(c, search));
  return {
    plan: {
      name: spec.name,
      spec,
      requirement,
      placements,
      monthlyUsdAtMin: round2(placements.reduce((s, p) => s + p.monthlyUsdAtMin, 0)),
      monthlyUsdAtMax: round2(placements.reduce((s, p) => s + p.monthlyUsdAtMax, 0)),
    },
  };
}

function toPlacement(choice: Choice, search: CandidateSearch): Placement {
  const c = choice.candidate;
  const o = c.offering;
  const hourly = round4(c.hourlyUsd);
  const onDemand = round4(o.onDemandUsdPerHour);
  return {
    id: `${o.cloud}-${o.region}`,
    role: choice.role,
    cloud: o.cloud,
    region: o.region,
    zones: o.zones,
    instanceType: o.instanceType,
    capacity: c.capacity,
    gpu: { type: o.gpuType, count: c.gpuCount, memoryGiB: o.gpuMemoryGiB, perInstance: o.gpuCount },
    pod: c.pod,
    replicas: choice.replicas,
    hourlyUsd: hourly,
    onDemandHourlyUsd: onDemand,
    monthlyUsdAtMin: round2(hourly * HOURS_PER_MONTH * choice.replicas.min),
    monthlyUsdAtMax: round2(hourly * HOURS_PER_MONTH * choice.replicas.max),
    spotSavingsPercent: c.capacity === 'spot' ? round2((1 - c.hourlyUsd / o.onDemandUsdPerHour) * 100) : 0,
    reason: reasonFor(choice, search),
    offering: o,
  };
}

/** A short human reason: what was chosen and why, the runner-up, and what was ruled out. */
function reasonFor(choice: Choice, search: CandidateSearch): string {
  const c = choice.candidate;
  const o = c.offering;
  const parts = [`${choice.why}: ${c.gpuCount}×${o.gpuType} on ${o.instanceType} in ${o.cloud}/${o.region} at $${fmt(c.hourlyUsd)}/h ${c.capacity}`];
  if (c.gpuCount < o.gpuCount) parts.push(`uses ${c.gpuCount} of its ${o.gpuCount} GPUs`);
  const runnerUp = search.feasible.find((x) => x !== c && (x.offering !== o || x.capacity !== c.capacity));
  if (runnerUp) parts.push(`next: ${describe(runnerUp)}`);
  const ruledOut = summarizeRejections(search);
  if (ruledOut) parts.push(`ruled out: ${ruledOut}`);
  return parts.join('; ');
}

function describe(c: Candidate): string {
  return `${c.gpuCount}×${c.offering.gpuType} ${c.offering.instanceType} in ${c.offering.cloud}/${c.offering.region} $${fmt(c.hourlyUsd)}/h`;
}

/**
 * One reason per GPU type that has no feasible offering at all, taken from its largest offering (the
 * closest it came), e.g. "T4 cannot run bf16" or "A10G: … need 38 GiB per GPU on 8×A10G …".
 */
function summarizeRejections(search: CandidateSearch, limit = 4): string {
  const feasibleTypes = new Set(search.feasible.map((c) => c.offering.gpuType));
  const largest = new Map<string, Rejection>();
  for (const r of search.rejected) {
    if (feasibleTypes.has(r.offering.gpuType)) continue;
    const seen = largest.get(r.offering.gpuType);
    if (seen === undefined || r.offering.gpuCount > seen.offering.gpuCount) largest.set(r.offering.gpuType, r);
  }
  const items = [...largest.entries()].map(([gpu, r]) => (r.reason.startsWith(gpu) ? r.reason : `${gpu}: ${r.reason}`));
  return items.length > limit ? `${items.slice(0, limit).join('; ')}; +${items.length - limit} more` : items.join('; ');
}

function noFitProblem(spec: ServiceSpec, req: ModelRequirement, search: CandidateSearch, path: PropertyKey[]): Problem {
  const closest = [...search.rejected]
    .sort((a, b) => b.offering.gpuMemoryGiB * b.offering.gpuCount - a.offering.gpuMemoryGiB * a.offering.gpuCount || a.offering.onDemandUsdPerHour - b.offering.onDemandUsdPerHour)
    .filter((r, i, all) => all.findIndex((x) => x.offering.instanceType === r.offering.instanceType) === i)
    .slice(0, 3)
    .map((r) => `${r.offering.cloud}/${r.offering.region} ${r.offering.instanceType} (${r.offering.gpuCount}×${r.offering.gpuType} ${r.offering.gpuMemoryGiB} GiB): ${r.reason}`);
  const requirement = `${req.parametersBillions}B parameters in ${req.precision} at ${req.contextTokens} tokens × ${req.concurrency} sequences: ${req.weightsGiB} GiB weights + ${req.kvCacheGiB} GiB KV cache`;
  return {
    code: ERROR_CODES.NO_FEASIBLE_PLACEMENT,
    path: formatPath([...path, 'resources', 'gpu']),
    message: `no offering can serve ${spec.name}: ${requirement}`,
    received: JSON.stringify(spec.resources.gpu),
    allowed: closest.length > 0 ? `closest offerings: ${closest.join(' | ')}` : 'no offering matches placement.clouds/regions and resources.gpu',
    fix: 'use a smaller precision (fp8, int4), a shorter model.contextTokens, a lower autoscaling target, larger GPUs, or more clouds/regions',
  };
}

function fmt(n: number): string {
  return n.toFixed(n < 10 ? 3 : 2);
}
function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
function round4(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
