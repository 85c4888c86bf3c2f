/**
 * Secret detection: what looks like a secret value (and is refused where only references are allowed), and
 * what does not (model ids, digests, commit ids, words, paths), so that real specs are never rejected.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../lib/errors';
import { looksLikeSecret, parseService, secretKind } from '../../lib/spec';
import { errorOf, LLAMA_8B, problemAt, validService } from './fixtures';

// Fake values of real token shapes (none of them valid credentials).
const SECRETS: Array<[string, string, RegExp]> = [
  ['Hugging Face token', 'hf_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789', /Hugging Face/],
  ['OpenAI key', 'sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78St90Uv12', /OpenAI/],
  ['OpenAI legacy key', 'sk-Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78St90Uv12Wx34', /OpenAI/],
  ['Anthropic key', 'sk-ant-api03-Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56', /Anthropic/],
  ['AWS access key id', 'AKIAIOSFODNN7EXAMPLE', /AWS/],
  ['AWS temporary key id', 'ASIAY34FZKBOKMUTVV7A', /AWS/],
  ['GitHub personal token', 'ghp_16C7e42F292c6912E7710c838347Ae178B4a', /GitHub/],
  ['GitHub app token', 'ghs_16C7e42F292c6912E7710c838347Ae178B4a', /GitHub/],
  ['Slack bot token', 'xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx', /Slack/],
  ['Slack webhook', 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX', /Slack/],
  ['Google API key', 'AIzaSyA-1234567890abcdefghijklmnopqrstu', /Google/],
  ['JWT', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U', /JSON Web Token/],
  ['PEM private key', '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA75cmw\n-----END RSA PRIVATE KEY-----', /private key/],
  ['OpenSSH private key', '-----BEGIN OPENSSH PRIVATE KEY-----', /private key/],
  ['URL with a password', 'postgres://admin:s3cr3t-Passw0rd@db.example.com:5432/app', /password/],
  ['Redis URL with a password', 'redis://default:hunter22@cache.internal:6379', /password/],
  ['service-account key JSON', '{"type": "service_account", "private_key": "..."}', /service-account/],
  ['random 40-char base62', 'Zx9Qm2Lp7Wv4Ks8Tn3Hd6Rb1Yf5Gc0Jq8Ue2Na7X', /high-entropy/],
  ['a token inside an argument', '--api-key=Zx9Qm2Lp7Wv4Ks8Tn3Hd6Rb1Yf5Gc0Jq8Ue2Na7X', /high-entropy/],
  ['a bearer header', 'Authorization: Bearer Zx9Qm2Lp7Wv4Ks8Tn3Hd6Rb1Yf5Gc0Jq8Ue2Na7X', /high-entropy/],
];

const NOT_SECRETS: Array<[string, string]> = [
  ['a model id', 'meta-llama/Llama-3.1-8B-Instruct'],
  ['a pinned model source', LLAMA_8B],
  ['a long quantised model id', 'hf://neuralmagic/Meta-Llama-3.1-405B-Instruct-FP8-dynamic'],
  ['a model id with dots', 'hf://RedHatAI/Llama-3.3-70B-Instruct-quantized.w8a8'],
  ['a distilled model id', 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B-Instruct-AWQ'],
  ['a GPTQ branch', 'hf://TheBloke/Mixtral-8x7B-Instruct-v0.1-GPTQ@gptq-4bit-32g-actorder_True'],
  ['an image digest', `vllm/vllm-openai@sha256:${'9f3c2a1b'.repeat(8)}`],
  ['a bare sha256 digest', `sha256:${'0123456789abcdef'.repeat(4)}`],
  ['a commit SHA', '0e9e39f249a16976918f6564b8830bc894c89659'],
  ['a tagged image', 'ghcr.io/example/toxicity-classifier:1.4.2'],
  ['a word', 'info'],
  ['an engine flag', '--enable-prefix-caching'],
  ['a flag with a value', '--max-num-seqs=256'],
  ['a served model name', '--served-model-name=Llama-3.1-8B-Instruct-Production2'],
  ['a path', '/var/lib/models/llama-3.1-8b-instruct/snapshots'],
  ['an s3 prefix', 's3://my-model-bucket/models/llama-3.1-8b/2024-07-23'],
  ['a secret-store name', 'prod/hf-token'],
  ['an env name', 'HUGGING_FACE_HUB_TOKEN'],
  ['a URL with a port', 'https://example.com:8443/v1/models'],
  ['a URL with a user but no password', 'https://user@example.com/path'],
  ['an issuer', 'https://auth.example.com/'],
  ['a sentence', 'The quick brown fox jumps over the lazy dog 42 times.'],
  ['a long kebab name', 'my-very-long-service-name-for-the-production-cluster-2024'],
  ['a JSON config', '{"max_tokens": 4096, "temperature": 0.7}'],
  ['an empty string', ''],
];

describe('secretKind', () => {
  it.each(SECRETS)('recognises %s', (_, value, kind) => {
    expect(secretKind(value)).toMatch(kind);
    expect(looksLikeSecret(value)).toBe(true);
  });

  it.each(NOT_SECRETS)('does not flag %s', (_, value) => {
    expect(secretKind(value)).toBeUndefined();
    expect(looksLikeSecret(value)).toBe(false);
  });

  it('flags any random 40-character base62 token (mixed case and digits)', () => {
    const base62 = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789');
    const token = fc
      .array(base62, { minLength: 40, maxLength: 40 })
      .map((cs) => cs.join(''))
      .filter((t) => /[A-Z]/.test(t) && /[a-z]/.test(t) && /[0-9]/.test(t));
    fc.assert(fc.property(token, (t) => looksLikeSecret(t)), { seed: 4242, numRuns: 300 });
  });

  it('never flags lower-case hex digests or commit ids of any content', () => {
    const hex = fc.constantFrom(...'0123456789abcdef');
    const digest = (n: number) => fc.array(hex, { minLength: n, maxLength: n }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(digest(64), digest(40), (d, sha) => !looksLikeSecret(`image@sha256:${d}`) && !looksLikeSecret(sha) && !looksLikeSecret(`hf://org/model@${sha}`)),
      { seed: 4243, numRuns: 200 },
    );
  });
});

describe('the spec refuses secret values where only references or plain values belong', () => {
  const token = 'hf_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';

  it.each([
    ['secrets[].from', validService({ secrets: [{ name: 'hf-token', from: token, env: 'HF_TOKEN' }] }), 'secrets[0].from'],
    ['runtime.env values', validService({ runtime: { env: { HUGGING_FACE_HUB_TOKEN: token } } }), 'runtime.env.HUGGING_FACE_HUB_TOKEN'],
    ['runtime.args', validService({ runtime: { args: ['--port', '8000', `--api-key=${token}`] } }), 'runtime.args[2]'],
    ['model.source', validService({ model: { source: `hf://meta-llama/Llama-3.1-8B-Instruct@${token}` } }), 'model.source'],
  ])('in %s', (_, spec, at) => {
    const error = errorOf(() => parseService(spec));
    const p = problemAt(error.problems, ERROR_CODES.SECRET_LITERAL, at);
    expect(p.fix).toMatch(/secret/);
    expect(p.allowed).toMatch(/\S/);
    expect(error.message).not.toContain(token);
    expect(JSON.stringify(error.problems)).not.toContain(token);
  });

  it('an AWS key in an s3 source is refused too', () => {
    const error = errorOf(() => parseService(validService({ model: { source: 's3://bucket-name/AKIAIOSFODNN7EXAMPLE/model', parametersBillions: 7 } })));
    problemAt(error.problems, ERROR_CODES.SECRET_LITERAL, 'model.source');
    expect(error.message).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });

  it('every secret-looking value in one spec is reported, each at its path', () => {
    const error = errorOf(() =>
      parseService(validService({ runtime: { env: { A: 'AKIAIOSFODNN7EXAMPLE', B: 'ok' }, args: ['ghp_16C7e42F292c6912E7710c838347Ae178B4a'] } })),
    );
    expect(error.problems.filter((p) => p.code === ERROR_CODES.SECRET_LITERAL).map((p) => p.path).sort()).toEqual(['runtime.args[0]', 'runtime.env.A']);
  });

  it('accepts the non-secrets in the same places', () => {
    expect(() =>
      parseService(
        validService({
          model: { source: 'hf://neuralmagic/Meta-Llama-3.1-405B-Instruct-FP8-dynamic', parametersBillions: 405, precision: 'fp8' },
          runtime: { args: ['--served-model-name=Llama-3.1-8B-Instruct-Production2', '--max-num-seqs=256'], env: { LOG_LEVEL: 'info', CONFIG: '{"max_tokens": 4096}' } },
          secrets: [{ name: 'hf-token', from: 'prod/hf-token', env: 'HF_TOKEN' }],
        }),
      ),
    ).not.toThrow();
  });
});
