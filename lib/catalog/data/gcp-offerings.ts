/**
 * GCP GPU offerings of the bundled catalog: us-central1, us-east4, europe-west4, asia-northeast1.
 *
 * Sources:
 * - SKYPILOT: SkyPilot catalog v9 (skypilot-org/skypilot-catalog commit 2c3d7ea), built from the Cloud Billing
 *   Catalog API, as curated in shared/reference/gpu-offerings.csv. Its zones (catalogs/v9/gcp/vms.csv,
 *   AvailabilityZone) come from the Compute Engine API (accelerator types per zone).
 * - LIST: GCP list prices (Cloud Billing Catalog) as compiled by Cyclenerd/google-cloud-pricing-cost-calculator,
 *   pricing.yml generated 2025-03-06: per machine type, host + GPUs + bundled Local SSD. Its A2 High, A3 High
 *   and A3 Mega prices equal SkyPilot's where SkyPilot is consistent (a2-highgpu-1g us-central1 3.673385;
 *   a3-highgpu-8g us-east4 87.83 + 0.72 Local SSD), which is what makes it usable to repair the rest.
 *
 * Prices are per machine per hour, all-in: what GCP bills for the machine type (bundled Local SSD included;
 * boot disk not). Spot prices are SkyPilot v9's (spot prices move monthly; they are indicative).
 *
 * Repairs of the reference (its notes flag A100/H100/H200/B200 as inconsistent):
 * - A100 40GB europe-west4 and asia-northeast1, A100 80GB all regions, H100 asia-northeast1, H100 Mega
 *   asia-northeast1: SkyPilot matched a discounted GPU SKU (Flex-start/DWS, ~40-60% of list; hence "spot above
 *   on-demand"). FIXED with LIST on-demand prices; A2 machines are linear in GPU count (a2-*-Ng = N x 1g, checked
 *   against LIST for 2g/8g).
 * - H100 us-central1 (4.20/GPU vs 9.80 in us-east4): same DWS mismatch, FIXED with LIST (a3-highgpu-8g 88.49).
 * - a3-highgpu-1g/2g/4g: DROPPED. GCP sells these shapes only as Spot or Flex-start VMs, so they have no
 *   on-demand price to plan with (and every row needs one).
 * - a3-ultragpu-8g (H200) and a4-highgpu-8g (B200): DROPPED. GCP provisions them only through reservations,
 *   Flex-start or Spot (no on-demand), and the reference prices disagree between regions (B200 us-central1
 *   90.22 vs us-east4 64.44, host price 0). H200 and B200 stay covered by AWS (p5en, p6-b200).
 * - a3-megagpu-8g us-central1: DROPPED. LIST has no A3 Mega price there and the zones could not be confirmed.
 * - T4: the reference gives GPU-only prices; rows here are real machine types, n1-standard host (LIST) + T4s.
 */
import { GPU_MODELS, GpuType } from '../gpu-types';
import type { Offering } from '../offering';

const SKYPILOT = 'SkyPilot catalog v9 (2c3d7ea), GCP price list (host + GPU)';
const LIST = 'GCP list price via Cyclenerd pricing.yml (2025-03-06), incl. bundled Local SSD';
const LIST_FIX = `${LIST}; replaces SkyPilot v9 on-demand (discounted DWS GPU SKU); spot SkyPilot v9 (2c3d7ea)`;
const LIST_SPOT = `${LIST}; spot SkyPilot v9 (2c3d7ea)`;

type Region = 'us-central1' | 'us-east4' | 'europe-west4' | 'asia-northeast1';

/**
 * Zones that offer each GPU, per region: SkyPilot v9 vms.csv AvailabilityZone of the GPU's rows, which comes from
 * the Compute Engine API (what GCP's "GPU regions and zones availability" page lists). GKE may only place a GPU
 * node pool in these zones. H100 Mega: only regions where the LIST price exists.
 */
const ZONES: Readonly<Partial<Record<GpuType, Partial<Record<Region, readonly string[]>>>>> = {
  T4: { 'us-central1': ['a', 'b', 'c', 'f'], 'us-east4': ['a', 'b', 'c'], 'europe-west4': ['a', 'b', 'c'], 'asia-northeast1': ['a', 'c'] },
  L4: { 'us-central1': ['a', 'b', 'c'], 'us-east4': ['a', 'c'], 'europe-west4': ['a', 'b', 'c'], 'asia-northeast1': ['a', 'b', 'c'] },
  'A100-40GB': { 'us-central1': ['a', 'b', 'c', 'f'], 'europe-west4': ['a', 'b'], 'asia-northeast1': ['a', 'c'] },
  'A100-80GB': { 'us-central1': ['a', 'c'], 'us-east4': ['c'], 'europe-west4': ['a'] },
  H100: { 'us-central1': ['a', 'b', 'c'], 'us-east4': ['a', 'b', 'c'], 'europe-west4': ['b', 'c'], 'asia-northeast1': ['b'] },
  'H100-MEGA': { 'us-east4': ['a', 'b', 'c'], 'europe-west4': ['b', 'c'], 'asia-northeast1': ['b'] },
};

