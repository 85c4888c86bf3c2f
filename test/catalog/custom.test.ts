import { describe, it, expect } from 'vitest';
import {
  BUNDLED_CATALOG,
  CatalogOverrideSchema,
  applyCatalogOverride,
  catalogToJson,
  offeringKey,
  parseCatalog,
  resolveCatalog,
} from '../../lib/catalog';
import { ERROR_CODES, ModelplaneError, Problem } from '../../lib/errors';
import { findRow, userOffering } from './fixtures';

function problemsOf(fn: () => unknown): readonly Problem[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ModelplaneError);
    return (e as ModelplaneError).problems;
  }
  throw new Error('expected a ModelplaneError');
}

describe('resolveCatalog', () => {
  it('returns the bundled catalog when given no rows', () => {
    expect(resolveCatalog()).toBe(BUNDLED_CATALOG);
  });

  it('extends: a row with the same key replaces the bundled one, a new key is added', () => {
    const negotiated = userOffering({ region: 'us-east-1', instanceType: 'g6.xlarge', onDemandUsdPerHour: 0.6, spotUsdPerHour: 0.3 });
    const frankfurt = userOffering();
    const catalog = resolveCatalog({ offerings: [negotiated, frankfurt] });

    expect(catalog.offerings).toHaveLength(BUNDLED_CATALOG.offerings.length + 1);
    expect(findRow(catalog.offerings, 'aws', 'us-east-1', 'g6.xlarge')?.onDemandUsdPerHour).toBe(0.6);
    expect(findRow(catalog.offerings, 'aws', 'eu-central-1', 'g6.xlarge')?.source).toBe('negotiated price sheet 2026-10');
    expect(findRow(catalog.offerings, 'gcp', 'us-central1', 'g2-standard-4')).toEqual(findRow(BUNDLED_CATALOG.offerings, 'gcp', 'us-central1', 'g2-standard-4'));
    expect(catalog.version).toBe(`${BUNDLED_CATALOG.version}+custom`);
    expect(catalog.sources.at(-1)).toMatch(/2 offerings, extends/);
  });

  it('extends without touching the bundled catalog', () => {
    const before = JSON.stringify(BUNDLED_CATALOG);
    const catalog = resolveCatalog({ offerings: [userOffering({ region: 'us-east-1', onDemandUsdPerHour: 0.5, spotUsdPerHour: null })] });
    expect(JSON.stringify(BUNDLED_CATALOG)).toBe(before);
    expect(Object.isFrozen(catalog.offerings)).toBe(false);
  });

  it('replaces: only the user rows remain', () => {
    const catalog = resolveCatalog({ mode: 'replace', offerings: [userOffering(), userOffering({ instanceType: 'g6.12xlarge', gpuCount: 4, vcpus: 48, memoryGiB: 192, onDemandUsdPerHour: 4 })] });
    expect(catalog.offerings.map(offeringKey)).toEqual(['aws/eu-central-1/g6.xlarge', 'aws/eu-central-1/g6.12xlarge']);
    expect(catalog.sources).toHaveLength(1);
  });

  it('orders the merged rows deterministically, whatever the input order', () => {
    const rows = [userOffering(), userOffering({ cloud: 'gcp', instanceType: 'g2-standard-4', region: 'us-west1', zones: ['us-west1-a'] })];
    const a = resolveCatalog({ offerings: rows });
    const b = resolveCatalog({ offerings: [...rows].reverse() });
    expect(a).toEqual(b);
  });

  it('reports an invalid row at its exact path', () => {
    const problems = problemsOf(() => resolveCatalog({ offerings: [userOffering({ gpuCount: 0 })] }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: ERROR_CODES.OUT_OF_RANGE, path: 'catalog.offerings[0].gpuCount', received: '0' });
  });

  it('refuses a GPU on a cloud whose schedulers have no name for it (L40S on GCP, H100-MEGA on AWS)', () => {
    const problems = problemsOf(() =>
      resolveCatalog({
        offerings: [
          userOffering({ cloud: 'gcp', instanceType: 'x-l40s-1', gpuType: 'L40S', gpuMemoryGiB: 44, region: 'us-west1', zones: ['us-west1-a'] }),
          userOffering({ gpuType: 'H100-MEGA', gpuMemoryGiB: 79, instanceType: 'p5.mega' }),
        ],
      }),
    );
    expect(problems.map((p) => p.path)).toEqual(['catalog.offerings[0].gpuType', 'catalog.offerings[1].gpuType']);
    expect(problems[0]?.message).toContain('not offered on that cloud');
  });

  it('reports every problem of every row at once', () => {
    const problems = problemsOf(() =>
      resolveCatalog({
        offerings: [
          userOffering({ spotUsdPerHour: 2 }),
          { ...userOffering(), gpuType: 'RTX4090', price: 1 },
        ],
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'catalog.offerings[0].spotUsdPerHour', message: expect.stringMatching(/spot price must not exceed/) }),
        expect.objectContaining({ code: ERROR_CODES.INVALID_VALUE, path: 'catalog.offerings[1].gpuType' }),
        expect.objectContaining({ code: ERROR_CODES.UNKNOWN_FIELD, path: 'catalog.offerings[1].price' }),
      ]),
    );
  });

  it('refuses two user rows with the same cloud/region/instanceType', () => {
    const problems = problemsOf(() => resolveCatalog({ offerings: [userOffering(), userOffering({ onDemandUsdPerHour: 1 })] }));
    expect(problems[0]).toMatchObject({ code: ERROR_CODES.DUPLICATE_NAME, path: 'catalog.offerings[1]' });
  });

  it('refuses an unknown mode and an empty list', () => {
    expect(problemsOf(() => resolveCatalog({ mode: 'merge' as never, offerings: [userOffering()] }))[0]).toMatchObject({ code: ERROR_CODES.INVALID_VALUE, path: 'catalog.mode' });
    expect(problemsOf(() => resolveCatalog({ offerings: [] }))[0]).toMatchObject({ code: ERROR_CODES.OUT_OF_RANGE, path: 'catalog.offerings' });
  });
});

