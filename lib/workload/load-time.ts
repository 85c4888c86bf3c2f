import type { ModelRequirement } from '../sizing/model-memory';
import type { ServiceSpec } from '../spec/service';
import { DOWNLOAD_GIB_PER_SECOND, LOAD_GIB_PER_SECOND } from './timing';

/**
 * Expected seconds from container start to weights in GPU memory, without margin or warm-up: download
 * (skipped for weights baked into the image) plus load. The startup budget of deriveTiming must exceed it;
 * policy checks compare the rendered startupProbe against it.
 */
export function modelLoadSeconds(spec: ServiceSpec, req: ModelRequirement): number {
  const downloads = !spec.model.source.startsWith('image://');
  return Math.ceil((downloads ? req.weightsGiB / DOWNLOAD_GIB_PER_SECOND : 0) + req.weightsGiB / LOAD_GIB_PER_SECOND);
}
