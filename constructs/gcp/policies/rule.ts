import type { ResourceValidationArgs, ResourceValidationPolicy, ReportViolation } from '@pulumi/policy';

/** Props of a resource as policies see them (resolved inputs). */
export type Props = Record<string, unknown>;

/**
 * A small pure rule on resources of some types: `check` returns the violations (empty = compliant). Resources
 * of other types are not applicable and never reported.
 */
export function resourceRule(name: string, description: string, types: readonly string[], check: (props: Props, type: string) => string[]): ResourceValidationPolicy {
  return {
    name,
    description,
    enforcementLevel: 'mandatory',
    validateResource: (args: ResourceValidationArgs, report: ReportViolation) => {
      if (!types.includes(args.type)) return;
      for (const message of check(args.props as Props, args.type)) report(message);
    },
  };
}

/** Reads a nested property (`a.b.c`) of resolved props. */
export function at(props: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), props);
}

export const CLUSTER = 'gcp:container/cluster:Cluster';
export const NODE_POOL = 'gcp:container/nodePool:NodePool';
