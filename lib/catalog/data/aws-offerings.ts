/**
 * AWS GPU offerings of the bundled catalog.
 *
 * Source: SkyPilot catalog v9 (skypilot-org/skypilot-catalog commit 2c3d7ea), whose AWS prices come from the
 * AWS Price List API (Linux, shared tenancy, on-demand) and the EC2 spot price history (lowest recent price
 * among the Availability Zones read), as curated in shared/reference/gpu-offerings.csv.
 *
 * Curation rules:
 * - Per-GPU memory is the GiB the driver reports (GPU_MODELS), not the marketing GB of the price list.
 * - `zones` is empty: AZ names (us-east-1a) are per account, so EKS node groups span the VPC's subnets.
 * - Regions: us-east-1, us-west-2, eu-west-1, ap-northeast-1, where AWS sells the instance type
 *   (g6, g6e, p4de, p5, p5en are not sold in eu-west-1; p6-b200 only in us-east-1, us-east-2, us-west-2).
 * - Local Zones (Los Angeles, Atlanta) are left out: their spot prices are not those of the parent region.
 *
 * Left out on purpose:
 * - p5e.48xlarge (H200): the price list has no on-demand price for it (it is sold through Capacity Blocks),
 *   and every row needs one.
 * - g6f.* (fractional L4: 1/8, 1/4, 1/2 GPU): no published price was available to curate from; add them in
 *   your own catalog (`gpuCount: 0.125`...) when you need them.
 */
import { GPU_MODELS, GpuType } from '../gpu-types';
import type { Offering } from '../offering';

const SOURCE = 'SkyPilot catalog v9 (2c3d7ea), AWS price list';
const SOURCE_PARTIAL_SPOT = `${SOURCE}; spot from the AZs read, not all`;

interface Shape {
  readonly gpuType: GpuType;
  readonly gpuCount: number;
  readonly vcpus: number;
  readonly memoryGiB: number;
}

/** Instance types: GPU model and count, vCPUs and host memory (EC2 instance type documentation). */
const SHAPES = {
  'g4dn.xlarge': { gpuType: 'T4', gpuCount: 1, vcpus: 4, memoryGiB: 16 },
  'g4dn.12xlarge': { gpuType: 'T4', gpuCount: 4, vcpus: 48, memoryGiB: 192 },
  'g4dn.metal': { gpuType: 'T4', gpuCount: 8, vcpus: 96, memoryGiB: 384 },
  'g5.xlarge': { gpuType: 'A10G', gpuCount: 1, vcpus: 4, memoryGiB: 16 },
  'g5.2xlarge': { gpuType: 'A10G', gpuCount: 1, vcpus: 8, memoryGiB: 32 },
  'g5.12xlarge': { gpuType: 'A10G', gpuCount: 4, vcpus: 48, memoryGiB: 192 },
  'g5.48xlarge': { gpuType: 'A10G', gpuCount: 8, vcpus: 192, memoryGiB: 768 },
  'g6.xlarge': { gpuType: 'L4', gpuCount: 1, vcpus: 4, memoryGiB: 16 },
  'g6.4xlarge': { gpuType: 'L4', gpuCount: 1, vcpus: 16, memoryGiB: 64 },
  'g6.12xlarge': { gpuType: 'L4', gpuCount: 4, vcpus: 48, memoryGiB: 192 },
  'g6.48xlarge': { gpuType: 'L4', gpuCount: 8, vcpus: 192, memoryGiB: 768 },
  'g6e.xlarge': { gpuType: 'L40S', gpuCount: 1, vcpus: 4, memoryGiB: 32 },
  'g6e.2xlarge': { gpuType: 'L40S', gpuCount: 1, vcpus: 8, memoryGiB: 64 },
  'g6e.12xlarge': { gpuType: 'L40S', gpuCount: 4, vcpus: 48, memoryGiB: 384 },
  'g6e.24xlarge': { gpuType: 'L40S', gpuCount: 4, vcpus: 96, memoryGiB: 768 },
  'g6e.48xlarge': { gpuType: 'L40S', gpuCount: 8, vcpus: 192, memoryGiB: 1536 },
  'p4d.24xlarge': { gpuType: 'A100-40GB', gpuCount: 8, vcpus: 96, memoryGiB: 1152 },
  'p4de.24xlarge': { gpuType: 'A100-80GB', gpuCount: 8, vcpus: 96, memoryGiB: 1152 },
  'p5.4xlarge': { gpuType: 'H100', gpuCount: 1, vcpus: 16, memoryGiB: 256 },
  'p5.48xlarge': { gpuType: 'H100', gpuCount: 8, vcpus: 192, memoryGiB: 2048 },
  'p5en.48xlarge': { gpuType: 'H200', gpuCount: 8, vcpus: 192, memoryGiB: 2048 },
  'p6-b200.48xlarge': { gpuType: 'B200', gpuCount: 8, vcpus: 192, memoryGiB: 2048 },
} as const satisfies Record<string, Shape>;

