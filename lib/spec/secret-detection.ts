/**
 * Recognises strings that look like secret values (tokens, keys, passwords) so that the spec can refuse
 * them where only a reference is allowed. Pure and cheap: a handful of well-known token shapes plus a
 * high-entropy test for long opaque strings.
 */

/** Well-known token shapes, with the kind of secret each one is. */
const TOKEN_PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/hf_[A-Za-z0-9]{30,}/, 'a Hugging Face token'],
  [/sk-(proj-|ant-)?[A-Za-z0-9_-]{20,}/, 'an OpenAI/Anthropic API key'],
  [/(AKIA|ASIA)[0-9A-Z]{16}/, 'an AWS access key id'],
  [/gh[pousr]_[A-Za-z0-9]{30,}/, 'a GitHub token'],
  [/xox[abprs]-[A-Za-z0-9-]{10,}/, 'a Slack token'],
  [/hooks\.slack\.com\/services\/[A-Za-z0-9/]+/, 'a Slack webhook URL'],
  [/AIza[0-9A-Za-z_-]{35}/, 'a Google API key'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
  [/eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/, 'a JSON Web Token'],
  [/[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:[^\s@/]+@/, 'a URL with a password'],
  [/"private_key"\s*:/, 'a service-account key'],
];

/**
 * Returns what kind of secret the value looks like, or undefined when it does not look like one.
 * Long strings of mixed letters and digits with high entropy count as secrets too, unless
 * `highEntropy: false` (for scanning generated output, where hashes and logical IDs look random).
 */
export function secretKind(value: string, options: { readonly highEntropy?: boolean } = {}): string | undefined {
  for (const [pattern, kind] of TOKEN_PATTERNS) if (pattern.test(value)) return kind;
  if (options.highEntropy === false) return undefined;
  for (const word of value.split(/[\s=:,;"'/]+/)) {
    if (isHighEntropyToken(word)) return 'a high-entropy token (a key or password)';
  }
  return undefined;
}

/** True when the value looks like a secret. */
export function looksLikeSecret(value: string): boolean {
  return secretKind(value) !== undefined;
}

/**
 * An opaque token: at least 32 characters from the base64/hex alphabets, with letters and digits mixed
 * and Shannon entropy above 3.5 bits per character, with a run of at least 16 characters between '-', '.' and '_'
 * (model names are made of short parts). Names like `meta-llama/Llama-3.1-8B-Instruct` or
 * `sha256:` image digests do not count (digests are hex after a known prefix and are not secrets).
 */
function isHighEntropyToken(word: string): boolean {
  if (word.length < 32 || !/^[A-Za-z0-9+_\-.]+$/.test(word)) return false;
  if (/^[a-f0-9]{64}$/.test(word) || /^[a-f0-9]{40}$/.test(word)) return false; // digests, commit ids
  if (!/[0-9]/.test(word) || !/[a-z]/.test(word) || !/[A-Z]/.test(word)) return false;
  // Names of short parts (neuralmagic/Meta-Llama-3.1-405B-Instruct-FP8-dynamic) are not opaque tokens.
  // and a name with one long plain word (…-resourceMetadata-writer) is not one either: the long run itself
  // must mix digits and both cases, as random tokens do.
  if (!word.split(/[-._]/).some((part) => part.length >= 16 && /[0-9]/.test(part) && /[a-z]/.test(part) && /[A-Z]/.test(part))) return false;
  return shannonEntropy(word) > 3.5;
}

function shannonEntropy(text: string): number {
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    h -= p * Math.log2(p);
  }
  return h;
}
