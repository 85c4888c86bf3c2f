import { describe, it, expect } from 'vitest';
import { BUNDLED_CATALOG, CatalogSchema, catalogToJson, formatCatalogTable, resolveCatalog } from '../../lib/catalog';
import { userOffering } from './fixtures';

describe('formatCatalogTable', () => {
  const text = formatCatalogTable(BUNDLED_CATALOG);
  const lines = text.split('\n');

  it('starts with the version, the date and the row count', () => {
    expect(lines[0]).toBe(`GPU catalog ${BUNDLED_CATALOG.version} (prices as of ${BUNDLED_CATALOG.asOf}, ${BUNDLED_CATALOG.offerings.length} offerings)`);
    expect(lines[1]).toMatch(/^CLOUD\s+REGION\s+INSTANCE TYPE\s+GPU\s+COUNT\s+GiB\/GPU\s+vCPU\s+MEM GiB\s+ON-DEMAND \$\/h\s+SPOT \$\/h$/);
  });

  it('has one line per offering, in catalog order', () => {
    expect(lines).toHaveLength(2 + BUNDLED_CATALOG.offerings.length);
    BUNDLED_CATALOG.offerings.forEach((o, i) => {
      const cells = lines[2 + i]!.split(/\s{2,}/);
      expect(cells.slice(0, 4)).toEqual([o.cloud, o.region, o.instanceType, o.gpuType]);
      expect(Number(cells[8])).toBeCloseTo(o.onDemandUsdPerHour, 3);
    });
  });

  it('is fixed-width: every line of the table has the same length', () => {
    const widths = new Set(lines.slice(1).map((l) => l.length));
    expect(widths.size).toBe(1);
  });

  it('shows fractional GPUs and rows without spot', () => {
    const catalog = resolveCatalog({
      mode: 'replace',
      offerings: [userOffering({ instanceType: 'g6f.large', gpuCount: 0.125, vcpus: 2, memoryGiB: 8, onDemandUsdPerHour: 0.2, spotUsdPerHour: null })],
    });
    const [, , row] = formatCatalogTable(catalog).split('\n');
    expect(row).toMatch(/g6f\.large\s+L4\s+0\.125\s+22\s+2\s+8\s+0\.2000\s+-$/);
    expect(formatCatalogTable(catalog).split('\n')[0]).toMatch(/, 1 offering\)$/);
  });
});

describe('catalogToJson', () => {
  it('gives a plain, unfrozen, schema-valid copy', () => {
    const json = catalogToJson(BUNDLED_CATALOG);
    expect(json).toEqual(BUNDLED_CATALOG);
    expect(json).not.toBe(BUNDLED_CATALOG);
    expect(Object.isFrozen(json.offerings[0])).toBe(false);
    expect(CatalogSchema.parse(JSON.parse(JSON.stringify(json)))).toEqual(json);
  });

  it('keeps fields in schema order, so the JSON output is stable', () => {
    expect(Object.keys(catalogToJson(BUNDLED_CATALOG).offerings[0]!)).toEqual([
      'cloud', 'instanceType', 'gpuType', 'gpuCount', 'gpuMemoryGiB', 'vcpus', 'memoryGiB', 'region', 'zones', 'onDemandUsdPerHour', 'spotUsdPerHour', 'source',
    ]);
  });
});
