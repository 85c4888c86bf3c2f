import type { Placement, ServicePlan } from '../../../lib/plan/types';
import { deriveTiming, Timing } from '../../../lib/workload/timing';
import { podLayout, PodLayout } from '../../../lib/workload/pod-layout';
import { resourceNames, ResourceNames } from '../../../lib/workload/names';
import type { ClusterFlavor } from '../cluster';
import { resolveCluster, ResolvedCluster } from './resolve';

/** What every builder of the chart reads: the planned service, its placement and the resolved flavour. */
export interface ChartContext {
  readonly service: ServicePlan;
  readonly placement: Placement;
  readonly names: ResourceNames;
  readonly cluster: ResolvedCluster;
  readonly timing: Timing;
  readonly layout: PodLayout;
  /** Labels of every object. */
  readonly labels: Readonly<Record<string, string>>;
  /** The immutable pod selector (name only: a placement or version change must not orphan pods). */
  readonly selector: Readonly<Record<string, string>>;
  /** PromQL label matcher of the service's series (one namespace per service). */
  readonly promSelector: string;
  /** Name of the port serving metrics: `metrics` when the engine has its own, else `http`. */
  readonly metricsPortName: string;
  readonly metricsPort: number;
}

export function chartContext(service: ServicePlan, placement: Placement, cluster: ClusterFlavor): ChartContext {
  const names = resourceNames(service.name, placement);
  const rt = service.spec.runtime;
  const separateMetrics = rt.metricsPort !== undefined && rt.metricsPort !== rt.port;
  return {
    service,
    placement,
    names,
    cluster: resolveCluster(cluster, placement),
    timing: deriveTiming(service.spec, service.requirement),
    layout: podLayout(service, placement),
    labels: {
      'app.kubernetes.io/name': names.appLabel,
      'app.kubernetes.io/component': 'inference-server',
      'app.kubernetes.io/part-of': 'modelplane',
      'app.kubernetes.io/managed-by': 'modelplane',
      'modelplane.io/placement': placement.id,
      'modelplane.io/flavor': cluster.flavor,
    },
    selector: { 'app.kubernetes.io/name': names.appLabel },
    promSelector: `namespace="${names.namespace}"`,
    metricsPortName: separateMetrics ? 'metrics' : 'http',
    metricsPort: separateMetrics ? (rt.metricsPort as number) : rt.port,
  };
}

/** Metadata of a namespaced object of the service. */
export function meta(ctx: ChartContext, name: string, extra?: { labels?: Record<string, string>; annotations?: Record<string, string> }) {
  return {
    name,
    namespace: ctx.names.namespace,
    labels: { ...ctx.labels, ...extra?.labels },
    ...(extra?.annotations && Object.keys(extra.annotations).length > 0 ? { annotations: extra.annotations } : {}),
  };
}

/** A Kubernetes quantity in GiB ("12Gi"); fractional values in MiB. */
export function gi(n: number): string {
  return Number.isInteger(n) ? `${n}Gi` : `${Math.ceil(n * 1024)}Mi`;
}

/** A CPU quantity: whole cores as "4", fractions in millicores. */
export function cpu(n: number): string {
  return Number.isInteger(n) ? String(n) : `${Math.ceil(n * 1000)}m`;
}
