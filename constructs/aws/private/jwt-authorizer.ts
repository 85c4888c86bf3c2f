import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/**
 * Verifies an OIDC bearer token without dependencies (Node's crypto verifies RS/PS/ES signatures from JWKs):
 * discovers the issuer's JWKS, caches it for an hour and refetches once on an unknown `kid`; checks signature,
 * `iss`, `aud` (any of the configured audiences), `exp` and `nbf` with 60 s of clock skew; allows the whole
 * stage so the cached decision (keyed by token) holds for every route. Errors are 'Unauthorized' (401).
 */
export const JWT_VERIFIER_SOURCE = `
const crypto = require('crypto');
const ISSUER = process.env.ISSUER;
const AUDIENCES = JSON.parse(process.env.AUDIENCES);
const HASH = { RS256: 'sha256', RS384: 'sha384', RS512: 'sha512', PS256: 'sha256', PS384: 'sha384', PS512: 'sha512', ES256: 'sha256', ES384: 'sha384', ES512: 'sha512' };
let cache = { keys: undefined, at: 0 };
const deny = () => { throw new Error('Unauthorized'); };
const b64 = (s) => Buffer.from(s, 'base64url');
async function getJson(url) {
  const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
  if (!res.ok) throw new Error('fetch ' + url + ': ' + res.status);
  return res.json();
}
async function keys(refresh) {
  if (refresh || !cache.keys || Date.now() - cache.at > 3600000) {
    const conf = await getJson(ISSUER.replace(/\\/$/, '') + '/.well-known/openid-configuration');
    if (conf.issuer !== ISSUER) throw new Error('issuer mismatch in discovery document');
    cache = { keys: (await getJson(conf.jwks_uri)).keys || [], at: Date.now() };
  }
  return cache.keys;
}
const pick = (ks, kid) => ks.find((k) => k.kid === kid) || (kid === undefined && ks.length === 1 ? ks[0] : undefined);
exports.handler = async (event) => {
  const m = /^Bearer ([A-Za-z0-9_-]+)\\.([A-Za-z0-9_-]+)\\.([A-Za-z0-9_-]+)$/.exec(event.authorizationToken || '');
  if (!m) deny();
  let header, claims;
  try { header = JSON.parse(b64(m[1])); claims = JSON.parse(b64(m[2])); } catch { deny(); }
  const hash = HASH[header.alg];
  if (!hash) deny();
  const jwk = pick(await keys(false), header.kid) || pick(await keys(true), header.kid);
  if (!jwk) deny();
  const key = crypto.createPublicKey({ key: jwk, format: 'jwk' });
  const data = Buffer.from(m[1] + '.' + m[2]);
  const opts = header.alg[0] === 'E' ? { key, dsaEncoding: 'ieee-p1363' }
    : header.alg[0] === 'P' ? { key, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: crypto.constants.RSA_PSS_SALTLEN_DIGEST } : key;
  let ok = false;
  try { ok = crypto.verify(hash, data, opts, b64(m[3])); } catch { ok = false; }
  if (!ok) deny();
  const now = Math.floor(Date.now() / 1000);
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (claims.iss !== ISSUER || !aud.some((a) => AUDIENCES.includes(a))) deny();
  if (typeof claims.exp !== 'number' || claims.exp + 60 < now) deny();
  if (typeof claims.nbf === 'number' && claims.nbf - 60 > now) deny();
  const stage = event.methodArn.split('/').slice(0, 2).join('/') + '/*';
  const sub = typeof claims.sub === 'string' ? claims.sub : 'anonymous';
  return { principalId: sub, policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: stage }] }, context: { sub } };
};
`;

/** Authorizer decisions are cached per token for a minute: short against token expiry, long enough to spare the Lambda. */
const DECISION_CACHE = Duration.seconds(60);

export interface JwtAuthorizerParts {
  readonly authorizer: apigw.TokenAuthorizer;
  readonly function: lambda.Function;
  readonly logGroup: logs.LogGroup;
}

/**
 * A TOKEN authorizer for JWTs of one OIDC issuer. A Lambda because REST APIs — the only API Gateway APIs that
 * stream responses beyond 30 s — have no native JWT authorizer (HTTP APIs do, but cut integrations at 30 s).
 * Not in the VPC: it needs the issuer's public JWKS endpoint and nothing inside the VPC.
 */
export function createJwtAuthorizer(scope: Construct, issuer: string, audiences: readonly string[], key: kms.IKey, retention: logs.RetentionDays): JwtAuthorizerParts {
  const logGroup = new logs.LogGroup(scope, 'JwtAuthorizerLogs', { retention, encryptionKey: key, removalPolicy: RemovalPolicy.RETAIN });
  const role = new iam.Role(scope, 'JwtAuthorizerRole', {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    description: 'JWT authorizer: writes its own logs, nothing else',
  });
  role.addToPolicy(new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));
  Validations.of(role).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::<JwtAuthorizerLogs2D9F3F8A.Arn>:*]',
    reason: 'Log streams of the authorizer\'s own log group: stream names are created by Lambda at run time.',
  });
  const fn = new lambda.Function(scope, 'JwtAuthorizerFunction', {
    runtime: lambda.Runtime.NODEJS_24_X,
    architecture: lambda.Architecture.ARM_64,
    handler: 'index.handler',
    code: lambda.Code.fromInline(JWT_VERIFIER_SOURCE),
    memorySize: 256,
    timeout: Duration.seconds(10),
    role,
    logGroup,
    environment: { ISSUER: issuer, AUDIENCES: JSON.stringify(audiences) },
    description: `Verifies JWTs issued by ${issuer}`,
  });
  const authorizer = new apigw.TokenAuthorizer(scope, 'JwtAuthorizer', {
    handler: fn,
    identitySource: apigw.IdentitySource.header('Authorization'),
    validationRegex: '^Bearer [A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$',
    resultsCacheTtl: DECISION_CACHE,
  });
  return { authorizer, function: fn, logGroup };
}
