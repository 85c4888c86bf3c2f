import type { z } from 'zod';
import { ERROR_CODES, ErrorCode, Problem, formatPath, renderValue } from './errors';
import { closestKey, objectKeysAt } from './zod-keys';

/** The schema and input an issue list came from: lets unknown-field problems name the known fields. */
export interface ProblemContext {
  readonly schema: z.core.$ZodType;
  readonly input: unknown;
}

/**
 * Turns zod issues into modelplane problems: a stable code, the exact path, what was received, what is
 * allowed and how to fix it. Issues must come from `safeParse(input, { reportInput: true })` so that the
 * received value is known.
 *
 * Custom rules set `params: { code, allowed, fix, redact }` on their issues; `redact: true` keeps a secret
 * out of the message.
 */
export function problemsFromZod(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = [], context?: ProblemContext): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    if (issue.code === 'invalid_union' && isDiscriminatorMiss(issue)) {
      const pathArr = [...prefix, ...issue.path];
      const input = (issue as { input?: unknown }).input;
      const value = input !== null && typeof input === 'object' ? (input as Record<string, unknown>)[String(pathArr[pathArr.length - 1])] : input;
      out.push(notAllowedValue(pathArr, value, ((issue as { options?: unknown[] }).options ?? []).map((o) => JSON.stringify(o))));
      continue;
    }
    const merged = issue.code === 'invalid_union' ? mergedTagProblem(issue, prefix) : undefined;
    if (merged) {
      out.push(merged);
      continue;
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // A union: report the branch that got furthest (the one the user meant), not "invalid input".
      const ranked = issue.errors
        .map((errs, i) => ({
          errs,
          i,
          depth: Math.max(0, ...errs.map((e) => e.path.length)),
          // A branch that refused a literal tag (engine: custom vs "vllm") is the wrong branch.
          tagMiss: errs.some((e) => e.code === 'invalid_value' && e.path.length === 1 && e.values.length === 1) ? 1 : 0,
        }))
        .sort((a, b) => a.tagMiss - b.tagMiss || b.depth - a.depth || a.errs.length - b.errs.length || a.i - b.i);
      const best = ranked[0];
      if (best && best.depth > 0) {
        out.push(...problemsFromZod(best.errs, [...prefix, ...issue.path], context));
        continue;
      }
    }
    out.push(...toProblems(issue, prefix, context));
  }
  return dedupe(out);
}

/**
 * A union whose every branch refused the same field's value (a tag such as `engine`): one problem listing
 * the values of all branches, instead of the one branch that happened to rank first.
 */
function mergedTagProblem(issue: z.core.$ZodIssue & { code: 'invalid_union' }, prefix: readonly PropertyKey[]): Problem | undefined {
  if (issue.errors.length < 2) return undefined;
  const tags = issue.errors.map((errs) => errs.find((e) => e.code === 'invalid_value' && e.path.length === 1));
  const first = tags[0];
  if (!first || tags.some((t) => !t || t.path[0] !== first.path[0])) return undefined;
  const values = [...new Set(tags.flatMap((t) => (t as z.core.$ZodIssueInvalidValue).values.map((v) => JSON.stringify(v))))];
  return notAllowedValue([...prefix, ...issue.path, ...first.path], (first as { input?: unknown }).input, values);
}

/** A tag value outside its list (or missing): one problem naming every allowed value. */
function notAllowedValue(pathArr: readonly PropertyKey[], value: unknown, values: readonly string[]): Problem {
  return {
    code: value === undefined ? ERROR_CODES.REQUIRED : ERROR_CODES.INVALID_VALUE,
    path: formatPath(pathArr),
    message: value === undefined ? 'is required' : 'is not one of the allowed values',
    received: value === undefined ? undefined : renderValue(value),
    allowed: values.join(', '),
    fix: `set \`${lastKey(pathArr)}\` to one of ${values.join(', ')}`,
  };
}

function isDiscriminatorMiss(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'invalid_union' && (issue as { note?: string }).note === 'No matching discriminator';
}