function zonesOf(gpu: GpuType, region: Region): string[] {
  const letters = ZONES[gpu]?.[region];
  if (letters === undefined) throw new Error(`bundled GCP catalog: no zones recorded for ${gpu} in ${region}`);
  return letters.map((l) => `${region}-${l}`);
}

const round5 = (x: number): number => Math.round(x * 1e5) / 1e5;

interface Machine {
  readonly instanceType: string;
  readonly gpuType: GpuType;
  readonly gpuCount: number;
  readonly vcpus: number;
  readonly memoryGiB: number;
}

function offering(m: Machine, region: Region, onDemand: number, spot: number | null, source: string): Offering {
  return {
    cloud: 'gcp',
    instanceType: m.instanceType,
    gpuType: m.gpuType,
    gpuCount: m.gpuCount,
    gpuMemoryGiB: GPU_MODELS[m.gpuType].memoryGiB,
    vcpus: m.vcpus,
    memoryGiB: m.memoryGiB,
    region,
    zones: zonesOf(m.gpuType, region),
    onDemandUsdPerHour: round5(onDemand),
    spotUsdPerHour: spot === null ? null : round5(spot),
    source,
  };
}

// ---------------------------------------------------------------------------------------------------------
// G2 + L4: SkyPilot v9 prices are consistent between regions and with the GCP pricing page (g2-standard-4
// us-central1 $0.70683/h). Kept as is.

const G2 = {
  'g2-standard-4': { instanceType: 'g2-standard-4', gpuType: 'L4', gpuCount: 1, vcpus: 4, memoryGiB: 16 },
  'g2-standard-8': { instanceType: 'g2-standard-8', gpuType: 'L4', gpuCount: 1, vcpus: 8, memoryGiB: 32 },
  'g2-standard-48': { instanceType: 'g2-standard-48', gpuType: 'L4', gpuCount: 4, vcpus: 48, memoryGiB: 192 },
  'g2-standard-96': { instanceType: 'g2-standard-96', gpuType: 'L4', gpuCount: 8, vcpus: 96, memoryGiB: 384 },
} as const satisfies Record<string, Machine>;

const G2_PRICES: readonly (readonly [keyof typeof G2, Region, number, number])[] = [
  ['g2-standard-4', 'us-central1', 0.70683, 0.36122],
  ['g2-standard-4', 'us-east4', 0.70452, 0.3106],
  ['g2-standard-4', 'europe-west4', 0.74233, 0.38986],
  ['g2-standard-4', 'asia-northeast1', 0.90771, 0.524],
  ['g2-standard-8', 'us-central1', 0.85362, 0.43623],
  ['g2-standard-8', 'us-east4', 0.85083, 0.37509],
  ['g2-standard-8', 'europe-west4', 0.89661, 0.47082],
  ['g2-standard-8', 'asia-northeast1', 1.09622, 0.6328],
  ['g2-standard-48', 'us-central1', 4.00166, 2.04499],
  ['g2-standard-48', 'us-east4', 3.98857, 1.75835],
  ['g2-standard-48', 'europe-west4', 4.2036, 2.20712],
  ['g2-standard-48', 'asia-northeast1', 5.13893, 2.9664],
  ['g2-standard-96', 'us-central1', 8.00333, 4.08998],
  ['g2-standard-96', 'us-east4', 7.97712, 3.5167],
  ['g2-standard-96', 'europe-west4', 8.4072, 4.41424],
  ['g2-standard-96', 'asia-northeast1', 10.27788, 5.9328],
];

const L4_ROWS = G2_PRICES.map(([type, region, od, spot]) => offering(G2[type], region, od, spot, SKYPILOT));

// ---------------------------------------------------------------------------------------------------------
// N1 + T4: T4s attach to N1 VMs. Price = n1-standard host + T4s. Host: n1-standard-1 list price (LIST; N1 is
// linear in vCPUs: 1 vCPU + 3.75 GB, e.g. $0.0475/h in us-central1). T4: SkyPilot v9 per-GPU prices.

const N1_STANDARD_1: Readonly<Record<Region, { readonly onDemand: number; readonly spot: number }>> = {
  'us-central1': { onDemand: 0.04749975, spot: 0.0130025 },
  'us-east4': { onDemand: 0.05349625, spot: 0.01076375 },
  'europe-west4': { onDemand: 0.052292, spot: 0.013455 },
  'asia-northeast1': { onDemand: 0.06093925, spot: 0.0151375 },
};

const T4_PER_GPU: Readonly<Record<Region, { readonly onDemand: number; readonly spot: number }>> = {
  'us-central1': { onDemand: 0.35, spot: 0.1915 },
  'us-east4': { onDemand: 0.37, spot: 0.1791 },
  'europe-west4': { onDemand: 0.3675, spot: 0.1805 },
  'asia-northeast1': { onDemand: 0.37, spot: 0.1507 },
};

/** The N1 + T4 shapes offered: n1-standard-4 + 1 T4, n1-standard-16 + 2 T4, n1-standard-32 + 4 T4. */
const N1_T4: readonly { readonly vcpus: number; readonly gpus: number }[] = [
  { vcpus: 4, gpus: 1 },
  { vcpus: 16, gpus: 2 },
  { vcpus: 32, gpus: 4 },
];

