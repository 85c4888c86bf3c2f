import { z } from 'zod';
import { ErrorCode } from '../errors';

/** A DNS-1123 label of at most `max` characters: names that become Kubernetes, CloudFormation and GCP names. */
export function dnsLabel(max: number) {
  return z
    .string()
    .min(1)
    .max(max)
    .regex(/^[a-z]([-a-z0-9]*[a-z0-9])?$/, "a DNS-1123 label: lower-case letters, digits and '-', starting with a letter");
}

/** Extra information a custom rule attaches to its issue; read by problemsFromZod. */
export interface RuleParams {
  readonly code: ErrorCode;
  readonly allowed?: string;
  readonly fix?: string;
  /** Keep the received value out of the message (it looks like a secret). */
  readonly redact?: boolean;
}

/** Adds a custom issue with a stable code to a refinement context. */
export function report(
  ctx: z.core.$RefinementCtx,
  path: PropertyKey[],
  message: string,
  params: RuleParams,
  input?: unknown,
): void {
  ctx.addIssue({ code: 'custom', path, message, params: { ...params }, input });
}
