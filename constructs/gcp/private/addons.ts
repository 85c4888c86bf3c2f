import * as k8s from '@pulumi/kubernetes';
import type * as pulumi from '@pulumi/pulumi';
import { child, Ctx } from './context';

/** Helm charts of the in-cluster add-ons, pinned (bumped deliberately, with the changelog). */
export const ADDON_CHARTS = {
  keda: { chart: 'keda', version: '2.17.2', repo: 'https://kedacore.github.io/charts', namespace: 'keda' },
  // ESO ≥ 0.17 serves external-secrets.io/v1, the API version the workload's ExternalSecrets use.
  externalSecrets: { chart: 'external-secrets', version: '0.18.2', repo: 'https://charts.external-secrets.io', namespace: 'external-secrets' },
} as const;

export interface Addons {
  readonly keda: k8s.helm.v3.Release | undefined;
  readonly externalSecrets: k8s.helm.v3.Release | undefined;
}

const systemPool = { nodeSelector: { 'modelplane.dev/pool': 'system' } };

/**
 * KEDA and External Secrets as Helm releases with pinned chart versions, scheduled on the system pool. Metrics
 * need no release: GKE Managed Prometheus is enabled on the cluster.
 */
export function createAddons(ctx: Ctx, provider: k8s.Provider, install: { keda: boolean; externalSecrets: boolean }, dependsOn: pulumi.Resource[]): Addons {
  const opts = { parent: ctx.parent, provider, dependsOn };
  return {
    keda: install.keda
      ? release(ctx, 'keda', ADDON_CHARTS.keda, { ...systemPool, webhooks: systemPool, metricsServer: systemPool, operator: { replicaCount: 2 } }, opts)
      : undefined,
    externalSecrets: install.externalSecrets
      ? release(ctx, 'external-secrets', ADDON_CHARTS.externalSecrets, { installCRDs: true, ...systemPool, webhook: systemPool, certController: systemPool }, opts)
      : undefined,
  };
}

/** One pinned chart as an atomic Helm release named after its role, in its own namespace. */
function release(
  ctx: Ctx,
  role: string,
  chart: (typeof ADDON_CHARTS)[keyof typeof ADDON_CHARTS],
  values: Record<string, unknown>,
  opts: pulumi.CustomResourceOptions,
): k8s.helm.v3.Release {
  return new k8s.helm.v3.Release(
    child(ctx, role),
    { name: role, chart: chart.chart, version: chart.version, repositoryOpts: { repo: chart.repo }, namespace: chart.namespace, createNamespace: true, atomic: true, values },
    opts,
  );
}
