/** A policy rule over rendered manifests: small, pure, one concern. */
export type RuleStatus = 'compliant' | 'non-compliant' | 'not-applicable';

export interface RuleResult {
  readonly status: RuleStatus;
  readonly message: string;
}

/** A rendered Kubernetes object as plain JSON. */
export type K8sObject = Readonly<Record<string, unknown>>;

export type ManifestRule = (objects: readonly K8sObject[]) => RuleResult;

export const compliant = (message: string): RuleResult => ({ status: 'compliant', message });
export const nonCompliant = (message: string): RuleResult => ({ status: 'non-compliant', message });
export const notApplicable = (message: string): RuleResult => ({ status: 'not-applicable', message });
