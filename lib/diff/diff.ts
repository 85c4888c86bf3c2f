import type { Placement, Plan, ServicePlan } from '../plan/types';
import { requestIncompatibilities, responseIncompatibilities } from './schema-compat';

/** Where a change lands. */
export type DiffTarget = 'api' | 'k8s' | 'aws' | 'gcp';

/**
 * - breaking-api: existing clients break (path, auth, streaming, contract).
 * - replaces-capacity: a cluster or GPU node pool is destroyed and recreated (capacity gap, quota risk).
 * - replaces-stateful: a secret binding or model cache is replaced.
 * - update: applied in place or by a rolling update.
 */
export type ChangeKind = 'breaking-api' | 'replaces-capacity' | 'replaces-stateful' | 'update';

export interface Change {
  readonly service: string;
  readonly target: DiffTarget;
  readonly kind: ChangeKind;
  /** The spec or plan field that changed. */
  readonly field: string;
  readonly before: string;
  readonly after: string;
  readonly message: string;
}

export interface DiffReport {
  readonly changes: readonly Change[];
  /** Changes that fail `modelplane diff` unless the new spec allows them. */
  readonly breaking: readonly Change[];
  /** Breaking changes acknowledged by `allowBreakingChanges` in the new spec, with its reason. */
  readonly allowed: readonly (Change & { readonly reason: string })[];
  /** True when a breaking change is not acknowledged. */
  readonly blocked: boolean;
}

const BREAKING: ReadonlySet<ChangeKind> = new Set(['breaking-api', 'replaces-capacity', 'replaces-stateful']);

/**
 * Compares two planned platforms service by service (matched by name) and reports what would change per
 * target, flagging breaking API changes and replacement of capacity or stateful resources.
 */
export function diffPlans(before: Plan, after: Plan): DiffReport {
  const changes: Change[] = [];
  const oldByName = new Map(before.services.map((s) => [s.name, s]));
  const newByName = new Map(after.services.map((s) => [s.name, s]));
  for (const [name, o] of oldByName) {
    const n = newByName.get(name);
    if (n === undefined) {
      changes.push({ service: name, target: 'api', kind: 'breaking-api', field: 'services', before: name, after: '(removed)', message: 'service removed: its API, workload, node pools and clusters are deleted' });
      continue;
    }
    changes.push(...diffService(o, n));
  }
  for (const name of newByName.keys()) {
    if (!oldByName.has(name)) changes.push({ service: name, target: 'api', kind: 'update', field: 'services', before: '(none)', after: name, message: 'service added' });
  }
  const breaking = changes.filter((c) => BREAKING.has(c.kind));
  const allowed = breaking.flatMap((c) => {
    const reason = newByName.get(c.service)?.spec.allowBreakingChanges?.reason;
    return reason === undefined ? [] : [{ ...c, reason }];
  });
  return { changes, breaking, allowed, blocked: breaking.length > allowed.length };
}

