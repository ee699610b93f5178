import {
  PromqlSyntaxError,
  SliQueries,
  sliQueryPath,
  sliWindowQueries,
  SloObjective,
} from '@unyo/plugin-ops-common';
import { formatDuration, parseSelector } from '../../prometheus/promql';
import type {
  ExpressionPlan,
  PlanBase,
  RatioPlan,
  ThresholdPlan,
} from './planTypes';
import {
  durationSeconds,
  MetricSource,
  prometheusQuery,
  SourceQuery,
  Unsupported,
} from './planSources';

export interface RatioMetricSpec {
  counter?: boolean;
  good?: { metricSource?: MetricSource };
  bad?: { metricSource?: MetricSource };
  total?: { metricSource?: MetricSource };
  raw?: { metricSource?: MetricSource };
  rawType?: string;
}

/** good/total of one slice, from the counter selectors of a ratio metric. */
function sliceRatioQuery(
  selectors: { good?: string; bad?: string; total: string },
  sliceSeconds: number,
): string {
  const range = formatDuration(sliceSeconds);
  const total = `sum(increase(${selectors.total}[${range}]))`;
  const good = selectors.good
    ? `sum(increase(${selectors.good}[${range}]))`
    : `(${total} - (sum(increase(${selectors.bad}[${range}])) or vector(0)))`;
  return `(${good} or vector(0)) / (${total} > 0)`;
}

/** The same from any SLI: event counts over one slice. */
function sliceExpressionQuery(
  sli: SliQueries,
  sliceSeconds: number,
  resolutionSeconds: number,
): string {
  const q = sliWindowQueries(sli, {
    windowSeconds: sliceSeconds,
    resolutionSeconds: Math.min(resolutionSeconds, sliceSeconds),
  });
  const good = q.good ?? `(${q.total} - (${q.bad} or vector(0)))`;
  return `(${good} or vector(0)) / (${q.total} > 0)`;
}

function isPlainSelector(query: string): boolean {
  try {
    parseSelector(query);
    return true;
  } catch {
    return false;
  }
}

/** Parses each query, naming its field and the parser's message when refused. */
function checkParts(parts: SourceQuery[], sli: SliQueries, resolution: number) {
  const paths = parts.map(part => {
    try {
      const path = sliQueryPath(part.query);
      // Builds the queries once, so counter: true on a rate fails here.
      sliWindowQueries(
        part.field.startsWith('ratioMetric.raw')
          ? { ...sli, raw: part.query }
          : { counter: sli.counter, total: part.query },
        { windowSeconds: 300, resolutionSeconds: resolution },
      );
      return path;
    } catch (e) {
      if (e instanceof PromqlSyntaxError) {
        throw new Unsupported(`${part.field}: ${e.message}`);
      }
      throw e;
    }
  });
  return paths;
}

/**
 * Plans a `ratioMetric`: plain counter selectors keep the batched
 * `increase()` path; any other query (expression, window template, raw
 * ratio, `counter: false`) is measured by the queries of
 * `sliWindowQueries`. Timeslices judge each slice by its own ratio.
 */
export function planRatio(
  ratio: RatioMetricSpec,
  context: {
    base: PlanBase;
    method: string;
    objective: SloObjective;
    resolutionSeconds: number;
  },
): RatioPlan | ExpressionPlan | ThresholdPlan {
  const { base, method, objective, resolutionSeconds } = context;
  const counter = ratio.counter !== false;
  let sli: SliQueries;
  let parts: SourceQuery[];
  if (ratio.raw) {
    if (ratio.rawType !== 'success' && ratio.rawType !== 'failure') {
      throw new Unsupported(
        `ratioMetric.rawType must be success or failure with a raw query, not ${ratio.rawType}`,
      );
    }
    const raw = prometheusQuery(ratio.raw, 'ratioMetric.raw');
    sli = { raw: raw.query, rawType: ratio.rawType };
    parts = [raw];
  } else {
    const total = prometheusQuery(ratio.total, 'ratioMetric.total');
    const good = ratio.good
      ? prometheusQuery(ratio.good, 'ratioMetric.good')
      : undefined;
    const bad = ratio.bad
      ? prometheusQuery(ratio.bad, 'ratioMetric.bad')
      : undefined;
    sli = { counter, total: total.query, good: good?.query, bad: bad?.query };
    parts = [total, good, bad].filter((p): p is SourceQuery => !!p);
  }
  const paths = checkParts(parts, sli, resolutionSeconds);
  const server = parts.find(p => p.server)?.server;
  const sliced = method === 'RatioTimeslices' || method === 'Timeslices';
  const sliceSeconds = sliced
    ? durationSeconds(objective.timeSliceWindow)
    : undefined;
  if (sliced && objective.timeSliceTarget === undefined) {
    throw new Unsupported(`a ${method} ratio objective needs timeSliceTarget`);
  }
  const plain =
    counter &&
    !ratio.raw &&
    paths.every(p => p === 'selector') &&
    parts.every(p => isPlainSelector(p.query));

  if (plain) {
    const selectors = { total: sli.total!, good: sli.good, bad: sli.bad };
    if (sliceSeconds !== undefined) {
      // Each slice is good when its own ratio meets timeSliceTarget; slices
      // without traffic have no ratio and count as no data.
      return {
        ...base,
        kind: 'threshold',
        path: 'timeslices',
        server,
        query: sliceRatioQuery(selectors, sliceSeconds),
        op: 'gte',
        value: objective.timeSliceTarget!,
        sliceSeconds,
      };
    }
    return { ...base, kind: 'ratio', path: 'selector', server, ...selectors };
  }
  if (sliceSeconds !== undefined) {
    return {
      ...base,
      kind: 'threshold',
      path: 'timeslices',
      server,
      query: sliceExpressionQuery(sli, sliceSeconds, resolutionSeconds),
      op: 'gte',
      value: objective.timeSliceTarget!,
      sliceSeconds,
    };
  }
  return {
    ...base,
    kind: 'expression',
    path: paths.includes('template') ? 'template' : 'expression',
    server,
    sli,
    resolutionSeconds,
  };
}
