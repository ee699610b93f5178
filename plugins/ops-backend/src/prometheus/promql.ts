import { InputError } from '@backstage/errors';
import {
  formatPromqlDuration,
  readLabelMatcher,
} from '@unyo/plugin-ops-common';

/** A label matcher operator as PromQL spells it. */
export type MatcherOp = '=' | '!=' | '=~' | '!~';

export interface LabelMatcher {
  name: string;
  op: MatcherOp;
  value: string;
}

/** A plain instant-vector selector: a metric name and label matchers. */
export interface ParsedSelector {
  metric: string;
  matchers: LabelMatcher[];
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * Escapes a value for a double-quoted PromQL string. Values come from catalog
 * files, so a quote or backslash must never end the string early and let the
 * rest be read as PromQL.
 */
export function escapeLabelValue(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r');
}

/**
 * Escapes a value so that a PromQL (RE2) regex matches it literally. The
 * result still needs `escapeLabelValue` to go inside a string.
 */
export function escapeRegex(value: string): string {
  return value.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

function assertLabelName(name: string): void {
  if (!LABEL_NAME.test(name)) {
    throw new InputError(`Invalid label name "${name}"`);
  }
}

function assertMetricName(name: string): void {
  if (!METRIC_NAME.test(name)) {
    throw new InputError(`Invalid metric name "${name}"`);
  }
}

/** `{ service: 'a', code: '200' }` → `service="a",code="200"` (no braces). */
export function formatMatchers(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([name, value]) => formatMatcher({ name, op: '=', value }))
    .join(',');
}

function formatMatcher(matcher: LabelMatcher): string {
  assertLabelName(matcher.name);
  return `${matcher.name}${matcher.op}"${escapeLabelValue(matcher.value)}"`;
}

/** Writes a selector back as PromQL, escaping every value. */
export function formatSelector(selector: ParsedSelector): string {
  assertMetricName(selector.metric);
  if (selector.matchers.length === 0) {
    return selector.metric;
  }
  return `${selector.metric}{${selector.matchers
    .map(formatMatcher)
    .join(',')}}`;
}

/**
 * Seconds as a PromQL duration (ops-common's `formatPromqlDuration`: the
 * largest single unit that divides them exactly, `2592000` → `30d`, which
 * every Prometheus-compatible server accepts); a bad one is a 400, as the
 * backend's other query errors.
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new InputError(`Invalid PromQL duration: ${seconds} seconds`);
  }
  return formatPromqlDuration(seconds);
}

export interface IncreaseQueryOptions {
  /** Labels to keep in the result; none gives a single summed value. */
  sumBy?: string[];
}

/** `sum by (service) (increase(<selector>[<window>]))`, selector validated first. */
export function increaseQuery(
  selector: string | ParsedSelector,
  windowSeconds: number,
  options: IncreaseQueryOptions = {},
): string {
  const parsed =
    typeof selector === 'string' ? parseSelector(selector) : selector;
  const inner = `increase(${formatSelector(parsed)}[${formatDuration(
    windowSeconds,
  )}])`;
  return `${sumPrefix(options.sumBy)}(${inner})`;
}

/** `sum ` or `sum by (a, b) `, label names validated. */
export function sumPrefix(sumBy: string[] = []): string {
  sumBy.forEach(assertLabelName);
  return sumBy.length ? `sum by (${sumBy.join(', ')}) ` : 'sum';
}

// Go string escapes that PromQL accepts inside "..." and '...'.
/**
 * Parses a counter selector as SLO documents write them, e.g.
 * `http_requests_total{service="identity-service",code!~"5.."}`.
 * Anything else (functions, operators, ranges, offsets, comments) is
 * rejected, so a document can only ever choose series, never run PromQL.
 */
export function parseSelector(selector: string): ParsedSelector {
  const text = selector;
  let pos = 0;

  const fail = (what: string): never => {
    throw new InputError(
      `Invalid selector "${text}": ${what} at char ${pos + 1}; ` +
        'expected a metric name with optional label matchers, like ' +
        'http_requests_total{service="api",code!~"5.."}',
    );
  };
  const skipSpace = () => {
    while (pos < text.length && /\s/.test(text[pos])) pos++;
  };
  const readName = (pattern: RegExp): string => {
    const match = pattern.exec(text.slice(pos));
    if (!match) return '';
    pos += match[0].length;
    return match[0];
  };

  skipSpace();
  let metric = readName(/^[a-zA-Z_:][a-zA-Z0-9_:]*/);
  skipSpace();
  if (metric && text[pos] === '(') {
    fail(`"${metric}(" is a function call; functions are not allowed`);
  }
  const matchers: LabelMatcher[] = [];
  if (text[pos] === '{') {
    pos++;
    skipSpace();
    while (text[pos] !== '}') {
      if (pos >= text.length) fail('missing "}"');
      const read = readLabelMatcher(text, pos);
      if ('problem' in read) {
        pos = read.at;
        if (read.problem === 'name') fail('expected a label name');
        if (read.problem === 'operator')
          fail('expected a matcher operator (=, !=, =~, !~)');
        const { error } = read as { error: string };
        return fail(
          error === 'expected a quoted value'
            ? 'expected a quoted label value'
            : error,
        );
      }
      matchers.push({ name: read.name, op: read.op, value: read.value });
      pos = read.end;
      skipSpace();
      if (text[pos] === ',') {
        pos++;
        skipSpace();
      } else if (pos >= text.length) {
        fail('missing "}"');
      } else if (text[pos] !== '}') {
        fail('expected "," or "}"');
      }
    }
    pos++;
    skipSpace();
  }
  if (pos < text.length) {
    fail(`unexpected "${text.slice(pos, pos + 10)}"`);
  }

  // `{__name__="x",...}` is the same selector as `x{...}`.
  const nameIndex = matchers.findIndex(
    m => m.name === '__name__' && m.op === '=',
  );
  if (
    !metric &&
    nameIndex >= 0 &&
    METRIC_NAME.test(matchers[nameIndex].value)
  ) {
    metric = matchers[nameIndex].value;
    matchers.splice(nameIndex, 1);
  }
  if (!metric) {
    pos = 0;
    fail('missing metric name');
  }
  return { metric, matchers };
}