describe('CatalogOverrideSchema and applyCatalogOverride', () => {
  it('defaults the mode to extend', () => {
    const parsed = CatalogOverrideSchema.parse({ offerings: [userOffering()] });
    expect(parsed.mode).toBe('extend');
    const catalog = applyCatalogOverride(BUNDLED_CATALOG, parsed);
    expect(catalog.offerings).toHaveLength(BUNDLED_CATALOG.offerings.length + 1);
  });

  it('replaces when asked', () => {
    const parsed = CatalogOverrideSchema.parse({ mode: 'replace', offerings: [userOffering()] });
    expect(applyCatalogOverride(BUNDLED_CATALOG, parsed).offerings).toHaveLength(1);
  });

  it('refuses unknown fields of the section', () => {
    expect(CatalogOverrideSchema.safeParse({ offerings: [userOffering()], extend: true }).success).toBe(false);
  });
});

describe('parseCatalog', () => {
  it('accepts the bundled catalog as JSON and gives it back sorted', () => {
    const json = catalogToJson(BUNDLED_CATALOG);
    const shuffled = { ...json, offerings: [...json.offerings].reverse() };
    expect(parseCatalog(shuffled)).toEqual(json);
  });

  it('names the file and prefixes paths with catalog', () => {
    const input = { version: '1', asOf: '2026-13-01', sources: ['sheet'], offerings: [userOffering({ vcpus: 4.5 })] };
    try {
      parseCatalog(input, 'prices.yaml');
      expect.unreachable();
    } catch (e) {
      const error = e as ModelplaneError;
      expect(error.message).toMatch(/^Invalid GPU catalog in prices\.yaml/);
      expect(error.problems.map((p) => p.path)).toEqual(['catalog.asOf', 'catalog.offerings[0].vcpus']);
    }
  });

  it('reports a missing field as required', () => {
    const problems = problemsOf(() => parseCatalog({ asOf: '2026-11-01', sources: ['x'], offerings: [userOffering()] }));
    expect(problems[0]).toMatchObject({ code: ERROR_CODES.REQUIRED, path: 'catalog.version' });
  });
});
