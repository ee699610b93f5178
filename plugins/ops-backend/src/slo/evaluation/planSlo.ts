import { parseEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_EXCLUDE_MAINTENANCE,
  SliEntity,
  SloEntity,
  SloObjective,
  SloTimeWindow,
} from '@unyo/plugin-ops-common';
import { formatDuration, parseSelector } from '../../prometheus/promql';
import { describeSlo, SloDescription, sloTimeWindow } from '../describeSlo';

interface PlanBase {
  description: SloDescription;
  /** A server name in ops.prometheus.servers; the default when absent. */
  server?: string;
  /** Remove the measured entity's (and its system's) maintenance windows. */
  excludeMaintenance: boolean;
  objective: SloObjective;
  timeWindow: SloTimeWindow;
}

/** Counters: good (or bad) events over total events, via increase(). */
export interface RatioPlan extends PlanBase {
  kind: 'ratio';
  good?: string;
  bad?: string;
  total: string;
}

/** Time slices: a slice is good when the query meets `op value`. */
export interface ThresholdPlan extends PlanBase {
  kind: 'threshold';
  query: string;
  op: 'lt' | 'lte' | 'gt' | 'gte';
  value: number;
  sliceSeconds: number;
}

/** A valid SLO Unyo cannot evaluate: listed with state error and why. */
export interface UnsupportedPlan {
  kind: 'unsupported';
  description: SloDescription;
  message: string;
}

export type SloPlan = RatioPlan | ThresholdPlan | UnsupportedPlan;

interface MetricSource {
  type?: string;
  metricSourceRef?: string;
  spec?: { query?: unknown };
}

class Unsupported extends Error {}

function prometheusQuery(
  source: { metricSource?: MetricSource } | undefined,
  field: string,
): { query: string; server?: string } {
  const metricSource = source?.metricSource;
  if (!metricSource) {
    throw new Unsupported(`${field} has no metricSource`);
  }
  if (metricSource.type?.toLowerCase() !== 'prometheus') {
    throw new Unsupported(
      `${field}.metricSource.type "${metricSource.type}" is not supported: Unyo evaluates Prometheus sources`,
    );
  }
  const query = metricSource.spec?.query;
  if (typeof query !== 'string' || query.trim() === '') {
    throw new Unsupported(`${field}.metricSource.spec.query is missing`);
  }
  return { query: query.trim(), server: metricSource.metricSourceRef };
}