type InstanceType = keyof typeof SHAPES;
type Region = 'us-east-1' | 'us-west-2' | 'eu-west-1' | 'ap-northeast-1';

/** [instance type, region, on-demand $/h, spot $/h, source when not the default]. */
type PriceRow = readonly [InstanceType, Region, number, number | null, string?];

const PRICES: readonly PriceRow[] = [
  ['g4dn.xlarge', 'ap-northeast-1', 0.71, 0.2576],
  ['g4dn.xlarge', 'eu-west-1', 0.587, 0.2602],
  ['g4dn.xlarge', 'us-east-1', 0.526, 0.2132],
  ['g4dn.xlarge', 'us-west-2', 0.526, 0.2147],
  ['g4dn.12xlarge', 'us-east-1', 3.912, 1.158],
  ['g4dn.12xlarge', 'us-west-2', 3.912, 1.3978],
  ['g4dn.metal', 'eu-west-1', 8.724, 3.6084],
  ['g4dn.metal', 'us-east-1', 7.824, 2.5404],
  ['g4dn.metal', 'us-west-2', 7.824, 2.8615],
  ['g5.xlarge', 'ap-northeast-1', 1.459, 0.662],
  ['g5.xlarge', 'eu-west-1', 1.123, 0.5868],
  ['g5.xlarge', 'us-east-1', 1.006, 0.4328],
  ['g5.xlarge', 'us-west-2', 1.006, 0.5232],
  ['g5.2xlarge', 'ap-northeast-1', 1.75776, 0.9174],
  ['g5.2xlarge', 'eu-west-1', 1.35296, 0.6341],
  ['g5.2xlarge', 'us-east-1', 1.212, 0.4859],
  ['g5.2xlarge', 'us-west-2', 1.212, 0.5247],
  ['g5.12xlarge', 'ap-northeast-1', 8.22609, 2.6196],
  ['g5.12xlarge', 'eu-west-1', 6.33167, 2.8608],
  ['g5.12xlarge', 'us-east-1', 5.672, 2.0453],
  ['g5.12xlarge', 'us-west-2', 5.672, 2.2733],
  ['g5.48xlarge', 'ap-northeast-1', 23.62246, 13.6464],
  ['g5.48xlarge', 'eu-west-1', 18.18233, 4.887],
  ['g5.48xlarge', 'us-east-1', 16.288, 6.3351],
  ['g5.48xlarge', 'us-west-2', 16.288, 6.0734],
  ['g6.xlarge', 'ap-northeast-1', 1.1672, 0.529],
  ['g6.xlarge', 'us-east-1', 0.8048, 0.347],
  ['g6.xlarge', 'us-west-2', 0.8048, 0.3539],
  ['g6.4xlarge', 'ap-northeast-1', 1.91903, 0.5573],
  ['g6.4xlarge', 'us-east-1', 1.3232, 0.5549],
  ['g6.4xlarge', 'us-west-2', 1.3232, 0.4477],
  ['g6.12xlarge', 'ap-northeast-1', 6.67369, 2.538],
  ['g6.12xlarge', 'us-east-1', 4.6016, 1.8308],
  ['g6.12xlarge', 'us-west-2', 4.6016, 2.1459],
  ['g6.48xlarge', 'us-east-1', 13.3504, 4.4334, SOURCE_PARTIAL_SPOT],
  ['g6.48xlarge', 'us-west-2', 13.3504, 4.6072],
  ['g6e.xlarge', 'ap-northeast-1', 2.699, 0.9351],
  ['g6e.xlarge', 'us-east-1', 1.861, 0.8783],
  ['g6e.xlarge', 'us-west-2', 1.861, 0.8597],
  ['g6e.2xlarge', 'ap-northeast-1', 3.25168, 1.3932],
  ['g6e.2xlarge', 'us-east-1', 2.24208, 0.8402],
  ['g6e.2xlarge', 'us-west-2', 2.24208, 0.968],
  ['g6e.12xlarge', 'ap-northeast-1', 15.21742, 2.1769],
  ['g6e.12xlarge', 'us-west-2', 10.49264, 3.249, SOURCE_PARTIAL_SPOT],
  ['g6e.24xlarge', 'ap-northeast-1', 21.84956, 3.8713],
  ['g6e.24xlarge', 'us-east-1', 15.06559, 4.437],
  ['g6e.24xlarge', 'us-west-2', 15.06559, 3.0287],
  ['g6e.48xlarge', 'ap-northeast-1', 43.69912, 8.171],
  ['g6e.48xlarge', 'us-east-1', 30.13118, 4.5998],
  ['p4d.24xlarge', 'ap-northeast-1', 30.09784, 10.3316],
  ['p4d.24xlarge', 'eu-west-1', 23.71569, 14.5352, SOURCE_PARTIAL_SPOT],
  ['p4d.24xlarge', 'us-east-1', 21.95764, 6.5323],
  ['p4d.24xlarge', 'us-west-2', 21.95764, 10.6942],
  ['p4de.24xlarge', 'ap-northeast-1', 37.6223, 12.546],
  ['p4de.24xlarge', 'us-east-1', 27.44705, 14.2574],
  ['p4de.24xlarge', 'us-west-2', 27.44705, 15.0545],
  ['p5.4xlarge', 'ap-northeast-1', 8.6, 3.2415],
  ['p5.4xlarge', 'us-east-1', 6.88, 5.4046],
  ['p5.4xlarge', 'us-west-2', 6.88, 4.8202],
  ['p5.48xlarge', 'ap-northeast-1', 68.8, 9.8505],
  ['p5.48xlarge', 'us-east-1', 55.04, 16.9508],
  ['p5.48xlarge', 'us-west-2', 55.04, 9.3722],
  ['p5en.48xlarge', 'ap-northeast-1', 79.12, 19.0969],
  ['p5en.48xlarge', 'us-east-1', 63.296, 15.8566],
  ['p5en.48xlarge', 'us-west-2', 63.296, 17.8226],
  ['p6-b200.48xlarge', 'us-east-1', 113.9328, 24.402],
  ['p6-b200.48xlarge', 'us-west-2', 113.9328, 25.4876],
];

function toOffering([instanceType, region, onDemandUsdPerHour, spotUsdPerHour, source]: PriceRow): Offering {
  const shape: Shape = SHAPES[instanceType];
  return {
    cloud: 'aws',
    instanceType,
    gpuType: shape.gpuType,
    gpuCount: shape.gpuCount,
    gpuMemoryGiB: GPU_MODELS[shape.gpuType].memoryGiB,
    vcpus: shape.vcpus,
    memoryGiB: shape.memoryGiB,
    region,
    zones: [],
    onDemandUsdPerHour,
    spotUsdPerHour,
    source: source ?? SOURCE,
  };
}

/** AWS rows of the bundled catalog (unsorted; the bundle sorts and validates them). */
export const AWS_OFFERINGS: readonly Offering[] = PRICES.map(toOffering);
