import type { Catalog, Offering } from '../catalog/offering';
import type { GpuType } from '../catalog/gpu-types';
import type { ModelRequirement } from '../sizing/model-memory';
import { gpusNeeded } from '../sizing/gpu-fit';
import type { ServiceSpec } from '../spec/service';
import { frontDoorLimitation } from './front-door-limits';
import { podResourcesOn } from './pod-resources';
import type { CapacityType, PodResources } from './types';

/** One way to run one replica: an offering, at a capacity type, with a GPU count. */
export interface Candidate {
  readonly offering: Offering;
  readonly capacity: CapacityType;
  readonly gpuCount: number;
  readonly hourlyUsd: number;
  readonly pod: PodResources;
}

/** An offering that was considered and ruled out, with why. */
export interface Rejection {
  readonly offering: Offering;
  readonly reason: string;
}

export interface CandidateSearch {
  /** Feasible candidates, cheapest first (ties broken by cloud, region, instance type, capacity). */
  readonly feasible: readonly Candidate[];
  /** Offerings inside the placement constraints that cannot serve the model. */
  readonly rejected: readonly Rejection[];
}

/**
 * Every feasible way to run one replica of a service within its placement constraints (clouds, regions,
 * GPU types, spot policy), from the catalog. Pure: same inputs, same order.
 */
export function findCandidates(spec: ServiceSpec, req: ModelRequirement, catalog: Catalog): CandidateSearch {
  const clouds = new Set(spec.placement.clouds);
  const regions = spec.placement.regions ? new Set(spec.placement.regions) : undefined;
  const gpu = spec.resources.gpu;
  const allowedGpus: ReadonlySet<GpuType> | undefined = gpu === 'auto' ? undefined : new Set('type' in gpu ? [gpu.type] : gpu.anyOf);
  const fixedCount = gpu !== 'auto' && 'type' in gpu ? gpu.count : undefined;
  const spotAllowed = spec.placement.spot === 'allowed';

  const feasible: Candidate[] = [];
  const rejected: Rejection[] = [];
  const fitCache = new Map<string, ReturnType<typeof gpusNeeded>>();

  const limitation = { aws: frontDoorLimitation('aws', spec), gcp: frontDoorLimitation('gcp', spec) };
  for (const o of catalog.offerings) {
    if (!clouds.has(o.cloud) || (regions && !regions.has(o.region))) continue;
    if (allowedGpus && !allowedGpus.has(o.gpuType)) continue;
    const cut = limitation[o.cloud];
    if (cut !== undefined) {
      rejected.push({ offering: o, reason: cut });
      continue;
    }

    const fractional = o.gpuCount < 1;
    const memoryGiB = fractional ? o.gpuMemoryGiB * o.gpuCount : o.gpuMemoryGiB;
    const maxCount = fractional ? 1 : Math.floor(o.gpuCount);
    const key = `${o.gpuType}|${memoryGiB}|${maxCount}`;
    let fit = fitCache.get(key);
    if (fit === undefined) {
      fit = gpusNeeded(req, { type: o.gpuType, memoryGiB }, { fixedCount, maxCount });
      fitCache.set(key, fit);
    }
    if (!fit.fits) {
      rejected.push({ offering: o, reason: fit.reason });
      continue;
    }
    if (fixedCount !== undefined && fixedCount > maxCount) {
      rejected.push({ offering: o, reason: `${o.instanceType} has ${o.gpuCount} GPUs, the spec asks for ${fixedCount}` });
      continue;
    }
    const pod = podResourcesOn(o, spec, req);
    if (pod === undefined) {
      rejected.push({ offering: o, reason: `${o.instanceType} (${o.vcpus} vCPU, ${o.memoryGiB} GiB) cannot fit the requested cpu/memory` });
      continue;
    }
    const gpuCount = fit.count;
    feasible.push({ offering: o, capacity: 'on-demand', gpuCount, hourlyUsd: o.onDemandUsdPerHour, pod });
    if (spotAllowed && o.spotUsdPerHour !== null) {
      feasible.push({ offering: o, capacity: 'spot', gpuCount, hourlyUsd: o.spotUsdPerHour, pod });
    }
  }
  feasible.sort(compareCandidates);
  return { feasible, rejected };
}

/** Cheapest first; ties broken deterministically. */
export function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    a.hourlyUsd - b.hourlyUsd ||
    cmp(a.offering.cloud, b.offering.cloud) ||
    cmp(a.offering.region, b.offering.region) ||
    cmp(a.offering.instanceType, b.offering.instanceType) ||
    cmp(a.capacity, b.capacity)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `cloud/region`: a site the strategies spread over. */
export function siteOf(c: Candidate): string {
  return `${c.offering.cloud}/${c.offering.region}`;
}
