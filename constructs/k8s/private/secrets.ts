import type { Construct } from 'constructs';
import { resolveSecretRefs } from '../../../lib/workload/secret-refs';
import { EsoExternalSecret, EsoSecretStore } from '../objects';
import { ChartContext, meta } from './context';
import { secretCloud } from './pod';

/**
 * The SecretStore the ExternalSecrets read through, when the chart owns one: AWS Secrets Manager with
 * `jwt` auth as the service's ServiceAccount (ESO requests a token for it and assumes its IRSA role), or
 * GCP Secret Manager with Workload Identity as that ServiceAccount. Undefined for an existing store or a
 * service without secrets.
 */
export function addSecretStore(scope: Construct, ctx: ChartContext): EsoSecretStore | undefined {
  const store = ctx.cluster.secretStore;
  if (ctx.service.spec.secrets.length === 0 || store.kind === 'existing') return undefined;
  const sa = { name: ctx.names.workload };
  return new EsoSecretStore(scope, 'SecretStore', {
    metadata: meta(ctx, ctx.names.workload),
    spec: {
      provider:
        store.kind === 'aws'
          ? { aws: { service: 'SecretsManager', region: store.region, auth: { jwt: { serviceAccountRef: sa } } } }
          : {
              gcpsm: {
                projectID: store.projectId,
                auth: {
                  workloadIdentity: {
                    serviceAccountRef: sa,
                    ...(store.clusterLocation !== undefined ? { clusterLocation: store.clusterLocation } : {}),
                    ...(store.clusterName !== undefined ? { clusterName: store.clusterName } : {}),
                  },
                },
              },
            },
    },
  });
}

/**
 * One ExternalSecret per secret reference: ESO copies the value into a Secret it owns
 * (`<service>-<name>`, key `value`), which the server reads through `secretKeyRef`. The chart itself
 * never contains a value.
 */
export function addExternalSecrets(scope: Construct, ctx: ChartContext, store: EsoSecretStore | undefined): EsoExternalSecret[] {
  const opt = ctx.cluster.secretStore;
  const storeRef =
    store !== undefined
      ? { kind: 'SecretStore' as const, name: store.name }
      : opt.kind === 'existing'
        ? { kind: opt.clusterWide ? ('ClusterSecretStore' as const) : ('SecretStore' as const), name: opt.name }
        : undefined;
  if (storeRef === undefined) return [];
  return resolveSecretRefs(ctx.service, secretCloud(ctx)).map(
    (ref) =>
      new EsoExternalSecret(scope, `ExternalSecret-${ref.name}`, {
        metadata: meta(ctx, ref.targetName),
        spec: {
          refreshInterval: `${ref.refreshSeconds}s`,
          secretStoreRef: storeRef,
          target: { name: ref.targetName, creationPolicy: 'Owner', deletionPolicy: 'Retain' },
          data: [{ secretKey: ref.targetKey, remoteRef: { key: ref.remoteKey, ...(ref.property !== undefined ? { property: ref.property } : {}) } }],
        },
      }),
  );
}
