import { at, resourceRule } from '../rule';

/** The Google load balancer's default backend timeout, seconds: it would cut longer requests and streams. */
export const GCLB_DEFAULT_TIMEOUT_SECONDS = 30;

/**
 * Every operation of the Cloud Endpoints API requires an API key or a JWT, unless the document says IAP
 * authenticates at the load balancer (`x-modelplane-auth: iap`) or carries the spec's written reason for a
 * public API (`x-modelplane-public-reason`, the acknowledgement).
 */
export const authenticatedFrontDoor = resourceRule('authenticated-front-door', 'The API requires authentication (API key, JWT or IAP), or states why it is public.', ['gcp:endpoints/service:Service'], (p) => {
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(String(p.openapiConfig ?? '{}')) as Record<string, unknown>;
  } catch {
    return ['openapiConfig is not JSON: cannot check authentication.'];
  }
  if (doc['x-modelplane-auth'] === 'iap') return [];
  const reason = doc['x-modelplane-public-reason'];
  if (typeof reason === 'string' && reason.trim().length >= 10) return [];
  const paths = (doc.paths ?? {}) as Record<string, Record<string, unknown>>;
  const globalSecurity = Array.isArray(doc.security) && doc.security.length > 0;
  const open: string[] = [];
  for (const [path, ops] of Object.entries(paths)) {
    for (const [verb, op] of Object.entries(ops)) {
      const security = at(op, 'security');
      if (!globalSecurity && !(Array.isArray(security) && security.length > 0)) open.push(`${verb.toUpperCase()} ${path}`);
    }
  }
  if (doc['x-google-allow'] === 'all') open.push('x-google-allow: all (unlisted paths bypass authentication)');
  return open.map((o) => `${o} has no security requirement: require an API key or a JWT (or set api.auth public with a reason).`);
});

/** The load balancer's backend timeout is explicit and above its 30 s default (streams would be cut). */
export const gatewayTimeout = resourceRule('gateway-backend-timeout', "GCPBackendPolicy sets timeoutSec above the load balancer's 30 s default.", ['kubernetes:networking.gke.io/v1:GCPBackendPolicy'], (p) => {
  const t = at(p, 'spec.default.timeoutSec');
  return typeof t === 'number' && t > GCLB_DEFAULT_TIMEOUT_SECONDS ? [] : [`spec.default.timeoutSec is ${JSON.stringify(t)}: set it to the request timeout (api.maxRequestSeconds + margin).`];
});
