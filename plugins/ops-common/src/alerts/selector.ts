import { readLabelMatcher } from '../promql';
import type { AlertMatcher } from './types';

/** A matcher operator as Prometheus and Alertmanager spell it. @public */
export type AlertMatcherOp = '=' | '!=' | '=~' | '!~';

/** One matcher of an alert selector. @public */
export interface SelectorMatcher {
  name: string;
  op: AlertMatcherOp;
  value: string;
}

/** A selector that cannot be parsed; `position` is 0-based. @public */
export class AlertSelectorError extends Error {
  readonly position: number;
  constructor(message: string, position: number) {
    super(message);
    this.name = 'AlertSelectorError';
    this.position = position;
  }
}

/**
 * Parses an `unyo.dev/alert-selector` annotation: label matchers as PromQL
 * writes them inside braces (`=`, `!=`, `=~`, `!~`, comma separated, double,
 * single or back-quoted values with Go escapes), with or without the braces.
 * Regexes must compile. Throws {@link AlertSelectorError} saying where.
 *
 * @public
 */
export function parseAlertSelector(text: string): SelectorMatcher[] {
  let pos = 0;
  const fail = (what: string): never => {
    throw new AlertSelectorError(
      `Invalid alert selector "${text}": ${what} at character ${pos + 1}; ` +
        'expected label matchers like service="api",env=~"prod|staging"',
      pos,
    );
  };
  const skipSpace = () => {
    while (pos < text.length && /\s/.test(text[pos])) pos++;
  };

  skipSpace();
  const braces = text[pos] === '{';
  if (braces) pos++;
  const matchers: SelectorMatcher[] = [];
  for (;;) {
    skipSpace();
    if (braces && text[pos] === '}') break;
    if (!braces && pos >= text.length) break;
    const read = readLabelMatcher(text, pos);
    if ('problem' in read) {
      pos = read.at;
      if (read.problem === 'name') fail('expected a label name');
      if (read.problem === 'operator')
        fail(`expected =, !=, =~ or !~ after "${read.name}"`);
      return fail((read as { error: string }).error);
    }
    const { name, op, value } = read;
    const start = read.valueAt;
    pos = read.end;
    if (op === '=~' || op === '!~') {
      try {
        anchoredRegex(value);
      } catch (e) {
        pos = start;
        fail(`invalid regex "${value}" (${(e as Error).message})`);
      }
    }
    matchers.push({ name, op, value });
    skipSpace();
    if (text[pos] === ',') {
      pos++;
      continue;
    }
    if (braces && text[pos] !== '}') fail('expected "," or "}"');
    if (!braces && pos < text.length) fail('expected ","');
  }
  if (braces) {
    pos++;
    skipSpace();
    if (pos < text.length) fail('unexpected text after "}"');
  }
  if (matchers.length === 0) {
    pos = 0;
    fail('no matchers (an empty selector would select every alert)');
  }
  if (matchers.every(m => matches(m, ''))) {
    pos = 0;
    fail(
      'every matcher matches the empty value, so it would select every alert',
    );
  }
  return matchers;
}

/**
 * The regex as Prometheus applies it: anchored at both ends, so `api` does
 * not match `api-gateway`. A leading `(?i)` (RE2 flag syntax) becomes the
 * `i` flag, which JavaScript spells differently.
 *
 * @public
 */
export function anchoredRegex(source: string): RegExp {
  const insensitive = source.startsWith('(?i)');
  const body = insensitive ? source.slice(4) : source;
  return new RegExp(`^(?:${body})$`, insensitive ? 'isu' : 'su');
}

const regexCache = new Map<string, RegExp>();
function cachedRegex(source: string): RegExp {
  let re = regexCache.get(source);
  if (!re) {
    re = anchoredRegex(source);
    // Selectors are few; bound the cache anyway.
    if (regexCache.size > 1000) regexCache.clear();
    regexCache.set(source, re);
  }
  return re;
}

function matches(matcher: SelectorMatcher, value: string): boolean {
  switch (matcher.op) {
    case '=':
      return value === matcher.value;
    case '!=':
      return value !== matcher.value;
    case '=~':
      return cachedRegex(matcher.value).test(value);
    default:
      return !cachedRegex(matcher.value).test(value);
  }
}

/**
 * Whether labels satisfy every matcher. A missing label counts as the empty
 * value, as in Prometheus and Alertmanager.
 *
 * @public
 */
export function matchesSelector(
  matchers: readonly SelectorMatcher[],
  labels: Record<string, string | undefined>,
): boolean {
  return matchers.every(m => matches(m, labels[m.name] ?? ''));
}

/** Alertmanager's API form of a matcher. @public */
export function toAlertMatcher(matcher: SelectorMatcher): AlertMatcher {
  return {
    name: matcher.name,
    value: matcher.value,
    isRegex: matcher.op === '=~' || matcher.op === '!~',
    isEqual: matcher.op === '=' || matcher.op === '=~',
  };
}

/** The operator of an Alertmanager API matcher. @public */
export function matcherOp(matcher: AlertMatcher): AlertMatcherOp {
  const equal = matcher.isEqual !== false;
  if (matcher.isRegex) return equal ? '=~' : '!~';
  return equal ? '=' : '!=';
}

/** Writes one matcher back as PromQL, escaping the value. @public */
export function formatMatcher(matcher: SelectorMatcher | AlertMatcher): string {
  const op = 'op' in matcher ? matcher.op : matcherOp(matcher);
  const value = matcher.value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n');
  return `${matcher.name}${op}"${value}"`;
}
