import { parsePromql, PromqlSyntaxError } from './parsePromql';

/**
 * How an SLI query is evaluated: a plain counter selector (batched
 * `increase()`), any other PromQL expression, or a query with a window
 * template (`{{.window}}`, `$__window`) filled in for each window. @public
 */
export type SliQueryPath = 'selector' | 'expression' | 'template';

/** Sloth's `{{.window}}` (spaces allowed) and Grafana's `$__window`. */
const WINDOW_TEMPLATE = /\{\{\s*\.window\s*\}\}|\$\{__window\}|\$__window\b/g;

const DURATION_UNITS: Array<[string, number]> = [
  ['d', 86400],
  ['h', 3600],
  ['m', 60],
  ['s', 1],
];

/**
 * Seconds as a PromQL duration in the largest unit that divides them
 * exactly (`5400` → `90m`; fractions in `ms`). @public
 */
export function formatPromqlDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new PromqlSyntaxError(`invalid PromQL duration: ${seconds} seconds`);
  }
  const ms = Math.round(seconds * 1000);
  if (ms % 1000 !== 0) return `${ms}ms`;
  const whole = ms / 1000;
  const [unit, size] = DURATION_UNITS.find(([, s]) => whole % s === 0)!;
  return `${whole / size}${unit}`;
}

/** Whether the query holds a window template. @public */
export function hasWindowTemplate(query: string): boolean {
  return new RegExp(WINDOW_TEMPLATE.source).test(query);
}

/** The query with every window template replaced by the window. @public */
export function substituteWindow(query: string, windowSeconds: number): string {
  return query.replace(WINDOW_TEMPLATE, formatPromqlDuration(windowSeconds));
}

/**
 * The evaluation path of one SLI query; throws `PromqlSyntaxError` when the
 * parser refuses it (templates are filled with `5m` to be parsed). @public
 */
export function sliQueryPath(query: string): SliQueryPath {
  if (hasWindowTemplate(query)) {
    parsePromql(substituteWindow(query, 300));
    return 'template';
  }
  return parsePromql(query).top === 'VectorSelector'
    ? 'selector'
    : 'expression';
}

interface Edit {
  from: number;
  to: number;
  text: string;
}

function applyEdits(text: string, edits: Edit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.from - a.from)) {
    out = out.slice(0, edit.from) + edit.text + out.slice(edit.to);
  }
  return out;
}

/**
 * The query without its comments, so that it can be wrapped safely; throws
 * `PromqlSyntaxError` when the parser refuses it. @public
 */
export function withoutComments(query: string): string {
  const parsed = parsePromql(query);
  return applyEdits(
    query,
    parsed.nodes
      .filter(n => n.name === 'LineComment')
      .map(n => ({ from: n.from, to: n.to, text: '' })),
  ).trim();
}

/**
 * A counter expression with every instant selector read as its increase
 * over the window: `sum by (s) (x)` → `sum by (s) (increase(x[1h]))`, so
 * counter resets are handled per series before anything is aggregated.
 */
function increaseOfCounters(query: string, windowSeconds: number): string {
  const parsed = parsePromql(query);
  const ranged = parsed.nodes.find(n =>
    ['MatrixSelector', 'SubqueryExpr', 'OffsetExpr', 'At'].includes(n.name),
  );
  if (ranged) {
    throw new PromqlSyntaxError(
      `counter: true reads counters, but the query has "${query.slice(
        ranged.from,
        ranged.to,
      )}" (a range, subquery, offset or @): write counter: false for rates`,
    );
  }
  const range = formatPromqlDuration(windowSeconds);
  const edits: Edit[] = parsed.nodes
    .filter(n => n.name === 'VectorSelector' || n.name === 'LineComment')
    .map(n => ({
      from: n.from,
      to: n.to,
      text:
        n.name === 'LineComment'
          ? ''
          : `increase(${query.slice(n.from, n.to)}[${range}])`,
    }));
  if (!edits.some(e => e.text)) {
    throw new PromqlSyntaxError('the query reads no metric');
  }
  return applyEdits(query, edits).trim();
}

