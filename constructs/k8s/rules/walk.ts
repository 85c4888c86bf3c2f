import type { K8sObject } from './types';

/** Loosely typed views of the fields rules read (manifests are untrusted JSON). */
export interface PodView {
  readonly owner: string;
  readonly namespace: string | undefined;
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
  readonly spec: Record<string, any>;
  readonly containers: Array<Record<string, any>>;
  readonly initContainers: Array<Record<string, any>>;
}

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']);

export function metaOf(o: K8sObject): { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> } {
  return (o.metadata ?? { name: '' }) as any;
}

export function id(o: K8sObject): string {
  return `${String(o.kind)}/${metaOf(o).name}`;
}

/** Pod specs of workloads (and bare Pods), with their owner's metadata. */
export function pods(objects: readonly K8sObject[]): PodView[] {
  const out: PodView[] = [];
  for (const o of objects) {
    const m = metaOf(o);
    const spec = o.spec as Record<string, any> | undefined;
    const tpl = o.kind === 'Pod' ? { metadata: m, spec } : WORKLOADS.has(String(o.kind)) ? spec?.template : undefined;
    if (!tpl?.spec) continue;
    out.push({
      owner: id(o),
      namespace: m.namespace,
      labels: tpl.metadata?.labels ?? {},
      annotations: m.annotations ?? {},
      spec: tpl.spec,
      containers: tpl.spec.containers ?? [],
      initContainers: tpl.spec.initContainers ?? [],
    });
  }
  return out;
}

/** True when every matchLabels entry of the selector is among the labels. */
export function selects(selector: { matchLabels?: Record<string, string> } | undefined, labels: Record<string, string>): boolean {
  const ml = selector?.matchLabels ?? {};
  const keys = Object.keys(ml);
  return keys.length > 0 && keys.every((k) => labels[k] === ml[k]);
}
