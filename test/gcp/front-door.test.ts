import { describe, expect, it } from 'vitest';
import { isModelplaneError } from '../../lib/errors';
import { deriveTiming } from '../../lib/workload';
import { get, GCP_CASES, run, T, withSpec } from './fixtures';

const openapi = (r: Awaited<ReturnType<typeof run>>) => JSON.parse(String(r.one(T.endpoints, 'endpoints').inputs.openapiConfig));

describe.each(GCP_CASES.map((c) => [c.service.name, c] as const))('front door of %s', (_, { service, placement }) => {
  const max = service.spec.api.maxRequestSeconds;
  const upstream = deriveTiming(service.spec, service.requirement).upstreamTimeoutSeconds;

  it('sets the load balancer timeout to the request timeout (never the 30 s default)', async () => {
    const policy = (await run(service, placement)).all(T.backendPolicy)[0];
    const timeout = get(policy?.inputs, 'spec.default.timeoutSec') as number;
    expect(timeout).toBe(upstream);
    expect(timeout).toBeGreaterThanOrEqual(max);
    expect(timeout).toBeGreaterThan(30);
  });

  it('gives ESPv2 a backend deadline and stream idle timeout at least maxRequestSeconds', async () => {
    const r = await run(service, placement);
    expect(openapi(r)['x-google-backend'].deadline).toBeGreaterThanOrEqual(max);
    const esp = r.all(T.deployment).find((d) => String(get(d.inputs, 'metadata.name')).endsWith('-esp'));
    const args = get(esp?.inputs, 'spec.template.spec.containers.0.args') as string[];
    const idle = Number(/--stream_idle_timeout=(\d+)s/.exec(args.join(' '))?.[1]);
    expect(idle).toBeGreaterThanOrEqual(max);
    expect(get(esp?.inputs, 'spec.template.spec.terminationGracePeriodSeconds') as number).toBeGreaterThan(max);
  });

  it('requires an API key on every operation (the example auth)', async () => {
    const doc = openapi(await run(service, placement));
    expect(doc.securityDefinitions).toEqual({ api_key: { type: 'apiKey', name: 'x-api-key', in: 'header' } });
    for (const ops of Object.values(doc.paths) as Array<Record<string, { security: unknown }>>) for (const op of Object.values(ops)) expect(op.security).toEqual([{ api_key: [] }]);
  });

  it('routes the public base path to ESPv2, stripping it', async () => {
    const route = (await run(service, placement)).all(T.route)[0];
    expect(get(route?.inputs, 'spec.rules.0.matches.0.path')).toEqual({ type: 'PathPrefix', value: service.spec.api.path });
    expect(get(route?.inputs, 'spec.rules.0.filters.0.urlRewrite.path.replacePrefixMatch')).toBe('/');
  });
});

describe('front door auth modes', () => {
  const { service, placement } = GCP_CASES[0]!;

  it('checks JWTs from the declared issuer and audiences', async () => {
    const jwt = withSpec(service, (s) => ({ ...s, api: { ...s.api, auth: { type: 'jwt', issuer: 'https://id.example.com/', audiences: ['a', 'b'] } } }));
    const doc = openapi(await run(jwt, placement));
    expect(doc.securityDefinitions.jwt).toMatchObject({ 'x-google-issuer': 'https://id.example.com/', 'x-google-audiences': 'a,b' });
    expect(doc.paths['/{path=**}'].post.security).toEqual([{ jwt: [] }]);
  });

  it('rejects iam auth without an IAP client before creating any resource', async () => {
    const iam = withSpec(service, (s) => ({ ...s, api: { ...s.api, auth: { type: 'iam' } } }));
    let error: unknown;
    const r = await run(iam, placement).catch((e: unknown) => {
      error = e;
      return undefined;
    });
    expect(r).toBeUndefined();
    expect(isModelplaneError(error)).toBe(true);
    expect(String(error)).toMatch(/IAP OAuth client/);
  });

  it('enables IAP on the backend policy for iam auth with a client', async () => {
    const iam = withSpec(service, (s) => ({ ...s, api: { ...s.api, auth: { type: 'iam' } } }));
    const r = await run(iam, placement, { frontDoor: { iap: { clientId: 'client.apps.googleusercontent.com', oauthClientSecretName: 'iap-oauth' } } });
    expect(get(r.all(T.backendPolicy)[0]?.inputs, 'spec.default.iap')).toEqual({ enabled: true, clientID: 'client.apps.googleusercontent.com', oauth2ClientSecret: { name: 'iap-oauth' } });
  });
});
