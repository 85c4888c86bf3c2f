import { ERROR_CODES, ModelplaneError } from '../../../lib/errors';
import { FRONT_DOOR_LIMITS } from '../../../lib/plan/front-door-limits';
import type { ServiceSpec } from '../../../lib/spec/service';
import type { Timing } from '../../../lib/workload/timing';

/**
 * API Gateway REST limits (Amazon API Gateway quotas, "Stream the integration response"): buffered
 * integrations time out at 29 s without a quota increase; streamed integrations may run 15 minutes; a
 * streamed response of a regional endpoint is cut after 5 minutes without a byte (headers included).
 */
export const APIGW_BUFFERED_MAX_SECONDS = 29;
/** The planner keeps services whose requests exceed these off AWS (lib/plan/front-door-limits). */
export const APIGW_STREAM_MAX_SECONDS = FRONT_DOOR_LIMITS.aws.streamingSeconds;
export const APIGW_STREAM_IDLE_SECONDS = FRONT_DOOR_LIMITS.aws.bufferedSeconds;
/** NLB TCP idle timeout bounds (target group attribute tcp.idle_timeout.seconds). */
const NLB_IDLE_MIN_SECONDS = 60;
const NLB_IDLE_MAX_SECONDS = 6000;
/** NLB deregistration delay upper bound. */
const NLB_DEREGISTRATION_MAX_SECONDS = 3600;

export type TransferMode = 'BUFFERED' | 'STREAM';

/** Every timeout on the AWS request path, from lib/workload's timing and the spec. */
export interface FrontDoorTiming {
  readonly transferMode: TransferMode;
  /** API Gateway integration timeout. */
  readonly integrationTimeoutSeconds: number;
  /** NLB TCP idle timeout: longer than any pause between tokens. */
  readonly nlbIdleTimeoutSeconds: number;
  /** How long a draining pod keeps its NLB connections: the pod's termination grace. */
  readonly deregistrationDelaySeconds: number;
}

/**
 * Chooses how API Gateway carries the service's responses so that no request the spec allows is cut:
 *  - the whole request (plus the margin lib/ adds) fits in 29 s → a buffered integration;
 *  - streamed responses → STREAM mode, whose integration may run up to 15 minutes (the margin is dropped
 *    when maxRequestSeconds is exactly 900: the request itself still fits);
 *  - non-streamed responses over 29 s → STREAM mode too (API Gateway relays the body as it comes), but the
 *    first byte must arrive within the 5-minute idle timeout, so such requests may last at most 300 s.
 * Anything longer fails here, at synth, with what to change — never a silently cut stream.
 */
export function frontDoorTiming(serviceName: string, spec: ServiceSpec, timing: Timing): FrontDoorTiming {
  const maxRequest = spec.api.maxRequestSeconds;
  const upstream = timing.upstreamTimeoutSeconds;
  const nlbIdleTimeoutSeconds = Math.min(NLB_IDLE_MAX_SECONDS, Math.max(NLB_IDLE_MIN_SECONDS, timing.idleTimeoutSeconds));
  const deregistrationDelaySeconds = Math.min(NLB_DEREGISTRATION_MAX_SECONDS, timing.terminationGracePeriodSeconds);
  const common = { nlbIdleTimeoutSeconds, deregistrationDelaySeconds };

  if (upstream <= APIGW_BUFFERED_MAX_SECONDS) return { transferMode: 'BUFFERED', integrationTimeoutSeconds: upstream, ...common };

  const limit = spec.api.streaming ? APIGW_STREAM_MAX_SECONDS : APIGW_STREAM_IDLE_SECONDS;
  if (maxRequest > limit) {
    throw new ModelplaneError(
      [
        {
          code: ERROR_CODES.INVALID_SPEC,
          path: 'api.maxRequestSeconds',
          message: spec.api.streaming
            ? `of service ${serviceName} exceeds what API Gateway can stream (15 minutes per response)`
            : `of service ${serviceName} exceeds the 5-minute time to first byte API Gateway allows for a non-streamed response`,
          received: String(maxRequest),
          allowed: `at most ${limit} seconds on AWS${spec.api.streaming ? '' : ' (or 900 with api.streaming: true)'}`,
          fix: spec.api.streaming
            ? 'lower api.maxRequestSeconds to 900 or less, or place the service on GCP'
            : 'set api.streaming: true (the server streams its response), or lower api.maxRequestSeconds to 300 or less',
        },
      ],
      'The AWS front door cannot carry this API',
    );
  }
  return { transferMode: 'STREAM', integrationTimeoutSeconds: Math.min(upstream, APIGW_STREAM_MAX_SECONDS), ...common };
}