/** `[W−1ms:step]`: Prometheus 2 includes both ends of a range, 3 only the end. */
function subqueryRange(windowSeconds: number, stepSeconds: number): string {
  return `[${formatPromqlDuration(
    windowSeconds - 0.001,
  )}:${formatPromqlDuration(stepSeconds)}]`;
}

/** @public */
export interface SliWindowQueryOptions {
  /** The window, ending at the evaluation time. */
  windowSeconds: number;
  /** Step of the subquery that integrates rates (`counter: false`); default 60. */
  resolutionSeconds?: number;
}

/**
 * PromQL for the number of events one SLI query counts over a window, as a
 * single value:
 * - `counter: true`: the increase of every counter the query reads
 *   (`sum((…increase(x[W])…))`);
 * - `counter: false`: a per-second rate integrated over the window at the
 *   resolution (`sum_over_time(sum((q))[W:1m]) * 60`);
 * - a window template: filled with W; then `counter: false` reads a rate
 *   averaged over W (× W seconds) and `counter: true` already a count.
 *
 * Throws `PromqlSyntaxError` when the parser refuses the query.
 * @public
 */
export function sliEventsQuery(
  query: string,
  options: SliWindowQueryOptions & { counter: boolean },
): string {
  const { windowSeconds, counter } = options;
  const step = options.resolutionSeconds ?? 60;
  if (hasWindowTemplate(query)) {
    const filled = withoutComments(substituteWindow(query, windowSeconds));
    return counter ? `sum((${filled}))` : `sum((${filled})) * ${windowSeconds}`;
  }
  if (counter) return `sum((${increaseOfCounters(query, windowSeconds)}))`;
  return `sum_over_time(sum((${withoutComments(query)}))${subqueryRange(
    windowSeconds,
    step,
  )}) * ${step}`;
}

/**
 * An SLI as OpenSLO's `ratioMetric` gives it: counter (or rate) queries of
 * good, bad and total events, or a `raw` ratio query. @public
 */
export interface SliQueries {
  counter?: boolean;
  good?: string;
  bad?: string;
  total?: string;
  /** A query whose value is already the ratio. */
  raw?: string;
  rawType?: 'success' | 'failure';
}

/** PromQL for good, bad and total over one window, each a single value. @public */
export interface SliWindowQueries {
  good?: string;
  bad?: string;
  total: string;
}

/**
 * The PromQL that counts an SLI's good, bad and total events over a window
 * ending at the evaluation time (see {@link sliEventsQuery}). A `raw` ratio
 * is averaged over time: each subquery step is one event, good by the share
 * the ratio gives it, so its SLI is the mean ratio over the window.
 *
 * Used by the backend's evaluator and by whatever writes rules from SLOs.
 * @public
 */
export function sliWindowQueries(
  sli: SliQueries,
  options: SliWindowQueryOptions,
): SliWindowQueries {
  if (sli.raw !== undefined) {
    const step = options.resolutionSeconds ?? 60;
    const filled = withoutComments(
      substituteWindow(sli.raw, options.windowSeconds),
    );
    const range = subqueryRange(options.windowSeconds, step);
    const total = `count_over_time(avg((${filled}))${range})`;
    const share = `sum_over_time(avg((${filled}))${range})`;
    return {
      total,
      good: sli.rawType === 'failure' ? `(${total} - ${share})` : share,
    };
  }
  if (sli.total === undefined) {
    throw new PromqlSyntaxError('an SLI needs a total query (or raw)');
  }
  const events = (query: string) =>
    sliEventsQuery(query, { ...options, counter: sli.counter !== false });
  return {
    total: events(sli.total),
    ...(sli.good !== undefined && { good: events(sli.good) }),
    ...(sli.bad !== undefined && { bad: events(sli.bad) }),
  };
}
