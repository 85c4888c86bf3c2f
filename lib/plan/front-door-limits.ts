import type { Cloud } from '../catalog/offering';
import type { ServiceSpec } from '../spec/service';

/**
 * The longest request each cloud's front door can carry, so that the planner never places a service where
 * its API would be cut.
 *
 * - AWS (API Gateway REST, the only API Gateway type that streams past 30 s — "Stream the integration
 *   response" quotas): a streamed response may last 15 minutes; a non-streamed one longer than 29 s is
 *   relayed in STREAM mode too, but must send its first byte within the 5-minute idle timeout.
 * - GCP (global external Application Load Balancer backend timeout, then ESPv2): up to 86,400 s, beyond
 *   the spec's own 3,600 s cap.
 */
export const FRONT_DOOR_LIMITS = {
  aws: { streamingSeconds: 900, bufferedSeconds: 300, name: 'API Gateway (REST)' },
  gcp: { streamingSeconds: 86_400, bufferedSeconds: 86_400, name: 'Google Cloud load balancer' },
} as const satisfies Record<Cloud, { streamingSeconds: number; bufferedSeconds: number; name: string }>;

/** Why the cloud's front door cannot carry the service's API, or undefined when it can. */
export function frontDoorLimitation(cloud: Cloud, spec: ServiceSpec): string | undefined {
  const limits = FRONT_DOOR_LIMITS[cloud];
  const max = spec.api.streaming ? limits.streamingSeconds : limits.bufferedSeconds;
  if (spec.api.maxRequestSeconds <= max) return undefined;
  return `${cloud}'s front door (${limits.name}) carries ${spec.api.streaming ? 'streamed' : 'non-streamed'} requests of at most ${max} s; api.maxRequestSeconds is ${spec.api.maxRequestSeconds}`;
}
