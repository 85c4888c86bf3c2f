import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it, expect } from 'vitest';
import { BUNDLED_CATALOG, GPU_MODELS } from '../../lib/catalog';
import { findRow } from './fixtures';

/**
 * Checks the bundled rows against shared/reference/gpu-offerings.csv (SkyPilot catalog v9), which lives beside
 * the repository, not in it. Without the file these tests are skipped, and say so in their names.
 */
const CSV_PATH = path.resolve(__dirname, '../../../shared/reference/gpu-offerings.csv');
const haveCsv = fs.existsSync(CSV_PATH);
const skipped = haveCsv ? '' : ` (skipped: reference file ${CSV_PATH} not found)`;

interface ReferenceRow {
  readonly cloud: string;
  readonly instanceType: string;
  readonly accelerator: string;
  readonly gpuCount: number;
  readonly region: string;
  readonly onDemand: number | null;
  readonly spot: number | null;
  readonly notes: string;
}

function readReference(): ReferenceRow[] {
  const [header, ...lines] = fs.readFileSync(CSV_PATH, 'utf8').trim().split(/\r?\n/);
  const names = header!.split(',');
  const col = (cells: string[], name: string): string => cells[names.indexOf(name)] ?? '';
  const num = (text: string): number | null => (text === '' ? null : Number(text));
  return lines.map((line) => {
    const cells = line.split(',');
    return {
      cloud: col(cells, 'cloud'),
      instanceType: col(cells, 'instance_type'),
      accelerator: col(cells, 'accelerator_name'),
      gpuCount: Number(col(cells, 'accelerator_count')),
      region: col(cells, 'region'),
      onDemand: num(col(cells, 'price_per_hour_ondemand')),
      spot: num(col(cells, 'spot_price_per_hour')),
      // notes is the last column and may itself contain commas
      notes: cells.slice(names.indexOf('notes')).join(','),
    };
  });
}

const reference = haveCsv ? readReference() : [];
const withinOnePercent = (actual: number, expected: number): boolean => Math.abs(actual - expected) <= 0.01 * expected;

describe('bundled catalog against the reference CSV', () => {
  it.skipIf(!haveCsv)(`matches AWS on-demand prices within 1% for rows present in both${skipped}`, () => {
    const aws = reference.filter((r) => r.cloud === 'aws' && r.onDemand !== null);
    let compared = 0;
    for (const ref of aws) {
      const row = findRow(BUNDLED_CATALOG.offerings, 'aws', ref.region, ref.instanceType);
      if (row === undefined) continue;
      compared++;
      expect(withinOnePercent(row.onDemandUsdPerHour, ref.onDemand!), `${ref.instanceType} ${ref.region}: ${row.onDemandUsdPerHour} vs ${ref.onDemand}`).toBe(true);
      expect(row.gpuCount).toBe(ref.gpuCount);
    }
    expect(compared).toBeGreaterThanOrEqual(60);
  });

  it.skipIf(!haveCsv)(`bundles every AWS reference row that has an on-demand price${skipped}`, () => {
    const missing = reference
      .filter((r) => r.cloud === 'aws' && r.onDemand !== null)
      .filter((r) => findRow(BUNDLED_CATALOG.offerings, 'aws', r.region, r.instanceType) === undefined)
      .map((r) => `${r.instanceType} ${r.region}`);
    expect(missing).toEqual([]);
  });

  it.skipIf(!haveCsv)(`keeps GCP L4 prices, which the reference has consistent${skipped}`, () => {
    const l4 = reference.filter((r) => r.cloud === 'gcp' && r.accelerator === 'L4');
    expect(l4.length).toBeGreaterThan(0);
    for (const ref of l4) {
      const row = findRow(BUNDLED_CATALOG.offerings, 'gcp', ref.region, ref.instanceType);
      expect(row, `${ref.instanceType} ${ref.region}`).toBeDefined();
      expect(withinOnePercent(row!.onDemandUsdPerHour, ref.onDemand!)).toBe(true);
      // the reference says 24 (GB); the catalog says what the driver reports
      expect(row!.gpuMemoryGiB).toBe(GPU_MODELS.L4.memoryGiB);
    }
  });

  it.skipIf(!haveCsv)(`repairs every GCP row the reference flags with spot above on-demand${skipped}`, () => {
    const flagged = reference.filter((r) => r.cloud === 'gcp' && r.notes.includes('GPU spot > on-demand'));
    expect(flagged.length).toBeGreaterThan(0);
    let compared = 0;
    for (const ref of flagged) {
      const row = findRow(BUNDLED_CATALOG.offerings, 'gcp', ref.region, ref.instanceType);
      if (row === undefined) continue; // dropped on purpose (not sold on-demand)
      compared++;
      expect(row.onDemandUsdPerHour, `${ref.instanceType} ${ref.region}`).toBeGreaterThan(ref.onDemand!);
      expect(row.spotUsdPerHour!, `${ref.instanceType} ${ref.region}`).toBeLessThanOrEqual(row.onDemandUsdPerHour);
    }
    expect(compared).toBeGreaterThanOrEqual(10);
  });
});
