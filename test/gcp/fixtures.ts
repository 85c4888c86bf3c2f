import { GcpModelService } from '../../constructs/gcp';
import type { GcpModelServiceArgs } from '../../constructs/gcp';
import { CapturedResource, runUnderMocks } from '../../constructs/gcp/private/mock-run';
import type { Placement, ServicePlan } from '../../lib/plan';
import type { ServiceSpec } from '../../lib/spec';
import { examplePlacements } from '../fixtures/examples';

export const PROJECT = 'example-project';

/** The example's GCP (service, placement) pairs: llama-8b-chat on L4, toxicity-classifier on T4. */
export const GCP_CASES = examplePlacements('gcp');

export interface Run {
  readonly name: string;
  readonly resources: readonly CapturedResource[];
  /** Resources of a type. */
  all(type: string): CapturedResource[];
  /** The one resource of a type whose name ends with `-<role>`. */
  one(type: string, role: string): CapturedResource;
}

/** Runs GcpModelService under Pulumi mocks and captures every resource it registers. */
export async function run(service: ServicePlan, placement: Placement | undefined, extra: Partial<GcpModelServiceArgs> = {}): Promise<Run> {
  const name = `${service.name}-${placement?.id ?? 'default'}`;
  const resources = await runUnderMocks((opts) => {
    new GcpModelService(name, { service, placement, project: PROJECT, ...extra }, opts);
  }, PROJECT);
  const all = (type: string) => resources.filter((r) => r.type === type);
  return {
    name,
    resources,
    all,
    one(type, role) {
      const found = all(type).filter((r) => r.name === `${name}-${role}`);
      if (found.length !== 1) throw new Error(`expected one ${type} named ${name}-${role}, found ${found.length} among ${all(type).map((r) => r.name).join(', ')}`);
      return found[0] as CapturedResource;
    },
  };
}

/** A copy of a service plan with a changed spec (the original is frozen). */
export function withSpec(service: ServicePlan, change: (spec: ServiceSpec) => ServiceSpec): ServicePlan {
  return { ...service, spec: change(service.spec) };
}

export function get(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

export const T = {
  cluster: 'gcp:container/cluster:Cluster',
  nodePool: 'gcp:container/nodePool:NodePool',
  account: 'gcp:serviceaccount/account:Account',
  saIam: 'gcp:serviceaccount/iAMMember:IAMMember',
  projectIam: 'gcp:projects/iAMMember:IAMMember',
  secretIam: 'gcp:secretmanager/secretIamMember:SecretIamMember',
  network: 'gcp:compute/network:Network',
  nat: 'gcp:compute/routerNat:RouterNat',
  endpoints: 'gcp:endpoints/service:Service',
  alert: 'gcp:monitoring/alertPolicy:AlertPolicy',
  channel: 'gcp:monitoring/notificationChannel:NotificationChannel',
  dashboard: 'gcp:monitoring/dashboard:Dashboard',
  provider: 'pulumi:providers:kubernetes',
  backendPolicy: 'kubernetes:networking.gke.io/v1:GCPBackendPolicy',
  deployment: 'kubernetes:apps/v1:Deployment',
  ksa: 'kubernetes:core/v1:ServiceAccount',
  route: 'kubernetes:gateway.networking.k8s.io/v1:HTTPRoute',
  release: 'kubernetes:helm.sh/v3:Release',
  component: 'modelplane:gcp:ModelService',
} as const;
