import type { Placement } from '../plan/types';

/** Names every target uses for one service, so Kubernetes, AWS and GCP objects line up. */
export interface ResourceNames {
  /** Kubernetes namespace of the service. */
  readonly namespace: string;
  /** Name of the Deployment, Service, ServiceAccount, autoscaler... */
  readonly workload: string;
  /** Label selector `app.kubernetes.io/name=<workload>` value. */
  readonly appLabel: string;
  /** Prefix of cloud resources for this placement: `<service>-<cloud>-<region>`, ≤ 63 characters. */
  readonly cloudPrefix: string;
}

/**
 * Names are derived from the service name only (plus the placement id for cloud resources), never from
 * positions or hashes of mutable fields, so that they stay stable across upgrades.
 */
export function resourceNames(serviceName: string, placement?: Placement): ResourceNames {
  return {
    namespace: serviceName,
    workload: serviceName,
    appLabel: serviceName,
    cloudPrefix: placement ? `${serviceName}-${placement.id}`.slice(0, 63) : serviceName,
  };
}
