import { z } from 'zod';
import { DEFAULTS } from './defaults';

export const AutoscalingTargetSchema = z
  .discriminatedUnion('metric', [
    z.strictObject({
      metric: z.literal('concurrency'),
      value: z.int().min(1).max(4096).describe('In-flight requests per replica; also the full-context sequences the KV cache is sized for.'),
    }),
    z.strictObject({
      metric: z.literal('queueDepth'),
      value: z.int().min(1).max(4096).describe('Requests waiting per replica (vllm:num_requests_waiting, TGI queue size).'),
    }),
  ])
  .describe('What the autoscaler keeps per replica.');

export const AutoscalingSchema = z
  .strictObject({
    minReplicas: z.int().min(1).max(1000).default(DEFAULTS.autoscaling.minReplicas).describe('Replicas kept while serving traffic.'),
    maxReplicas: z.int().min(1).max(1000).default(DEFAULTS.autoscaling.maxReplicas).describe('Upper bound of replicas (and GPU nodes).'),
    scaleToZero: z
      .boolean()
      .default(DEFAULTS.autoscaling.scaleToZero)
      .describe('Scale to zero replicas when idle (KEDA idleReplicaCount 0); the first request then waits for a GPU node.'),
    target: AutoscalingTargetSchema.default(DEFAULTS.autoscaling.target),
    scaleDownDelaySeconds: z
      .int()
      .min(0)
      .max(86_400)
      .default(DEFAULTS.autoscaling.scaleDownDelaySeconds)
      .describe('Quiet time before removing a replica (stabilisation window).'),
  })
  .prefault({})
  .describe('Autoscaling on inference metrics.');

export type AutoscalingSpec = z.output<typeof AutoscalingSchema>;
