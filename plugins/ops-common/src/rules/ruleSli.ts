import { parseEntityRef } from '@backstage/catalog-model';
import type {
  OpenSloMetricSourceHolder,
  SliEntity,
  SliSpec,
  SloEntity,
} from '../kinds';
import { CounterSelector, parseCounterSelector } from './counterSelector';
import { checkPromql } from './checkPromql';
import { expressionSliQueries } from './expressionSli';
import type { SliQueries } from '../promql/sli';

/** The SLI of an SLO as rules can compute it. @public */
export type RuleSli =
  | {
      /** Events: good (or bad) over total counter selectors, via increase(). */
      kind: 'ratio';
      good?: CounterSelector;
      bad?: CounterSelector;
      total: CounterSelector;
    }
  | {
      /** Time slices: a slice is good when `query op value`. */
      kind: 'threshold';
      query: string;
      op: 'lt' | 'lte' | 'gt' | 'gte';
      value: number;
      sliceSeconds: number;
    }
  | {
      /**
       * Any other ratio (expressions, window templates, `counter: false`,
       * `raw`): counted by the evaluator's builder, `sliWindowQueries`.
       */
      kind: 'expression';
      queries: SliQueries;
    };

/** Why an SLO has no rules: its message names the field. */
export class RuleSliError extends Error {}

function prometheusQuery(
  holder: OpenSloMetricSourceHolder | undefined,
  field: string,
): string {
  const source = holder?.metricSource;
  if (!source) throw new RuleSliError(`${field} has no metricSource`);
  if (source.type?.toLowerCase() !== 'prometheus') {
    throw new RuleSliError(
      `${field}.metricSource.type "${source.type}" is not Prometheus`,
    );
  }
  const query = (source.spec as { query?: unknown }).query;
  if (typeof query !== 'string' || !query.trim()) {
    throw new RuleSliError(`${field}.metricSource.spec.query is missing`);
  }
  return query.trim();
}

function sliceSeconds(value: number | string | undefined): number {
  if (value === undefined) return 60;
  if (typeof value === 'number' && value > 0) return value;
  const match = /^(\d+)(s|m|h)$/.exec(String(value));
  if (!match || Number(match[1]) === 0) {
    throw new RuleSliError(
      `objectives[0].timeSliceWindow "${value}" is not a duration in s, m or h`,
    );
  }
  return Number(match[1]) * { s: 1, m: 60, h: 3600 }[match[2] as 's'];
}

function indicatorSpec(
  slo: SloEntity,
  slis: ReadonlyMap<string, SliEntity>,
): SliSpec {
  const objective = slo.spec.objectives[0] ?? {};
  const inline = objective.indicator ?? slo.spec.indicator;
  if (inline) {
    if (!inline.spec) throw new RuleSliError('spec.indicator has no spec');
    return inline.spec;
  }
  const indicatorRef = objective.indicatorRef ?? slo.spec.indicatorRef;
  if (!indicatorRef) throw new RuleSliError('the SLO has no indicator');
  const ref = parseEntityRef(indicatorRef, {
    defaultKind: 'sli',
    defaultNamespace: slo.metadata.namespace ?? 'default',
  });
  const sli = slis.get(
    `${ref.namespace}/${ref.name}`.toLocaleLowerCase('en-US'),
  );
  if (!sli) {
    throw new RuleSliError(
      `spec.indicatorRef "${indicatorRef}" names no SLI in the catalog`,
    );
  }
  return sli.spec;
}

/**
 * The SLI of an SLO for rule generation, or throws an error
 * (an `Error`) saying what is not supported. Counter selectors and time-slice queries,
 * as the evaluator reads them today, and any other ratio through the
 * evaluator's PromQL builder; `slis` is keyed `namespace/name`.
 *
 * @public
 */
