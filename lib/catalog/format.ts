/**
 * Renderings of a catalog for people (`modelplane catalog`) and for tools (`modelplane catalog --json`).
 */
import type { Catalog, Offering } from './offering';

interface Column {
  readonly header: string;
  readonly align: 'left' | 'right';
  readonly cell: (o: Offering) => string;
}

const COLUMNS: readonly Column[] = [
  { header: 'CLOUD', align: 'left', cell: (o) => o.cloud },
  { header: 'REGION', align: 'left', cell: (o) => o.region },
  { header: 'INSTANCE TYPE', align: 'left', cell: (o) => o.instanceType },
  { header: 'GPU', align: 'left', cell: (o) => o.gpuType },
  { header: 'COUNT', align: 'right', cell: (o) => formatNumber(o.gpuCount) },
  { header: 'GiB/GPU', align: 'right', cell: (o) => formatNumber(o.gpuMemoryGiB) },
  { header: 'vCPU', align: 'right', cell: (o) => String(o.vcpus) },
  { header: 'MEM GiB', align: 'right', cell: (o) => formatNumber(o.memoryGiB) },
  { header: 'ON-DEMAND $/h', align: 'right', cell: (o) => formatUsd(o.onDemandUsdPerHour) },
  { header: 'SPOT $/h', align: 'right', cell: (o) => (o.spotUsdPerHour === null ? '-' : formatUsd(o.spotUsdPerHour)) },
];

/**
 * A fixed-width text table: a title line (version, date, row count), a column header line, then one line per
 * offering in the catalog's order. Prices are per instance-hour in USD; `-` means not sold as spot.
 */
export function formatCatalogTable(catalog: Catalog): string {
  const rows = catalog.offerings.map((o) => COLUMNS.map((c) => c.cell(o)));
  const widths = COLUMNS.map((c, i) => Math.max(c.header.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((text, i) => (COLUMNS[i]!.align === 'right' ? text.padStart(widths[i]!) : text.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const count = catalog.offerings.length === 1 ? '1 offering' : `${catalog.offerings.length} offerings`;
  return [
    `GPU catalog ${catalog.version} (prices as of ${catalog.asOf}, ${count})`,
    line(COLUMNS.map((c) => c.header)),
    ...rows.map(line),
  ].join('\n');
}

/**
 * The catalog as a plain JSON-ready object (for `--json`): a fresh copy with fields in schema order, safe to
 * serialize or modify.
 */
export function catalogToJson(catalog: Catalog): Catalog {
  return {
    version: catalog.version,
    asOf: catalog.asOf,
    sources: [...catalog.sources],
    offerings: catalog.offerings.map((o) => ({
      cloud: o.cloud,
      instanceType: o.instanceType,
      gpuType: o.gpuType,
      gpuCount: o.gpuCount,
      gpuMemoryGiB: o.gpuMemoryGiB,
      vcpus: o.vcpus,
      memoryGiB: o.memoryGiB,
      region: o.region,
      zones: [...o.zones],
      onDemandUsdPerHour: o.onDemandUsdPerHour,
      spotUsdPerHour: o.spotUsdPerHour,
      source: o.source,
    })),
  };
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(3)));
}

function formatUsd(n: number): string {
  return n.toFixed(4);
}
