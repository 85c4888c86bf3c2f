import { z } from 'zod';
import { dnsLabel } from './common';

/**
 * A reference to a secret held in the cloud's secret store (AWS Secrets Manager, GCP Secret Manager).
 * Only names travel through modelplane; values never do.
 */
export const SecretRefSchema = z
  .strictObject({
    name: dnsLabel(40).describe('Local name of the secret (Kubernetes object names derive from it).'),
    from: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[A-Za-z0-9][A-Za-z0-9_\-/]*$/, "a secret name in the store such as prod/hf-token (letters, digits, '_', '-', '/')")
      .describe("Name of the secret in the store. On GCP, '/' becomes '-' (Secret Manager ids have no '/')."),
    key: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,128}$/, 'a JSON key such as token')
      .optional()
      .describe('Key inside a JSON secret. @default - the whole secret value'),
    env: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name such as HF_TOKEN')
      .describe('Environment variable the server reads it from.'),
  })
  .describe('A secret reference: where the value lives, never the value.');

export const SecretsSchema = z.array(SecretRefSchema).max(32).default([]).describe('Secrets the server needs, by reference.');

export type SecretRef = z.output<typeof SecretRefSchema>;
