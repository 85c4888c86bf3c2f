import { createHash } from 'node:crypto';
import { resourceNames } from '../../../lib/workload';
import type { Placement, ServicePlan } from '../../../lib/plan';

/** GCP names of one placement: derived from the service name and placement id only, so they never drift. */
export interface GcpNames {
  /** `<service>-<placement id>`, ≤ 63 characters: prefix of cloud resource names. */
  readonly prefix: string;
  /** Kubernetes namespace and workload (KSA) name, shared with the Kubernetes target. */
  readonly namespace: string;
  readonly workload: string;
  /** Value of the `app.kubernetes.io/name` label of the workload's pods. */
  readonly appLabel: string;
  /** KSA of the ESPv2 proxy. */
  readonly proxy: string;
  /** Google service account ids (6–30 characters). */
  readonly nodeAccount: string;
  readonly workloadAccount: string;
  readonly proxyAccount: string;
  readonly metricsAccount: string;
  /** Cloud resource name for a role, ≤ 63 characters, RFC 1035. */
  resource(role: string): string;
}

export function gcpNames(service: ServicePlan, placement: Placement): GcpNames {
  const base = resourceNames(service.name, placement);
  const prefix = base.cloudPrefix;
  return {
    prefix,
    namespace: base.namespace,
    workload: base.workload,
    appLabel: base.appLabel,
    proxy: `${base.workload}-esp`,
    nodeAccount: accountId(prefix, 'nodes'),
    workloadAccount: accountId(prefix, 'wl'),
    proxyAccount: accountId(prefix, 'esp'),
    metricsAccount: accountId(prefix, 'metrics'),
    resource: (role) => rfc1035(prefix, role, 63),
  };
}

/** A service account id: `<prefix>-<role>` when it fits in 30 characters, else a shortened prefix plus a stable hash. */
export function accountId(prefix: string, role: string): string {
  return rfc1035(prefix, role, 30);
}

function rfc1035(prefix: string, role: string, max: number): string {
  const lead = /^[a-z]/.test(prefix) ? prefix : `mp-${prefix}`;
  const full = `${lead}-${role}`;
  if (full.length <= max) return full;
  const hash = createHash('sha256').update(prefix).digest('hex').slice(0, 6);
  const room = max - role.length - hash.length - 2;
  return `${lead.slice(0, room).replace(/-+$/, '')}-${hash}-${role}`;
}
