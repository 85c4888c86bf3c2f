import { ERROR_CODES, ModelplaneError, Problem } from '../../../lib/errors';
import { GPU_MODELS } from '../../../lib/catalog';
import type { Placement, ServicePlan } from '../../../lib/plan';
import type { AlertDestination, AuthSpec } from '../../../lib/spec';
import { deriveAlerts, deriveTiming, AlertRule, Timing } from '../../../lib/workload';
import type { GcpModelServiceArgs } from '../types';
import { gcpNames, GcpNames } from './names';

/**
 * Longest backend timeout of the global external Application Load Balancer (GCPBackendPolicy `timeoutSec`),
 * seconds: 86,400 (Cloud Load Balancing "Backend service timeout").
 */
export const GCLB_MAX_TIMEOUT_SECONDS = 86_400;

/** Google-side facts about one referenced secret: Secret Manager ids have no '/'. */
export interface SecretBinding {
  readonly name: string;
  readonly secretId: string;
  readonly env: string;
  readonly key: string | undefined;
}

/** Everything the component decides before it creates a resource. Pure: computed from the args alone. */
export interface Resolved {
  readonly service: ServicePlan;
  readonly placement: Placement;
  readonly names: GcpNames;
  readonly timing: Timing;
  readonly alerts: readonly AlertRule[];
  /** `cloud.google.com/gke-accelerator` value of the placement's GPU. */
  readonly accelerator: string;
  /** Whole GPUs per node (GKE attaches whole GPUs). */
  readonly gpusPerNode: number;
  readonly secrets: readonly SecretBinding[];
  /** Alert destinations GCP can deliver to (SNS topics belong to AWS placements and are skipped). */
  readonly destinations: ReadonlyArray<Exclude<AlertDestination, { type: 'sns' }>>;
  readonly auth: AuthSpec;
  /** PromQL label selector of the service's series. */
  readonly selector: string;
}

/** Checks the args and derives every decision; throws a ModelplaneError listing every problem, before any resource exists. */
export function resolve(args: GcpModelServiceArgs): Resolved {
  const service = args.service;
  const problems: Problem[] = [];
  const at = `services.${service.name}`;
  const placement = args.placement ?? service.placements.find((p) => p.cloud === 'gcp');
  if (placement === undefined) {
    throw new ModelplaneError(
      [
        {
          code: ERROR_CODES.NO_FEASIBLE_PLACEMENT,
          path: `${at}.placements`,
          message: 'has no GCP placement, so there is nothing for GcpModelService to build',
          received: service.placements.map((p) => p.id).join(', ') || 'no placement',
          allowed: 'a service whose plan includes a gcp placement',
          fix: "add 'gcp' to placement.clouds (and a GCP region to placement.regions), or build this service with the AWS or Kubernetes target",
        },
      ],
      'Cannot build the GCP target',
    );
  }
  if (placement.cloud !== 'gcp') {
    problems.push({ code: ERROR_CODES.INVALID_VALUE, path: `${at}.placement`, message: 'is not a GCP placement', received: placement.id, allowed: 'a placement with cloud gcp', fix: 'pass one of the service plan\'s gcp placements' });
  }
  const accelerator = GPU_MODELS[placement.gpu.type].gkeAccelerator;
  if (accelerator === undefined) {
    problems.push({ code: ERROR_CODES.UNKNOWN_GPU, path: `${at}.placement.gpu.type`, message: 'is not offered on GKE', received: placement.gpu.type, allowed: Object.values(GPU_MODELS).filter((g) => g.gkeAccelerator).map((g) => g.type).join(', '), fix: 'plan the service again with a GPU GCP offers' });
  }
  if (placement.zones.length === 0) {
    problems.push({ code: ERROR_CODES.INVALID_VALUE, path: `${at}.placement.zones`, message: 'is empty: GPUs are zonal, the node pool needs the zones that offer the accelerator', received: '[]', allowed: 'zones of the region offering the GPU', fix: 'add the zones to the catalog offering' });
  }
  if (!Number.isInteger(placement.gpu.perInstance) || placement.gpu.perInstance < 1) {
    problems.push({ code: ERROR_CODES.INVALID_VALUE, path: `${at}.placement.gpu.perInstance`, message: 'is not a whole number of GPUs; GKE attaches whole GPUs to a node', received: String(placement.gpu.perInstance), allowed: 'an integer ≥ 1', fix: 'use a GCP offering with whole GPUs' });
  }
  const timing = deriveTiming(service.spec, service.requirement);
  if (timing.upstreamTimeoutSeconds > GCLB_MAX_TIMEOUT_SECONDS) {
    problems.push({ code: ERROR_CODES.OUT_OF_RANGE, path: `${at}.api.maxRequestSeconds`, message: `needs a load balancer timeout of ${timing.upstreamTimeoutSeconds} s, above the Google load balancer's maximum`, received: String(service.spec.api.maxRequestSeconds), allowed: `at most ${GCLB_MAX_TIMEOUT_SECONDS - 5}`, fix: 'lower api.maxRequestSeconds' });
  }
  const auth = service.spec.api.auth;
  if (auth.type === 'iam' && args.frontDoor?.iap === undefined) {
    problems.push({ code: ERROR_CODES.REQUIRED, path: `${at}.api.auth`, message: 'is iam, which GCP enforces with Identity-Aware Proxy, but no IAP OAuth client was given', received: 'iam', allowed: 'frontDoor.iap { clientId, oauthClientSecretName }', fix: 'create an IAP OAuth client and pass it as frontDoor.iap, or use auth apiKey / jwt' });
  }
  for (const cidr of args.frontDoor?.adminCidrs ?? []) {
    if (!/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(cidr)) {
      problems.push({ code: ERROR_CODES.INVALID_FORMAT, path: 'frontDoor.adminCidrs', message: 'has an entry that is not an IPv4 CIDR', received: cidr, allowed: 'a CIDR such as 203.0.113.0/24', fix: 'correct the range' });
    }
  }
  if (problems.length > 0) throw new ModelplaneError(problems, 'Cannot build the GCP target');

  const names = gcpNames(service, placement);
  const selector = `namespace="${names.namespace}"`;
  return {
    service,
    placement,
    names,
    timing,
    alerts: deriveAlerts(service.spec, selector),
    accelerator: accelerator as string,
    gpusPerNode: placement.gpu.perInstance,
    secrets: service.spec.secrets.map((s) => ({ name: s.name, secretId: secretManagerId(s.from), env: s.env, key: s.key })),
    destinations: service.spec.monitoring.alerts.filter((d): d is Exclude<AlertDestination, { type: 'sns' }> => d.type !== 'sns'),
    auth,
    selector,
  };
}

/** Secret Manager id of a spec secret reference: ids allow [A-Za-z0-9_-], so '/' becomes '-'. */
export function secretManagerId(from: string): string {
  return from.replace(/\//g, '-');
}
