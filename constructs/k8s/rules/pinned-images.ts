import { compliant, K8sObject, nonCompliant, notApplicable, RuleResult } from './types';
import { pods } from './walk';

/** True when an image is pinned: a digest, or a tag other than latest. */
export function isPinned(image: string): boolean {
  if (/@sha256:[a-f0-9]{64}$/.test(image)) return true;
  const last = image.slice(image.lastIndexOf('/') + 1);
  const colon = last.lastIndexOf(':');
  return colon > 0 && last.slice(colon + 1) !== 'latest' && last.slice(colon + 1).length > 0;
}

/** Every container image is pinned by tag (not latest) or digest. */
export function pinnedImages(objects: readonly K8sObject[]): RuleResult {
  const images = pods(objects).flatMap((p) => [...p.initContainers, ...p.containers].map((c) => ({ owner: p.owner, image: String(c.image ?? '') })));
  if (images.length === 0) return notApplicable('no containers');
  const bad = images.filter((i) => !isPinned(i.image));
  return bad.length > 0
    ? nonCompliant(`unpinned image(s): ${bad.map((b) => `${b.owner} ${b.image || '<none>'}`).join(', ')}`)
    : compliant(`${images.length} image(s) pinned`);
}
