import { z } from 'zod';
import { DEFAULTS } from './defaults';

/** A JSON Schema document (object form), kept as data. */
const JsonSchemaObject = z.record(z.string(), z.unknown());

export const AuthSchema = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('apiKey') }).describe('API keys issued by the front door, with usage plans.'),
    z
      .strictObject({
        type: z.literal('jwt'),
        issuer: z.url({ protocol: /^https$/ }).describe('OIDC issuer URL (https).'),
        audiences: z.array(z.string().min(1).max(256)).min(1).max(16).describe('Accepted audiences.'),
      })
      .describe('JWT bearer tokens from an OIDC issuer.'),
    z.strictObject({ type: z.literal('iam') }).describe('Cloud IAM (AWS SigV4, Google identity).'),
    z
      .strictObject({
        type: z.literal('public'),
        reason: z.string().min(10).max(500).describe('Why this API may be called without authentication (reviewed).'),
      })
      .describe('No authentication: only with a written reason.'),
  ])
  .describe('How callers authenticate. @default { type: apiKey }');

export const ApiSchema = z
  .strictObject({
    path: z
      .string()
      .max(128)
      .regex(/^\/([a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*)?$/, "a base path such as / or /v1/chat (lower-case segments)")
      .default(DEFAULTS.api.path)
      .describe('Public base path; everything below it is forwarded to the server.'),
    auth: AuthSchema.default(DEFAULTS.api.auth),
    rateLimitPerSecond: z.number().positive().max(100_000).default(DEFAULTS.api.rateLimitPerSecond).describe('Steady request rate allowed per client.'),
    rateLimitBurst: z.int().min(1).max(200_000).optional().describe('Burst allowed above the rate. @default - twice rateLimitPerSecond'),
    maxRequestSeconds: z
      .int()
      .min(1)
      .max(3600)
      .default(DEFAULTS.api.maxRequestSeconds)
      .describe('Longest request or stream; every timeout on the path and the termination grace are derived from it.'),
    streaming: z.boolean().default(DEFAULTS.api.streaming).describe('Responses are streamed (server-sent events).'),
    requestSchema: JsonSchemaObject.optional().describe('JSON Schema of the request body; `modelplane diff` checks changes stay compatible. @default - not checked'),
    responseSchema: JsonSchemaObject.optional().describe('JSON Schema of the response body; `modelplane diff` checks changes stay compatible. @default - not checked'),
  })
  .prefault({})
  .describe('The public API and its front door.');

export type AuthSpec = z.output<typeof AuthSchema>;
export type ApiSpec = z.output<typeof ApiSchema>;
