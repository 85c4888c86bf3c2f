import type * as pulumi from '@pulumi/pulumi';
import type { Resolved } from './resolve';

/** What every builder gets: the component (parent of every child), its name (prefix of child names) and the project. */
export interface Ctx {
  readonly name: string;
  readonly parent: pulumi.ComponentResource;
  readonly project: pulumi.Input<string>;
  readonly r: Resolved;
}

/** Logical name of a child: `${component name}-<role>` (public contract: renaming replaces the resource). */
export function child(ctx: Ctx, role: string): string {
  return `${ctx.name}-${role}`;
}