function durationSeconds(value: number | string | undefined): number {
  if (value === undefined) {
    return 60;
  }
  if (typeof value === 'number') {
    return value;
  }
  const match = /^(\d+)(s|m|h)$/.exec(value);
  if (!match) {
    throw new Unsupported(
      `timeSliceWindow "${value}" is not supported: use seconds, or a number with s, m or h`,
    );
  }
  return (
    Number(match[1]) * { s: 1, m: 60, h: 3600 }[match[2] as 's' | 'm' | 'h']
  );
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

function checkedSelector(query: string, field: string): string {
  try {
    parseSelector(query);
  } catch (e) {
    throw new Unsupported(
      `${field}: a counter selector such as metric{label="value"} is needed (${
        (e as Error).message
      })`,
    );
  }
  return query;
}

/**
 * Turns an SLO document (and the SLI it references) into what to query.
 * `slis` maps `namespace/name` to the SLI entities of the catalog.
 */
export function planSlo(slo: SloEntity, slis: Map<string, SliEntity>): SloPlan {
  const description = describeSlo(slo);
  try {
    const objective = slo.spec.objectives[0] ?? {};
    const namespace = slo.metadata.namespace ?? 'default';
    let indicator: { spec?: unknown } | undefined =
      objective.indicator ?? slo.spec.indicator;
    const indicatorRef = objective.indicatorRef ?? slo.spec.indicatorRef;
    if (!indicator && indicatorRef) {
      const ref = parseEntityRef(indicatorRef, {
        defaultKind: 'sli',
        defaultNamespace: namespace,
      });
      const sli = slis.get(`${ref.namespace}/${ref.name}`);
      if (!sli) {
        throw new Unsupported(
          `spec.indicatorRef "${indicatorRef}" names no SLI in the catalog`,
        );
      }
      indicator = { spec: sli.spec };
    }
    if (!indicator) {
      throw new Unsupported('the SLO has no indicator');
    }
    if (!Number.isFinite(description.target)) {
      throw new Unsupported('objectives[0] has no target');
    }
    const base = {
      description,
      objective,
      timeWindow: sloTimeWindow(slo),
      excludeMaintenance:
        slo.metadata.annotations?.[ANNOTATION_EXCLUDE_MAINTENANCE] === 'true',
    };
    // An inline indicator may come without spec (OpenSLO v1 allows it).
    const spec = (indicator.spec ?? {}) as {
      ratioMetric?: {
        counter?: boolean;
        good?: { metricSource?: MetricSource };
        bad?: { metricSource?: MetricSource };
        total?: { metricSource?: MetricSource };
      };
      thresholdMetric?: { metricSource?: MetricSource };
    };

    if (spec.ratioMetric) {
      const method = slo.spec.budgetingMethod;
      if (method === 'Timeslices') {
        throw new Unsupported(
          'a ratioMetric with budgetingMethod Timeslices is not supported: use Occurrences, or RatioTimeslices for slices judged by their ratio',
        );
      }
      if (spec.ratioMetric.counter !== true) {
        throw new Unsupported(
          'ratioMetric.counter must be true: Unyo measures counters with increase()',
        );
      }
      const total = prometheusQuery(
        spec.ratioMetric.total,
        'ratioMetric.total',
      );
      const good = spec.ratioMetric.good
        ? prometheusQuery(spec.ratioMetric.good, 'ratioMetric.good')
        : undefined;
      const bad = spec.ratioMetric.bad
        ? prometheusQuery(spec.ratioMetric.bad, 'ratioMetric.bad')
        : undefined;
      const selectors = {
        total: checkedSelector(total.query, 'ratioMetric.total'),
        good: good && checkedSelector(good.query, 'ratioMetric.good'),
        bad: bad && checkedSelector(bad.query, 'ratioMetric.bad'),
      };
      const server = total.server ?? good?.server ?? bad?.server;
      if (method === 'RatioTimeslices') {
        // Each slice is good when its own ratio meets timeSliceTarget; slices
        // without traffic have no ratio and count as no data.
        if (objective.timeSliceTarget === undefined) {
          throw new Unsupported(
            'a RatioTimeslices objective needs timeSliceTarget',
          );
        }
        const sliceSeconds = durationSeconds(objective.timeSliceWindow);
        return {
          ...base,
          kind: 'threshold',
          server,
          query: sliceRatioQuery(selectors, sliceSeconds),
          op: 'gte',
          value: objective.timeSliceTarget,
          sliceSeconds,
        };
      }
      return { ...base, kind: 'ratio', server, ...selectors };
    }

    if (spec.thresholdMetric) {
      if (slo.spec.budgetingMethod !== 'Timeslices') {
        throw new Unsupported(
          `a thresholdMetric needs budgetingMethod Timeslices, not ${slo.spec.budgetingMethod}`,
        );
      }
      if (!objective.op || objective.value === undefined) {
        throw new Unsupported('a Timeslices objective needs op and value');
      }
      const source = prometheusQuery(spec.thresholdMetric, 'thresholdMetric');
      return {
        ...base,
        kind: 'threshold',
        server: source.server,
        query: source.query,
        op: objective.op,
        value: objective.value,
        sliceSeconds: durationSeconds(objective.timeSliceWindow),
      };
    }
    throw new Unsupported(
      'the indicator has neither ratioMetric nor thresholdMetric',
    );
  } catch (e) {
    if (e instanceof Unsupported) {
      return { kind: 'unsupported', description, message: e.message };
    }
    return {
      kind: 'unsupported',
      description,
      message: `cannot be evaluated: ${(e as Error).message}`,
    };
  }
}
