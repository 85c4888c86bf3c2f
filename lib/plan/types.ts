import type { GpuType } from '../catalog/gpu-types';
import type { Cloud, Offering } from '../catalog/offering';
import type { ModelRequirement } from '../sizing/model-memory';
import type { ServiceSpec } from '../spec/service';

export type CapacityType = 'on-demand' | 'spot';

/** What a placement is for. */
export type PlacementRole = 'primary' | 'secondary' | 'spread';

/** Compute requested by one replica (one pod) on its node. */
export interface PodResources {
  readonly cpu: number;
  readonly memoryGiB: number;
  readonly ephemeralStorageGiB: number;
}

/** Where and how one share of a service runs: one cloud, one region, one instance type. */
export interface Placement {
  /** Stable id within the service: `<cloud>-<region>`; used in construct ids and names. */
  readonly id: string;
  readonly role: PlacementRole;
  readonly cloud: Cloud;
  readonly region: string;
  /** Zones of the region that offer the GPU (GCP); empty on AWS, where node groups span the VPC subnets. */
  readonly zones: readonly string[];
  readonly instanceType: string;
  readonly capacity: CapacityType;
  readonly gpu: {
    readonly type: GpuType;
    /** GPUs each replica uses: the tensor-parallel size and the pod's nvidia.com/gpu limit. */
    readonly count: number;
    /** Memory of one GPU, GiB. */
    readonly memoryGiB: number;
    /** GPUs on the instance (a replica may leave some idle; fractional for shared GPUs). */
    readonly perInstance: number;
  };
  readonly pod: PodResources;
  readonly replicas: { readonly min: number; readonly max: number };
  /** Price of one replica (one instance) per hour, at the chosen capacity type. */
  readonly hourlyUsd: number;
  /** On-demand price of one replica per hour (equals hourlyUsd unless spot). */
  readonly onDemandHourlyUsd: number;
  readonly monthlyUsdAtMin: number;
  readonly monthlyUsdAtMax: number;
  /** Saving of spot against on-demand, percent; 0 when on-demand. */
  readonly spotSavingsPercent: number;
  /** Why this offering, what was ruled out and why. */
  readonly reason: string;
  /** The catalog row chosen. */
  readonly offering: Offering;
}

/** The plan of one service. */
export interface ServicePlan {
  readonly name: string;
  readonly spec: ServiceSpec;
  readonly requirement: ModelRequirement;
  readonly placements: readonly Placement[];
  readonly monthlyUsdAtMin: number;
  readonly monthlyUsdAtMax: number;
}

/** The plan of a platform. */
export interface Plan {
  readonly catalogVersion: string;
  readonly services: readonly ServicePlan[];
  readonly totals: { readonly monthlyUsdAtMin: number; readonly monthlyUsdAtMax: number };
}
