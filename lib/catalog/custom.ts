/**
 * Your own GPU offerings: negotiated prices, other regions, instance types the bundled catalog leaves out.
 *
 * - `parseCatalog` validates a whole catalog (a file a team keeps next to its specs).
 * - `resolveCatalog` extends or replaces the bundled catalog with rows (the CLI's `--catalog` path).
 * - `CatalogOverrideSchema` is the platform spec's `catalog:` section; `applyCatalogOverride` applies it.
 *
 * Extending replaces bundled rows that have the same cloud/region/instanceType (`offeringKey`) and adds the
 * others; replacing keeps only your rows. Either way the result is sorted like the bundled catalog, so the same
 * inputs always give the same catalog.
 */
import { z } from 'zod';
import { ModelplaneError, Problem } from '../errors';
import { problemsFromZod } from '../zod-problems';
import { BUNDLED_CATALOG } from './bundled';
import { Catalog, CatalogSchema, Offering, OfferingSchema, offeringKey } from './offering';
import { duplicateOfferingProblems, sortOfferings } from './private/order';

/** How user rows combine with a base catalog. */
export const CATALOG_MODES = ['extend', 'replace'] as const;
export type CatalogMode = (typeof CATALOG_MODES)[number];

/** The platform spec's `catalog:` section: your own offerings, added to or instead of the bundled ones. */
export const CatalogOverrideSchema = z.strictObject({
  mode: z
    .enum(CATALOG_MODES)
    .default('extend')
    .describe('extend: your rows replace bundled rows with the same cloud/region/instanceType and add the rest; replace: only your rows are used. @default extend'),
  offerings: z.array(OfferingSchema).min(1).describe('Your offerings, one per cloud/region/instanceType.'),
});

/** A validated `catalog:` section (mode defaulted). */
export type CatalogOverride = z.output<typeof CatalogOverrideSchema>;
/** A `catalog:` section as written (mode optional). */
export type CatalogOverrideInput = z.input<typeof CatalogOverrideSchema>;

const ROOT = 'catalog';

/**
 * Validates a whole catalog supplied by a user.
 * @param input the parsed YAML/JSON document
 * @param source where it came from (a file name), used in the error title
 * @throws ModelplaneError with every problem at once, paths prefixed `catalog` (`catalog.offerings[0].gpuCount`)
 */
export function parseCatalog(input: unknown, source?: string): Catalog {
  const title = source === undefined ? 'Invalid GPU catalog' : `Invalid GPU catalog in ${source}`;
  const parsed = CatalogSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) throw new ModelplaneError(problemsFromZod(parsed.error.issues, [ROOT]), title);
  const duplicates = duplicateOfferingProblems(parsed.data.offerings, [ROOT, 'offerings']);
  if (duplicates.length > 0) throw new ModelplaneError(duplicates, title);
  return { ...parsed.data, offerings: sortOfferings(parsed.data.offerings) };
}

export interface ResolveCatalogOptions {
  /** Your rows, validated here. @default - none: the base catalog is returned as it is */
  readonly offerings?: readonly unknown[];
  /** How your rows combine with the base catalog. @default 'extend' */
  readonly mode?: CatalogMode;
  /** The catalog to start from. @default - the bundled catalog */
  readonly catalog?: Catalog;
}

/**
 * The catalog in use: a base catalog (the bundled one by default) extended or replaced by your rows.
 * @throws ModelplaneError when a row is invalid or repeated, paths like `catalog.offerings[2].spotUsdPerHour`
 */
export function resolveCatalog(options: ResolveCatalogOptions = {}): Catalog {
  const base = options.catalog ?? BUNDLED_CATALOG;
  if (options.offerings === undefined) return base;
  const parsed = CatalogOverrideSchema.safeParse({ mode: options.mode, offerings: options.offerings }, { reportInput: true });
  if (!parsed.success) throw new ModelplaneError(problemsFromZod(parsed.error.issues, [ROOT]), 'Invalid GPU catalog offerings');
  return applyCatalogOverride(base, parsed.data);
}

/**
 * Applies a validated `catalog:` section to a base catalog. The result's version is `<base version>+custom` and
 * its sources say how many rows you supplied; `asOf` stays the base catalog's.
 * @throws ModelplaneError when two of your rows share a cloud/region/instanceType
 */
export function applyCatalogOverride(base: Catalog, override: { readonly mode?: CatalogMode; readonly offerings: readonly Offering[] }): Catalog {
  const mode: CatalogMode = override.mode ?? 'extend';
  const duplicates: Problem[] = duplicateOfferingProblems(override.offerings, [ROOT, 'offerings']);
  if (duplicates.length > 0) throw new ModelplaneError(duplicates, 'Invalid GPU catalog offerings');

  const userRows = override.offerings.map(copyOffering);
  let rows: Offering[];
  if (mode === 'replace') {
    rows = userRows;
  } else {
    const userKeys = new Set(userRows.map(offeringKey));
    rows = [...base.offerings.filter((o) => !userKeys.has(offeringKey(o))).map(copyOffering), ...userRows];
  }
  const count = userRows.length === 1 ? '1 offering' : `${userRows.length} offerings`;
  return {
    version: `${base.version}+custom`,
    asOf: base.asOf,
    sources: mode === 'replace' ? [`user-supplied catalog (${count}, replaces ${base.version})`] : [...base.sources, `user-supplied catalog (${count}, extends ${base.version})`],
    offerings: sortOfferings(rows),
  };
}

/** A fresh, unfrozen copy of a row, so a derived catalog never shares arrays with the bundled one. */
function copyOffering(o: Offering): Offering {
  return { ...o, zones: [...o.zones] };
}
