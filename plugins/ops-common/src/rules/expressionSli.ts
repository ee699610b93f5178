import type { OpenSloRatioMetric } from '../kinds';
import {
  PromqlSyntaxError,
  sliEventsQuery,
  type SliQueries,
} from '../promql/sli';

type Holder = OpenSloRatioMetric['total'];

/**
 * The queries of a ratio SLI that is not plain counter selectors (an
 * expression, a window template, `counter: false` or `raw`), checked with the
 * evaluator's PromQL builder; `query` reads one field's Prometheus query and
 * `fail` makes the error that names it.
 */
export function expressionSliQueries(
  ratio: OpenSloRatioMetric,
  query: (holder: Holder, field: string) => string,
  fail: (message: string) => Error,
): SliQueries {
  const counter = ratio.counter !== false;
  const checked = (holder: Holder, field: string, reads = counter): string => {
    const text = query(holder, field);
    try {
      // The same builder writes the rules; a refused query fails here, per field.
      sliEventsQuery(text, { windowSeconds: 300, counter: reads });
    } catch (e) {
      if (!(e instanceof PromqlSyntaxError)) throw e;
      throw fail(`${field}.metricSource.spec.query: ${e.message}`);
    }
    return text;
  };
  if (ratio.raw) {
    return {
      raw: checked(ratio.raw, 'ratioMetric.raw', false),
      rawType: ratio.rawType,
    };
  }
  if (!ratio.good && !ratio.bad) {
    throw fail('ratioMetric needs good or bad with total');
  }
  return {
    counter,
    total: checked(ratio.total, 'ratioMetric.total'),
    ...(ratio.good && { good: checked(ratio.good, 'ratioMetric.good') }),
    ...(ratio.bad && { bad: checked(ratio.bad, 'ratioMetric.bad') }),
  };
}
