import { z } from 'zod';
import { DEFAULTS } from './defaults';

export const AlertDestinationSchema = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('email'), address: z.email().describe('Who receives alerts.') }),
    z.strictObject({
      type: z.literal('sns'),
      topicArn: z
        .string()
        .regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/, 'an SNS topic ARN')
        .describe('Existing SNS topic (AWS placements) that fans out to chat, paging, etc.'),
    }),
    z.strictObject({
      type: z.literal('pubsub'),
      topic: z
        .string()
        .regex(/^projects\/[a-z][a-z0-9-]{4,28}[a-z0-9]\/topics\/[A-Za-z][A-Za-z0-9._~%+-]{2,254}$/, 'a Pub/Sub topic projects/<project>/topics/<topic>')
        .describe('Existing Pub/Sub topic (GCP placements).'),
    }),
  ])
  .describe('Where alerts go.');

export const SloSchema = z
  .strictObject({
    p95LatencyMs: z.int().min(1).max(3_600_000).default(DEFAULTS.monitoring.p95LatencyMs).describe('95th percentile request latency objective, ms.'),
    errorRatePercent: z.number().min(0).max(100).default(DEFAULTS.monitoring.errorRatePercent).describe('Highest share of failed (5xx) requests, %.'),
    availabilityPercent: z.number().min(50).max(100).default(DEFAULTS.monitoring.availabilityPercent).describe('Availability objective, %.'),
  })
  .prefault({});

export const MonitoringSchema = z
  .strictObject({
    slo: SloSchema,
    alerts: z.array(AlertDestinationSchema).max(16).default([]).describe('Alert destinations. @default - alarms without actions'),
  })
  .prefault({})
  .describe('SLOs and alerting.');

export type AlertDestination = z.output<typeof AlertDestinationSchema>;
export type MonitoringSpec = z.output<typeof MonitoringSchema>;
