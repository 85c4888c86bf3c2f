import { App } from 'cdk8s';
import { stringify } from 'yaml';
import { ModelServiceChart, ModelServiceChartProps } from './chart';

/** A rendered Kubernetes object (plain JSON, keys sorted). */
export type Manifest = Record<string, unknown>;

/**
 * Renders the chart of one service to plain manifest objects, in apply order (Namespace first), for
 * callers that apply them through another engine (the GCP target, via @pulumi/kubernetes).
 */
export function renderManifests(props: ModelServiceChartProps): Manifest[] {
  const app = new App();
  const chart = new ModelServiceChart(app, props.service.name, props);
  return chart.toJson() as Manifest[];
}

/**
 * Multi-document YAML for `kubectl apply -f`: keys sorted at every level, no timestamps, so the same
 * objects always give the same bytes.
 */
export function toYaml(manifests: readonly Manifest[]): string {
  return manifests.map((m) => stringify(sortKeys(m), { lineWidth: 0, indent: 2 })).join('---\n');
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    const head = ['apiVersion', 'kind', 'metadata'].filter((k) => k in obj);
    const rest = Object.keys(obj).filter((k) => !head.includes(k)).sort();
    for (const k of [...head, ...rest]) out[k] = sortKeys(obj[k]);
    return out;
  }
  return value;
}
