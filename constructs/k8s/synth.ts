import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Plan, Placement, ServicePlan } from '../../lib/plan/types';
import type { ClusterFlavor, ClusterFlavorName, CommonClusterOptions } from './cluster';
import { Manifest, renderManifests, toYaml } from './render';

export interface SynthK8sOptions {
  /** Options applied to every rendering (autoscaler, monitoring, Prometheus address...). @default - each flavour's defaults */
  readonly common?: CommonClusterOptions;
  /** Also write the `generic` rendering of each service. @default true */
  readonly generic?: boolean;
}

/** One rendering: a service on a placement for a flavour. */
export interface K8sRendering {
  readonly service: string;
  readonly placementId: string;
  readonly flavor: ClusterFlavorName;
  /** Folder relative to outDir: `<service>/<placementId>-<flavor>` or `<service>/generic`. */
  readonly dir: string;
  readonly manifests: Manifest[];
}

/**
 * Every rendering of a plan: each placement in its cloud's flavour (aws → eks, gcp → gke) and, per
 * service, a `generic` rendering of its first placement for any other cluster.
 */
export function k8sRenderings(plan: Plan, options: SynthK8sOptions = {}): K8sRendering[] {
  const out: K8sRendering[] = [];
  for (const service of plan.services) {
    for (const placement of service.placements) {
      const flavor: ClusterFlavorName = placement.cloud === 'aws' ? 'eks' : 'gke';
      out.push(render(service, placement, flavor, `${service.name}/${placement.id}-${flavor}`, options));
    }
    const first = service.placements[0];
    if ((options.generic ?? true) && first !== undefined) out.push(render(service, first, 'generic', `${service.name}/generic`, options));
  }
  return out;
}

function render(service: ServicePlan, placement: Placement, flavor: ClusterFlavorName, dir: string, options: SynthK8sOptions): K8sRendering {
  const cluster = { ...options.common, flavor } as ClusterFlavor;
  return { service: service.name, placementId: placement.id, flavor, dir, manifests: renderManifests({ service, placement, cluster }) };
}

/**
 * Writes plain multi-document YAML for `kubectl apply -f`:
 *
 *   <outDir>/<service>/<placementId>-eks/manifests.yaml   (AWS placements)
 *   <outDir>/<service>/<placementId>-gke/manifests.yaml   (GCP placements)
 *   <outDir>/<service>/generic/manifests.yaml             (any cluster with the NVIDIA GPU Operator)
 *
 * Deterministic: the same plan writes byte-identical files. Returns the files written (sorted).
 */
export function synthK8s(plan: Plan, outDir: string, options: SynthK8sOptions = {}): { files: string[] } {
  const files: string[] = [];
  for (const r of k8sRenderings(plan, options)) {
    const dir = path.join(outDir, ...r.dir.split('/'));
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'manifests.yaml');
    fs.writeFileSync(file, toYaml(r.manifests));
    files.push(file);
  }
  return { files: files.sort() };
}