export function ruleSliOf(
  slo: SloEntity,
  slis: ReadonlyMap<string, SliEntity>,
): RuleSli {
  const spec = indicatorSpec(slo, slis);
  const objective = slo.spec.objectives[0] ?? {};
  const method = slo.spec.budgetingMethod;
  const ratio = spec.ratioMetric;
  if (ratio) {
    const selectors =
      ratio.counter === true && !ratio.raw && selectorSli(ratio);
    if (!selectors) {
      const queries = expressionSliQueries(
        ratio,
        prometheusQuery,
        m => new RuleSliError(m),
      );
      if (method === 'Occurrences') return { kind: 'expression', queries };
      throw new RuleSliError(
        `a ratioMetric with budgetingMethod ${method} is generated for counter selectors only: expressions, counter: false and raw ratios need Occurrences`,
      );
    }
    const { good, bad, total } = selectors;
    if (method === 'Occurrences') return { kind: 'ratio', good, bad, total };
    if (
      method === 'RatioTimeslices' &&
      objective.timeSliceTarget !== undefined
    ) {
      const seconds = sliceSeconds(objective.timeSliceWindow);
      return {
        kind: 'threshold',
        query: sliceRatioQuery({ good, bad, total }, seconds),
        op: 'gte',
        value: objective.timeSliceTarget,
        sliceSeconds: seconds,
      };
    }
    throw new RuleSliError(
      `a ratioMetric with budgetingMethod ${method} is not supported for rules: use Occurrences, or RatioTimeslices with timeSliceTarget`,
    );
  }
  if (spec.thresholdMetric) {
    if (method !== 'Timeslices') {
      throw new RuleSliError(
        `a thresholdMetric needs budgetingMethod Timeslices, not ${method}`,
      );
    }
    if (!objective.op || objective.value === undefined) {
      throw new RuleSliError('objectives[0] needs op and value');
    }
    const query = prometheusQuery(spec.thresholdMetric, 'thresholdMetric');
    const problem = checkPromql(query);
    if (problem) {
      throw new RuleSliError(
        `thresholdMetric.metricSource.spec.query: ${problem}`,
      );
    }
    return {
      kind: 'threshold',
      query,
      op: objective.op,
      value: objective.value,
      sliceSeconds: sliceSeconds(objective.timeSliceWindow),
    };
  }
  throw new RuleSliError(
    'the indicator has neither ratioMetric nor thresholdMetric',
  );
}

/** The counter selectors of a ratio, or undefined when one query is another expression. */
function selectorSli(ratio: {
  good?: OpenSloMetricSourceHolder;
  bad?: OpenSloMetricSourceHolder;
  total?: OpenSloMetricSourceHolder;
}):
  | { good?: CounterSelector; bad?: CounterSelector; total: CounterSelector }
  | undefined {
  const read = (holder: OpenSloMetricSourceHolder | undefined, field: string) =>
    holder && parseCounterSelector(prometheusQuery(holder, field));
  const total = read(ratio.total, 'ratioMetric.total');
  const good = read(ratio.good, 'ratioMetric.good');
  const bad = read(ratio.bad, 'ratioMetric.bad');
  if (!total || (!good && !bad)) return undefined;
  for (const one of [total, good, bad]) {
    if (one && 'error' in one) return undefined;
  }
  return {
    total: total as CounterSelector,
    good: good as CounterSelector | undefined,
    bad: bad as CounterSelector | undefined,
  };
}

/** good/total of one slice, as the evaluator judges RatioTimeslices. */
function sliceRatioQuery(
  s: { good?: CounterSelector; bad?: CounterSelector; total: CounterSelector },
  seconds: number,
): string {
  const range = promqlDuration(seconds);
  const inc = (c: CounterSelector) => `sum(increase(${c.text}[${range}]))`;
  const total = inc(s.total);
  const good = s.good
    ? inc(s.good)
    : `(${total} - (${inc(s.bad!)} or vector(0)))`;
  return `(${good} or vector(0)) / (${total} > 0)`;
}

/** Seconds as a PromQL duration in the largest whole unit (`3600` → `1h`). */
export function promqlDuration(seconds: number): string {
  for (const [unit, size] of [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
  ] as const) {
    if (seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${Math.round(seconds)}s`;
}