const T4_ROWS = (Object.keys(T4_PER_GPU) as Region[]).flatMap((region) =>
  N1_T4.map(({ vcpus, gpus }) => {
    const host = N1_STANDARD_1[region];
    const t4 = T4_PER_GPU[region];
    const machine: Machine = { instanceType: `n1-standard-${vcpus}`, gpuType: 'T4', gpuCount: gpus, vcpus, memoryGiB: vcpus * 3.75 };
    return offering(
      machine,
      region,
      vcpus * host.onDemand + gpus * t4.onDemand,
      vcpus * host.spot + gpus * t4.spot,
      `GCP n1-standard-${vcpus} host (${LIST}) + ${gpus}x T4 (SkyPilot v9 (2c3d7ea) GPU price)`,
    );
  }),
);

// ---------------------------------------------------------------------------------------------------------
// A2: A100 40GB (a2-highgpu) and A100 80GB (a2-ultragpu). Prices of one 1-GPU machine, scaled linearly.

interface PerGpuPrice {
  readonly region: Region;
  readonly onDemand: number;
  readonly spot: number;
  readonly source: string;
}

const A2_HIGHGPU_1G: readonly PerGpuPrice[] = [
  { region: 'us-central1', onDemand: 3.673385, spot: 1.92802, source: LIST_SPOT },
  { region: 'europe-west4', onDemand: 3.747972, spot: 1.69284, source: LIST_FIX },
  { region: 'asia-northeast1', onDemand: 4.049590926, spot: 2.33907, source: LIST_FIX },
];

const A2_ULTRAGPU_1G: readonly PerGpuPrice[] = [
  { region: 'us-central1', onDemand: 5.06879789, spot: 2.73756, source: LIST_FIX },
  { region: 'us-east4', onDemand: 5.70773248, spot: 2.30622, source: LIST_FIX },
  { region: 'europe-west4', onDemand: 5.58091848, spot: 2.80683, source: LIST_FIX },
];

function scaled(family: 'a2-highgpu' | 'a2-ultragpu', gpuType: GpuType, unit: { vcpus: number; memoryGiB: number }, prices: readonly PerGpuPrice[]): Offering[] {
  return prices.flatMap((p) =>
    [1, 2, 4, 8].map((n) =>
      offering(
        { instanceType: `${family}-${n}g`, gpuType, gpuCount: n, vcpus: unit.vcpus * n, memoryGiB: unit.memoryGiB * n },
        p.region,
        p.onDemand * n,
        p.spot * n,
        p.source,
      ),
    ),
  );
}

const A2_MEGAGPU: Machine = { instanceType: 'a2-megagpu-16g', gpuType: 'A100-40GB', gpuCount: 16, vcpus: 96, memoryGiB: 1360 };

const A100_ROWS: readonly Offering[] = [
  ...scaled('a2-highgpu', 'A100-40GB', { vcpus: 12, memoryGiB: 85 }, A2_HIGHGPU_1G),
  offering(A2_MEGAGPU, 'us-central1', 55.739504, 29.25568, LIST_SPOT),
  offering(A2_MEGAGPU, 'europe-west4', 56.62656, 25.57624, LIST_FIX),
  ...scaled('a2-ultragpu', 'A100-80GB', { vcpus: 12, memoryGiB: 170 }, A2_ULTRAGPU_1G),
];

// ---------------------------------------------------------------------------------------------------------
// A3: H100 80GB (a3-highgpu-8g) and H100 Mega (a3-megagpu-8g), 8 GPUs, 208 vCPUs, 1872 GB, 6 TB Local SSD.

const A3_HIGH: Machine = { instanceType: 'a3-highgpu-8g', gpuType: 'H100', gpuCount: 8, vcpus: 208, memoryGiB: 1872 };
const A3_MEGA: Machine = { instanceType: 'a3-megagpu-8g', gpuType: 'H100-MEGA', gpuCount: 8, vcpus: 208, memoryGiB: 1872 };

const H100_ROWS: readonly Offering[] = [
  offering(A3_HIGH, 'us-central1', 88.4899999, 47.86592, LIST_FIX),
  offering(A3_HIGH, 'us-east4', 88.5557562, 34.15997, LIST_SPOT),
  offering(A3_HIGH, 'europe-west4', 112.540479, 41.62746, LIST_SPOT),
  offering(A3_HIGH, 'asia-northeast1', 126.643391, 26.73811, LIST_FIX),
  offering(A3_MEGA, 'us-east4', 92.9375882, 21.73517, LIST_SPOT),
  offering(A3_MEGA, 'europe-west4', 118.236831, 43.65226, LIST_SPOT),
  offering(A3_MEGA, 'asia-northeast1', 119.276367, 26.88771, LIST_FIX),
];

/** GCP rows of the bundled catalog (unsorted; the bundle sorts and validates them). */
export const GCP_OFFERINGS: readonly Offering[] = [...T4_ROWS, ...L4_ROWS, ...A100_ROWS, ...H100_ROWS];
