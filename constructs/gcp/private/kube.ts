import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import type { ExistingGkeCluster } from '../types';
import { child, Ctx } from './context';

/** A Kubernetes object as plain data (what the Kubernetes target renders). */
export interface Manifest {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly [k: string]: unknown };
  readonly [k: string]: unknown;
}

/** What the Kubernetes provider needs from a cluster, owned or given. */
export type ClusterAccess = Pick<ExistingGkeCluster, 'name' | 'location' | 'endpoint' | 'caCertificate'>;

/**
 * A kubeconfig that authenticates with `gke-gcloud-auth-plugin` (the gcloud component GKE requires since
 * 1.26): no token or key is ever written into the program or its state.
 */
export function gkeKubeconfig(c: ClusterAccess): pulumi.Output<string> {
  return pulumi.all([c.name, c.location, c.endpoint, c.caCertificate]).apply(([name, location, endpoint, ca]) => {
    const id = `gke_${location}_${name}`;
    return JSON.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: id, cluster: { server: `https://${endpoint}`, 'certificate-authority-data': ca } }],
      contexts: [{ name: id, context: { cluster: id, user: id } }],
      'current-context': id,
      users: [
        {
          name: id,
          user: {
            exec: {
              apiVersion: 'client.authentication.k8s.io/v1beta1',
              command: 'gke-gcloud-auth-plugin',
              installHint: 'Install gke-gcloud-auth-plugin: gcloud components install gke-gcloud-auth-plugin',
              provideClusterInfo: true,
              interactiveMode: 'IfAvailable',
            },
          },
        },
      ],
    });
  });
}

export function createProvider(ctx: Ctx, access: ClusterAccess, dependsOn: pulumi.Resource[]): k8s.Provider {
  return new k8s.Provider(child(ctx, 'k8s'), { kubeconfig: gkeKubeconfig(access), enableServerSideApply: true, deleteUnreachable: false }, { parent: ctx.parent, dependsOn });
}

/** Strings standing for values only known at deployment (project id, service account emails). */
export type Placeholders = Readonly<Record<string, pulumi.Input<string>>>;

/** Replaces placeholder tokens in every string of a manifest by their (possibly unknown) values. */
export function substitute(value: unknown, placeholders: Placeholders): unknown {
  if (typeof value === 'string') {
    const keys = Object.keys(placeholders).filter((k) => value.includes(k));
    if (keys.length === 0) return value;
    return pulumi.all(keys.map((k) => pulumi.output(placeholders[k] as pulumi.Input<string>))).apply((vals) => keys.reduce((s, k, i) => s.split(k).join(vals[i] as string), value));
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, placeholders));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, substitute(v, placeholders)]));
  }
  return value;
}

/** Stable key of an object: `<kind>/<namespace>/<name>`. */
export function manifestKey(m: Manifest): string {
  return `${m.kind}/${m.metadata.namespace ?? '_'}/${m.metadata.name}`;
}

/** A Kubernetes object registered under the provider's own type token (what the typed classes do). */
class KubeObject extends pulumi.CustomResource {
  constructor(type: string, name: string, inputs: pulumi.Inputs, opts: pulumi.CustomResourceOptions) {
    super(type, name, inputs, opts);
  }
}

/** Pulumi type token of a Kubernetes kind (`v1` objects live in module `core/v1`). */
function typeToken(m: Manifest): string {
  return `kubernetes:${m.apiVersion.includes('/') ? m.apiVersion : `core/${m.apiVersion}`}:${m.kind}`;
}

/**
 * Applies objects one Pulumi resource each (reviewable in a preview, addressable by tests): Namespaces first,
 * then everything else depending on them and on `dependsOn` (add-ons providing CRDs). Each resource is
 * registered with the provider's own type token, which is exactly what the typed @pulumi/kubernetes classes do.
 */
export function applyManifests(
  ctx: Ctx,
  role: string,
  objects: readonly Manifest[],
  provider: k8s.Provider,
  placeholders: Placeholders,
  dependsOn: pulumi.Resource[],
): Map<string, pulumi.CustomResource> {
  const out = new Map<string, pulumi.CustomResource>();
  const register = (m: Manifest, deps: pulumi.Resource[]) => {
    const name = child(ctx, `${role}-${m.kind.toLowerCase()}-${m.metadata.namespace ? `${m.metadata.namespace}-` : ''}${m.metadata.name}`);
    const inputs = substitute(m, placeholders) as pulumi.Inputs;
    const res = new KubeObject(typeToken(m), name, inputs, { parent: ctx.parent, provider, dependsOn: deps });
    out.set(manifestKey(m), res);
    return res;
  };
  const namespaces = objects.filter((m) => m.kind === 'Namespace').map((m) => register(m, dependsOn));
  for (const m of objects) if (m.kind !== 'Namespace') register(m, [...dependsOn, ...namespaces]);
  return out;
}