function diffService(o: ServicePlan, n: ServicePlan): Change[] {
  const out: Change[] = [];
  const add = (target: DiffTarget, kind: ChangeKind, field: string, before: unknown, after: unknown, message: string) =>
    out.push({ service: n.name, target, kind, field, before: show(before), after: show(after), message });
  const a = o.spec.api;
  const b = n.spec.api;
  if (a.path !== b.path) add('api', 'breaking-api', 'api.path', a.path, b.path, 'clients calling the old path get 404');
  if (JSON.stringify(a.auth) !== JSON.stringify(b.auth)) add('api', 'breaking-api', 'api.auth', a.auth.type, b.auth.type, 'clients must change how they authenticate');
  if (a.streaming && !b.streaming) add('api', 'breaking-api', 'api.streaming', true, false, 'clients expecting server-sent events get buffered responses');
  if (b.maxRequestSeconds < a.maxRequestSeconds) add('api', 'breaking-api', 'api.maxRequestSeconds', a.maxRequestSeconds, b.maxRequestSeconds, 'requests that took longer are now cut');
  if (a.requestSchema && b.requestSchema) {
    for (const i of requestIncompatibilities(a.requestSchema, b.requestSchema)) add('api', 'breaking-api', `api.requestSchema.${i.at}`, '', '', `request ${i.message}`);
  }
  if (a.responseSchema && b.responseSchema) {
    for (const i of responseIncompatibilities(a.responseSchema, b.responseSchema)) add('api', 'breaking-api', `api.responseSchema.${i.at}`, '', '', `response ${i.message}`);
  }
  if (a.rateLimitPerSecond !== b.rateLimitPerSecond) add('api', 'update', 'api.rateLimitPerSecond', a.rateLimitPerSecond, b.rateLimitPerSecond, 'usage plan throttling changes');

  // Workload (every target renders the same Kubernetes workload).
  const rolling = (field: string, x: unknown, y: unknown) => {
    if (JSON.stringify(x) !== JSON.stringify(y)) add('k8s', 'update', field, x, y, 'rolling update of the workload');
  };
  rolling('model.source', o.spec.model.source, n.spec.model.source);
  rolling('model.precision', o.spec.model.precision, n.spec.model.precision);
  rolling('model.contextTokens', o.spec.model.contextTokens, n.spec.model.contextTokens);
  rolling('runtime', o.spec.runtime, n.spec.runtime);
  rolling('autoscaling', o.spec.autoscaling, n.spec.autoscaling);
  if (o.requirement.cacheDiskGiB !== n.requirement.cacheDiskGiB) {
    add('k8s', 'replaces-stateful', 'model cache', `${o.requirement.cacheDiskGiB} GiB`, `${n.requirement.cacheDiskGiB} GiB`, 'model cache volumes are recreated (weights downloaded again)');
  }
  const secretsBefore = new Map(o.spec.secrets.map((s) => [s.name, s.from]));
  const secretsAfter = new Map(n.spec.secrets.map((s) => [s.name, s.from]));
  for (const [name, from] of secretsBefore) {
    const now = secretsAfter.get(name);
    if (now === undefined) add('k8s', 'replaces-stateful', `secrets.${name}`, from, '(removed)', 'secret binding and its access grant are removed');
    else if (now !== from) add('k8s', 'replaces-stateful', `secrets.${name}.from`, from, now, 'secret binding now reads another secret; access grants are replaced');
  }
  for (const [name, from] of secretsAfter) if (!secretsBefore.has(name)) add('k8s', 'update', `secrets.${name}`, '(none)', from, 'new secret binding and access grant');

  // Capacity per placement (matched by id = cloud-region).
  const pb = new Map(o.placements.map((p) => [p.id, p]));
  const pa = new Map(n.placements.map((p) => [p.id, p]));
  for (const [id, p] of pb) {
    const q = pa.get(id);
    if (q === undefined) {
      add(p.cloud, 'replaces-capacity', `placement ${id}`, describe(p), '(removed)', `the ${p.cloud} cluster resources and GPU node pool in ${p.region} are deleted`);
      continue;
    }
    if (p.instanceType !== q.instanceType || p.gpu.type !== q.gpu.type) add(p.cloud, 'replaces-capacity', `placement ${id}.instanceType`, describe(p), describe(q), 'the GPU node pool is replaced (new instance type)');
    if (p.capacity !== q.capacity) add(p.cloud, 'replaces-capacity', `placement ${id}.capacity`, p.capacity, q.capacity, 'the GPU node pool is replaced (capacity type cannot change in place)');
    if (p.replicas.min !== q.replicas.min || p.replicas.max !== q.replicas.max) add(p.cloud, 'update', `placement ${id}.replicas`, `${p.replicas.min}-${p.replicas.max}`, `${q.replicas.min}-${q.replicas.max}`, 'node pool scaling bounds change in place');
    if (JSON.stringify(p.zones) !== JSON.stringify(q.zones)) add(p.cloud, 'update', `placement ${id}.zones`, p.zones.join(','), q.zones.join(','), 'node locations change in place');
  }
  for (const [id, q] of pa) if (!pb.has(id)) add(q.cloud, 'update', `placement ${id}`, '(none)', describe(q), `new ${q.cloud} placement in ${q.region}`);
  return out;
}

function describe(p: Placement): string {
  return `${p.instanceType} ${p.gpu.count}×${p.gpu.type} ${p.capacity}`;
}

function show(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}
