import type { Catalog } from '../catalog/offering';
import { GPU_MODELS, GpuType, supportsPrecision } from '../catalog/gpu-types';
import { ERROR_CODES, Problem, formatPath } from '../errors';
import type { ServiceSpec } from './service';

/**
 * Rules that need the catalog in use: GPU types it offers, precisions those GPUs run, regions it has for
 * the allowed clouds, and whether the strategy can be met at all. Stage 3 of validation, after shape and
 * cross-field rules; reports at exact paths under `prefix`.
 */
export function checkAgainstCatalog(spec: ServiceSpec, catalog: Catalog, prefix: readonly PropertyKey[] = []): Problem[] {
  const problems: Problem[] = [];
  const at = (...path: PropertyKey[]) => formatPath([...prefix, ...path]);
  const offered = new Set(catalog.offerings.map((o) => o.gpuType));
  const known = [...offered].sort().join(', ');
  const precision = spec.model.precision;

  const checkGpu = (type: GpuType, path: PropertyKey[]) => {
    if (!offered.has(type)) {
      problems.push({
        code: ERROR_CODES.UNKNOWN_GPU,
        path: at(...path),
        message: 'is not offered by the catalog in use',
        received: JSON.stringify(type),
        allowed: known,
        fix: 'choose a GPU type from the catalog (`modelplane catalog`) or add offerings for it in `catalog`',
      });
    } else if (!supportsPrecision(type, precision)) {
      problems.push({
        code: ERROR_CODES.PRECISION_UNSUPPORTED,
        path: at(...path),
        message: `cannot run ${precision} (${GPU_MODELS[type].generation} GPUs run ${GPU_MODELS[type].precisions.join(', ')})`,
        received: JSON.stringify(type),
        allowed: `GPUs that run ${precision}: ${[...offered].filter((t) => supportsPrecision(t, precision)).sort().join(', ')}`,
        fix: `choose another GPU or change model.precision (e.g. fp16 on ${type})`,
      });
    }
  };
  const gpu = spec.resources.gpu;
  if (gpu !== 'auto') {
    if ('type' in gpu) checkGpu(gpu.type, ['resources', 'gpu', 'type']);
    else gpu.anyOf.forEach((t, i) => checkGpu(t, ['resources', 'gpu', 'anyOf', i]));
  }

  const clouds = new Set(spec.placement.clouds);
  const regionsOffered = new Set(catalog.offerings.filter((o) => clouds.has(o.cloud)).map((o) => o.region));
  const regions = spec.placement.regions;
  regions?.forEach((r, i) => {
    if (!regionsOffered.has(r)) {
      problems.push({
        code: ERROR_CODES.UNKNOWN_REGION,
        path: at('placement', 'regions', i),
        message: `is not offered by the catalog for ${[...clouds].join(', ')}`,
        received: JSON.stringify(r),
        allowed: [...regionsOffered].sort().join(', '),
        fix: 'pick a listed region, allow another cloud in placement.clouds, or add offerings in `catalog`',
      });
    }
  });

  const usableRegions = regions ? regions.filter((r) => regionsOffered.has(r)) : [...regionsOffered];
  const sites = new Set(catalog.offerings.filter((o) => clouds.has(o.cloud) && usableRegions.includes(o.region)).map((o) => `${o.cloud}/${o.region}`));
  const needed = spec.placement.strategy === 'failover' ? 2 : spec.placement.strategy === 'spread' ? (spec.placement.spreadCount ?? 2) : 1;
  if (problems.length === 0 && sites.size < needed) {
    problems.push({
      code: ERROR_CODES.STRATEGY_UNSATISFIABLE,
      path: at('placement', 'strategy'),
      message: `${spec.placement.strategy} needs ${needed} distinct cloud/region sites but the allowed clouds and regions give ${sites.size}`,
      received: JSON.stringify(spec.placement.strategy),
      allowed: `at least ${needed} sites among: ${[...sites].sort().join(', ') || 'none'}`,
      fix: 'allow more regions or clouds, or use strategy cheapest',
    });
  }
  return problems;
}
