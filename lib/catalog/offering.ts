import { z } from 'zod';
import { GPU_MODELS, GPU_TYPES } from './gpu-types';

/** The clouds modelplane places services on. */
export const CLOUDS = ['aws', 'gcp'] as const;
export type Cloud = (typeof CLOUDS)[number];

/**
 * One GPU offering: an instance (AWS) or machine (GCP) type with its GPUs, in one region, with prices.
 * Rows are validated by this schema whether they come from the bundled catalog or from a user's own.
 */
export const OfferingSchema = z
  .strictObject({
    cloud: z.enum(CLOUDS).describe('Cloud that sells the offering.'),
    instanceType: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]*$/, 'an instance or machine type such as g6.xlarge or g2-standard-8')
      .describe('AWS instance type or GCP machine type.'),
    gpuType: z.enum(GPU_TYPES).describe('GPU model.'),
    gpuCount: z
      .number()
      .positive()
      .max(16)
      .describe('GPUs per instance; fractional for a shared GPU (e.g. 0.125 of an L4).'),
    gpuMemoryGiB: z.number().positive().max(1024).describe('Memory of one whole GPU, in GiB.'),
    vcpus: z.number().int().positive().describe('vCPUs per instance.'),
    memoryGiB: z.number().positive().describe('Host memory per instance, in GiB.'),
    region: z.string().regex(/^[a-z]{2,}(-[a-z0-9]+)+$/, 'a region such as us-east-1 or us-central1'),
    zones: z
      .array(z.string().regex(/^[a-z]{2,}(-[a-z0-9]+)+$/))
      .describe(
        'Zones of the region that offer this GPU. GCP: zone names (us-central1-a). AWS: empty, because AZ names are per account; node groups span the VPC subnets instead.',
      ),
    onDemandUsdPerHour: z.number().positive().describe('On-demand price per instance-hour, USD.'),
    spotUsdPerHour: z.number().positive().nullable().describe('Spot price per instance-hour, USD; null when not sold as spot.'),
    source: z.string().min(1).describe('Where the row comes from (price list, date).'),
  })
  .refine((o) => o.spotUsdPerHour === null || o.spotUsdPerHour <= o.onDemandUsdPerHour, {
    message: 'spot price must not exceed the on-demand price',
    path: ['spotUsdPerHour'],
  })
  // A GPU a cloud's schedulers have no name for cannot be placed there (GKE node selectors, EKS GPU names).
  .refine((o) => (o.cloud === 'gcp' ? GPU_MODELS[o.gpuType].gkeAccelerator !== undefined : GPU_MODELS[o.gpuType].awsGpuName !== undefined), {
    message: 'this GPU type is not offered on that cloud (no GKE accelerator / EKS GPU name is known for it)',
    path: ['gpuType'],
  });

export type Offering = z.output<typeof OfferingSchema>;

/** A versioned set of offerings. */
export const CatalogSchema = z.strictObject({
  version: z.string().min(1).describe('Catalog version; changes when prices or rows change.'),
  asOf: z.iso.date().describe('Date the prices were taken (YYYY-MM-DD).'),
  sources: z.array(z.string().min(1)).min(1).describe('Where the prices and facts come from.'),
  offerings: z.array(OfferingSchema).min(1),
});

export type Catalog = z.output<typeof CatalogSchema>;

/** A stable key for one offering row: cloud/region/instanceType. */
export function offeringKey(o: Pick<Offering, 'cloud' | 'region' | 'instanceType'>): string {
  return `${o.cloud}/${o.region}/${o.instanceType}`;
}
