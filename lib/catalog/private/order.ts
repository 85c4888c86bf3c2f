import { ERROR_CODES, Problem, formatPath } from '../../errors';
import { GPU_TYPES } from '../gpu-types';
import { Offering, offeringKey } from '../offering';

/**
 * The one order of catalog rows: cloud, region, GPU type (catalog order, T4 first), then instance type, smallest
 * first (GPUs, then vCPUs, then the name with numbers compared as numbers). Plain code-unit comparisons, no
 * locale: the same rows sort the same on every machine.
 */
export function compareOfferings(a: Offering, b: Offering): number {
  return (
    compareText(a.cloud, b.cloud) ||
    compareText(a.region, b.region) ||
    GPU_TYPES.indexOf(a.gpuType) - GPU_TYPES.indexOf(b.gpuType) ||
    a.gpuCount - b.gpuCount ||
    a.vcpus - b.vcpus ||
    compareNatural(a.instanceType, b.instanceType)
  );
}

/** A sorted copy; the input is left as it is. */
export function sortOfferings(offerings: readonly Offering[]): Offering[] {
  return [...offerings].sort(compareOfferings);
}

/** One problem per row whose cloud/region/instanceType already appeared earlier in the list. */
export function duplicateOfferingProblems(offerings: readonly Offering[], listPath: readonly PropertyKey[]): Problem[] {
  const firstIndex = new Map<string, number>();
  const problems: Problem[] = [];
  offerings.forEach((o, i) => {
    const key = offeringKey(o);
    const first = firstIndex.get(key);
    if (first === undefined) {
      firstIndex.set(key, i);
      return;
    }
    problems.push({
      code: ERROR_CODES.DUPLICATE_NAME,
      path: formatPath([...listPath, i]),
      message: `repeats the offering ${key} of ${formatPath([...listPath, first])}`,
      received: JSON.stringify(key),
      allowed: 'one row per cloud, region and instance type',
      fix: 'remove one of the two rows, or merge them',
    });
  });
  return problems;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareNatural(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    const bothNumbers = /^\d/.test(x) && /^\d/.test(y);
    const c = bothNumbers ? Number(x) - Number(y) : compareText(x, y);
    if (c !== 0) return c;
  }
  return pa.length - pb.length || compareText(a, b);
}

/** Freezes a catalog's rows and lists so shared catalogs cannot be changed by accident. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}
