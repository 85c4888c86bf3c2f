import { describe, it, expect } from 'vitest';
import { BUNDLED_CATALOG, CatalogSchema, GPU_MODELS, GPU_TYPES, OfferingSchema, offeringKey } from '../../lib/catalog';
import { findRow } from './fixtures';

const rows = BUNDLED_CATALOG.offerings;

describe('bundled catalog: validity', () => {
  it('validates as a whole catalog', () => {
    expect(CatalogSchema.safeParse(BUNDLED_CATALOG).success).toBe(true);
    expect(BUNDLED_CATALOG.version).toMatch(/^\d{4}\.\d{2}\.\d+$/);
    expect(BUNDLED_CATALOG.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(BUNDLED_CATALOG.sources.length).toBeGreaterThan(0);
  });

  it('validates row by row', () => {
    for (const row of rows) {
      const result = OfferingSchema.safeParse(row);
      expect(result.success, `${offeringKey(row)}: ${result.success ? '' : result.error.message}`).toBe(true);
    }
  });

  it('has no duplicate cloud/region/instanceType', () => {
    const keys = rows.map(offeringKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('is sorted by cloud, region, GPU type, then size', () => {
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1]!, rows[i]!];
      const order =
        a.cloud.localeCompare(b.cloud, 'en') ||
        a.region.localeCompare(b.region, 'en') ||
        GPU_TYPES.indexOf(a.gpuType) - GPU_TYPES.indexOf(b.gpuType) ||
        a.gpuCount - b.gpuCount ||
        a.vcpus - b.vcpus;
      expect(order, `${offeringKey(a)} before ${offeringKey(b)}`).toBeLessThanOrEqual(0);
    }
  });

  it('is frozen, so nobody edits the shared catalog by accident', () => {
    expect(Object.isFrozen(BUNDLED_CATALOG)).toBe(true);
    expect(Object.isFrozen(BUNDLED_CATALOG.offerings)).toBe(true);
    expect(Object.isFrozen(rows[0])).toBe(true);
  });
});

describe('bundled catalog: coverage', () => {
  it.each(GPU_TYPES)('offers %s on at least one cloud', (gpu) => {
    expect(rows.some((o) => o.gpuType === gpu)).toBe(true);
  });

  it.each(['aws', 'gcp'] as const)('covers at least 3 regions on %s', (cloud) => {
    const regions = new Set(rows.filter((o) => o.cloud === cloud).map((o) => o.region));
    expect(regions.size).toBeGreaterThanOrEqual(3);
  });

  it('offers each GPU only on the clouds that sell it', () => {
    for (const row of rows) {
      const model = GPU_MODELS[row.gpuType];
      const name = row.cloud === 'aws' ? model.awsGpuName : model.gkeAccelerator;
      expect(name, `${offeringKey(row)} has no ${row.cloud} name for ${row.gpuType}`).toBeDefined();
    }
  });

  it('prices GCP T4 as real N1 machine types, not GPU-only', () => {
    const t4 = rows.filter((o) => o.cloud === 'gcp' && o.gpuType === 'T4');
    expect(t4.length).toBeGreaterThan(0);
    for (const row of t4) {
      expect(row.instanceType).toMatch(/^n1-standard-\d+$/);
      expect(row.source).toMatch(/n1-standard-\d+ host/);
      // host + GPU is more than the GPU alone (T4 list price is at most $0.37/GPU-hour in these regions)
      expect(row.onDemandUsdPerHour).toBeGreaterThan(0.37 * row.gpuCount);
    }
    expect(findRow(rows, 'gcp', 'us-central1', 'n1-standard-4')?.onDemandUsdPerHour).toBeCloseTo(0.35 + 4 * 0.0475, 3);
  });

  it('leaves out GCP shapes that are not sold on-demand', () => {
    for (const type of ['a3-highgpu-1g', 'a3-highgpu-2g', 'a3-highgpu-4g', 'a3-ultragpu-8g', 'a4-highgpu-8g']) {
      expect(rows.filter((o) => o.instanceType === type)).toEqual([]);
    }
  });
});

describe('bundled catalog: internal consistency', () => {
  it('never prices spot above on-demand', () => {
    for (const row of rows) {
      if (row.spotUsdPerHour !== null) expect(row.spotUsdPerHour, offeringKey(row)).toBeLessThanOrEqual(row.onDemandUsdPerHour);
    }
  });

  it('gives per-GPU memory as GPU_MODELS does', () => {
    for (const row of rows) expect(row.gpuMemoryGiB, offeringKey(row)).toBe(GPU_MODELS[row.gpuType].memoryGiB);
  });

  it('lists GCP zones of the row region, and no AWS zones', () => {
    for (const row of rows) {
      if (row.cloud === 'aws') {
        expect(row.zones, offeringKey(row)).toEqual([]);
      } else {
        expect(row.zones.length, offeringKey(row)).toBeGreaterThan(0);
        for (const zone of row.zones) expect(zone, offeringKey(row)).toMatch(new RegExp(`^${row.region}-[a-z]$`));
        expect(new Set(row.zones).size).toBe(row.zones.length);
      }
    }
  });

  it('gives the same zones to every machine type of one GPU in one region', () => {
    const byGpuRegion = new Map<string, string>();
    for (const row of rows.filter((o) => o.cloud === 'gcp')) {
      const key = `${row.gpuType}/${row.region}`;
      const zones = row.zones.join(',');
      expect(byGpuRegion.get(key) ?? zones, offeringKey(row)).toBe(zones);
      byGpuRegion.set(key, zones);
    }
  });

  it('keeps prices per GPU-hour within sane bounds ($0.10 to $20)', () => {
    for (const row of rows) {
      const perGpu = row.onDemandUsdPerHour / row.gpuCount;
      expect(perGpu, offeringKey(row)).toBeGreaterThanOrEqual(0.1);
      expect(perGpu, offeringKey(row)).toBeLessThanOrEqual(20);
      if (row.spotUsdPerHour !== null) expect(row.spotUsdPerHour / row.gpuCount, offeringKey(row)).toBeGreaterThanOrEqual(0.05);
    }
  });

  it('prices bigger machines of one family in one region higher', () => {
    const groups = new Map<string, typeof rows[number][]>();
    for (const row of rows) {
      const family = row.instanceType.split(/[.-]\d*x?large$|-\d+g$|-\d+$|\.metal$/)[0]!;
      const key = `${row.cloud}/${row.region}/${family}/${row.gpuType}`;
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    for (const [key, group] of groups) {
      const sorted = [...group].sort((a, b) => a.gpuCount - b.gpuCount || a.vcpus - b.vcpus);
      for (let i = 1; i < sorted.length; i++) {
        expect(sorted[i]!.onDemandUsdPerHour, `${key}: ${sorted[i]!.instanceType} vs ${sorted[i - 1]!.instanceType}`).toBeGreaterThan(sorted[i - 1]!.onDemandUsdPerHour);
      }
    }
  });

  it('gives one GCP H100 list price per GPU across US regions', () => {
    const central = findRow(rows, 'gcp', 'us-central1', 'a3-highgpu-8g')!;
    const east = findRow(rows, 'gcp', 'us-east4', 'a3-highgpu-8g')!;
    // the reference had us-central1 at less than half of us-east4 (a discounted DWS SKU)
    expect(Math.abs(central.onDemandUsdPerHour - east.onDemandUsdPerHour) / east.onDemandUsdPerHour).toBeLessThan(0.01);
  });

  it('names the origin of every row', () => {
    for (const row of rows) expect(row.source, offeringKey(row)).toMatch(/SkyPilot catalog v9|GCP list price|Cyclenerd/);
  });
});
