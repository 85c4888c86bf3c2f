import type { Cloud } from '../catalog/offering';
import type { ServicePlan } from '../plan/types';

/** One secret reference resolved for a secret store: what to fetch and where the workload reads it. */
export interface ResolvedSecretRef {
  /** Local name from the spec. */
  readonly name: string;
  /** Name of the in-cluster object that receives the value (`<service>-<name>`). */
  readonly targetName: string;
  /** Key inside the in-cluster object. */
  readonly targetKey: string;
  /** Environment variable the server reads. */
  readonly env: string;
  /** Secret id in the store: as written on AWS; '/' becomes '-' on GCP (Secret Manager ids have no '/'). */
  readonly remoteKey: string;
  /** JSON key inside the secret, when the spec names one. */
  readonly property: string | undefined;
  /** How often the in-cluster copy is refreshed from the store, seconds. */
  readonly refreshSeconds: number;
}

/** Secret references of a service for a store on a cloud (`undefined`: a store that takes names as written). */
export function resolveSecretRefs(service: ServicePlan, cloud: Cloud | undefined): ResolvedSecretRef[] {
  return service.spec.secrets.map((s) => ({
    name: s.name,
    targetName: `${service.name}-${s.name}`,
    targetKey: 'value',
    env: s.env,
    remoteKey: cloud === 'gcp' ? s.from.replace(/\//g, '-') : s.from,
    property: s.key,
    refreshSeconds: 3600,
  }));
}
