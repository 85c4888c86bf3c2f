import * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';
import { child, Ctx } from './context';

export const SECRET_ACCESSOR_ROLE = 'roles/secretmanager.secretAccessor';
export const WORKLOAD_IDENTITY_USER_ROLE = 'roles/iam.workloadIdentityUser';

/** A Google service account a Kubernetes service account acts as (Workload Identity). */
export interface BoundIdentity {
  readonly account: gcp.serviceaccount.Account;
  /** `roles/iam.workloadIdentityUser` for `serviceAccount:<project>.svc.id.goog[<namespace>/<ksa>]`. */
  readonly binding: gcp.serviceaccount.IAMMember;
}

/** The member string Workload Identity gives a Kubernetes service account. */
export function workloadIdentityMember(project: pulumi.Input<string>, namespace: string, ksa: string): pulumi.Output<string> {
  return pulumi.interpolate`serviceAccount:${project}.svc.id.goog[${namespace}/${ksa}]`;
}

/** A dedicated Google service account bound to one Kubernetes service account, and nothing else. */
export function boundIdentity(ctx: Ctx, role: string, accountId: string, namespace: string, ksa: string, displayName: string): BoundIdentity {
  const account = new gcp.serviceaccount.Account(child(ctx, `${role}-sa`), { project: ctx.project, accountId, displayName }, { parent: ctx.parent });
  const binding = new gcp.serviceaccount.IAMMember(
    child(ctx, `${role}-wi`),
    { serviceAccountId: account.name, role: WORKLOAD_IDENTITY_USER_ROLE, member: workloadIdentityMember(ctx.project, namespace, ksa) },
    { parent: ctx.parent },
  );
  return { account, binding };
}

export interface WorkloadIdentity extends BoundIdentity {
  /** One accessor grant per referenced secret, on that secret only (never project-wide). */
  readonly secretAccess: readonly gcp.secretmanager.SecretIamMember[];
}

/**
 * The workload's identity: a Google service account bound to the workload's KSA, with
 * `roles/secretmanager.secretAccessor` on exactly the secrets the spec references, by id. The secrets
 * themselves are not created here: they (and their versions) live in Secret Manager, put there by their owners.
 */
export function createWorkloadIdentity(ctx: Ctx): WorkloadIdentity {
  const { r } = ctx;
  const bound = boundIdentity(ctx, 'workload', r.names.workloadAccount, r.names.namespace, r.names.workload, `modelplane ${r.service.name} workload`);
  const member = pulumi.interpolate`serviceAccount:${bound.account.email}`;
  const secretAccess = r.secrets.map(
    (s) => new gcp.secretmanager.SecretIamMember(child(ctx, `secret-${s.name}`), { project: ctx.project, secretId: s.secretId, role: SECRET_ACCESSOR_ROLE, member }, { parent: ctx.parent }),
  );
  return { ...bound, secretAccess };
}
