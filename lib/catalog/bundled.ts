/**
 * The GPU catalog that ships with modelplane: curated AWS and GCP offerings with prices, a version and a date.
 *
 * It is data, not a lookup: planning is offline and deterministic, so the same spec and the same catalog version
 * always give the same plan. A change of rows or prices is a new `version` (YYYY.MM.N), noted in the changelog.
 * Bring your own rows (negotiated prices, other regions) with `resolveCatalog` or the platform's `catalog:`.
 */
import { ModelplaneError } from '../errors';
import { problemsFromZod } from '../zod-problems';
import { AWS_OFFERINGS } from './data/aws-offerings';
import { GCP_OFFERINGS } from './data/gcp-offerings';
import { Catalog, CatalogSchema } from './offering';
import { deepFreeze, duplicateOfferingProblems, sortOfferings } from './private/order';

/** Version of the bundled catalog. Changes whenever a row or a price changes. */
export const BUNDLED_CATALOG_VERSION = '2026.11.1';

/** Date the bundled rows were curated and checked (the sources below carry their own dates). */
export const BUNDLED_CATALOG_AS_OF = '2026-11-23';

const SOURCES: readonly string[] = [
  'SkyPilot catalog v9 (skypilot-org/skypilot-catalog 2c3d7ea): AWS Price List API and EC2 spot prices; GCP Cloud Billing Catalog prices and per-zone GPU availability',
  'GCP list prices per machine type, Cloud Billing Catalog as compiled by Cyclenerd/google-cloud-pricing-cost-calculator pricing.yml (generated 2025-03-06): repairs GCP A100/H100 on-demand prices and prices N1 hosts for T4',
  'GCP accelerator-optimized machine docs: a3-highgpu-1g/2g/4g, A3 Ultra (H200) and A4 (B200) are not sold on-demand, so they are not bundled',
];

/** Validates rows built in code; a failure here is a modelplane bug, reported like any input problem. */
function validateBundled(draft: unknown): Catalog {
  const parsed = CatalogSchema.safeParse(draft, { reportInput: true });
  if (!parsed.success) {
    throw new ModelplaneError(problemsFromZod(parsed.error.issues, ['bundledCatalog']), 'The bundled GPU catalog is invalid (a modelplane bug, please report it)');
  }
  const duplicates = duplicateOfferingProblems(parsed.data.offerings, ['bundledCatalog', 'offerings']);
  if (duplicates.length > 0) {
    throw new ModelplaneError(duplicates, 'The bundled GPU catalog is invalid (a modelplane bug, please report it)');
  }
  return parsed.data;
}

/**
 * The bundled catalog, validated once when this module loads, rows sorted by cloud, region, GPU type and
 * instance type. Frozen: derive a new catalog (`resolveCatalog`, `applyCatalogOverride`) instead of editing it.
 */
export const BUNDLED_CATALOG: Catalog = deepFreeze(
  validateBundled({
    version: BUNDLED_CATALOG_VERSION,
    asOf: BUNDLED_CATALOG_AS_OF,
    sources: [...SOURCES],
    offerings: sortOfferings([...AWS_OFFERINGS, ...GCP_OFFERINGS]),
  }),
);
