import type { Offering } from '../../lib/catalog';

/** A valid user row in a region the bundled catalog does not cover. */
export function userOffering(overrides: Partial<Offering> = {}): Offering {
  return {
    cloud: 'aws',
    instanceType: 'g6.xlarge',
    gpuType: 'L4',
    gpuCount: 1,
    gpuMemoryGiB: 22,
    vcpus: 4,
    memoryGiB: 16,
    region: 'eu-central-1',
    zones: [],
    onDemandUsdPerHour: 0.9,
    spotUsdPerHour: 0.4,
    source: 'negotiated price sheet 2026-10',
    ...overrides,
  };
}

/** Finds a row by its key parts; never by array position. */
export function findRow(offerings: readonly Offering[], cloud: string, region: string, instanceType: string): Offering | undefined {
  return offerings.find((o) => o.cloud === cloud && o.region === region && o.instanceType === instanceType);
}