function toProblems(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[], context: ProblemContext | undefined): Problem[] {
  const pathArr = [...prefix, ...issue.path];
  const path = formatPath(pathArr);
  const input = (issue as { input?: unknown }).input;
  const received = input === undefined ? undefined : renderValue(input);

  switch (issue.code) {
    case 'invalid_type': {
      if (input === undefined) {
        return [{ code: ERROR_CODES.REQUIRED, path, message: `is required`, allowed: describeExpected(issue.expected), fix: `add \`${lastKey(pathArr)}\`` }];
      }
      return [
        {
          code: ERROR_CODES.INVALID_TYPE,
          path,
          message: `must be ${describeExpected(issue.expected)}`,
          received: `${received} (${typeName(input)})`,
          allowed: describeExpected(issue.expected),
          fix: `give \`${lastKey(pathArr)}\` ${describeExpected(issue.expected)}`,
        },
      ];
    }
    case 'unrecognized_keys': {
      const known = context ? objectKeysAt(context.schema, pathArr, context.input) : undefined;
      return issue.keys.map((key) => {
        const suggestion = known ? closestKey(key, known) : undefined;
        return {
          code: ERROR_CODES.UNKNOWN_FIELD,
          path: formatPath([...pathArr, key]),
          message: suggestion ? `is not a known field (did you mean \`${suggestion}\`?)` : 'is not a known field',
          received: JSON.stringify(key),
          allowed: known?.join(', '),
          fix: suggestion ? `rename \`${key}\` to \`${suggestion}\`` : `remove \`${key}\` or correct its spelling`,
        };
      });
    }
    case 'invalid_value':
      return [
        {
          code: ERROR_CODES.INVALID_VALUE,
          path,
          message: `is not one of the allowed values`,
          received,
          allowed: issue.values.map((v) => JSON.stringify(v)).join(', '),
          fix: `use one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`,
        },
      ];
    case 'invalid_union':
      return [
        {
          code: ERROR_CODES.INVALID_VALUE,
          path,
          message: issue.message.startsWith('Invalid input') ? 'is not one of the allowed forms' : issue.message,
          received,
          allowed: issue.message.startsWith('Invalid input') ? undefined : issue.message.replace(/^must be /, ''),
          fix: `see the field reference for \`${lastKey(pathArr)}\``,
        },
      ];
    case 'invalid_format': {
      const desc = describeFormat(issue.format, issue.message);
      return [{ code: ERROR_CODES.INVALID_FORMAT, path, message: `must be ${desc}`, received, allowed: desc, fix: `write \`${lastKey(pathArr)}\` as ${desc}` }];
    }
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const inclusive = issue.inclusive !== false;
      const isSize = issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set';
      const what = issue.origin === 'string' ? 'characters' : issue.origin === 'array' ? 'items' : '';
      const cmp = issue.code === 'too_small' ? (inclusive ? 'at least' : 'more than') : inclusive ? 'at most' : 'less than';
      const allowed = `${cmp} ${String(bound)}${what ? ` ${what}` : ''}`;
      return [
        {
          code: ERROR_CODES.OUT_OF_RANGE,
          path,
          message: `must be ${allowed}`,
          received: isSize && typeof input === 'string' ? `${received} (${sizeOf(input)} characters)` : received,
          allowed,
          fix: `set \`${lastKey(pathArr)}\` to ${allowed}`,
        },
      ];
    }
    case 'custom': {
      const params = (issue.params ?? {}) as { code?: ErrorCode; allowed?: string; fix?: string; redact?: boolean };
      return [
        {
          code: params.code ?? ERROR_CODES.INVALID_SPEC,
          path,
          message: issue.message,
          received: params.redact ? '(value hidden: it looks like a secret)' : received,
          allowed: params.allowed,
          fix: params.fix,
        },
      ];
    }
    default:
      return [{ code: ERROR_CODES.INVALID_SPEC, path, message: issue.message, received }];
  }
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.code}|${p.path}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function lastKey(path: readonly PropertyKey[]): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return String(path[i]);
  return 'the value';
}

function describeExpected(expected: string): string {
  switch (expected) {
    case 'object':
      return 'an object (a mapping of fields)';
    case 'array':
      return 'a list';
    case 'int':
      return 'a whole number';
    default:
      return `a ${expected}`;
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'object';
  return typeof value;
}

function sizeOf(value: unknown): number {
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  return 0;
}


function describeFormat(format: string, message: string): string {
  if (format === 'regex') return message.startsWith('Invalid') ? 'text of the documented form' : message;
  if (format === 'url') return 'a URL such as https://issuer.example.com/';
  if (format === 'email') return 'an e-mail address';
  if (format === 'date') return 'a date YYYY-MM-DD';
  return `a valid ${format}`;
}
