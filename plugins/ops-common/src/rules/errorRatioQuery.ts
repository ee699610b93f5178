import type { BurnRateWindow } from '../slo/types';
import type { RuleSli } from './ruleSli';
import { promqlDuration } from './ruleSli';
import { sliWindowQueries } from '../promql/sli';

/** The recording rule name of the error ratio over a window. @public */
export function errorRatioRecord(window: BurnRateWindow): string {
  return `unyo:slo_errors:ratio_rate${window}`;
}

const BOOL_OP = { lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

/**
 * The PromQL of an SLI's error ratio over a window ending now: bad events
 * over all events, or bad slices over slices with data. Every generated rule
 * computes its ratio here. Expressions, templates, `counter: false` and
 * `raw` ratios count their events with the evaluator's own builder, so a
 * rule and the SLO card read the same PromQL.
 *
 * @public
 */
export function sliErrorRatioQuery(
  sli: RuleSli,
  windowSeconds: number,
): string {
  const range = promqlDuration(windowSeconds);
  if (sli.kind === 'expression') {
    const q = sliWindowQueries(sli.queries, { windowSeconds });
    const bad =
      q.bad !== undefined
        ? `(${q.bad} or vector(0))`
        : `(${q.total} - (${q.good} or vector(0)))`;
    return `${bad} / ${q.total}`;
  }
  if (sli.kind === 'ratio') {
    const increase = (text: string) => `sum(increase(${text}[${range}]))`;
    const total = increase(sli.total.text);
    // No bad (or good) series yet means none of those events (0), as in the evaluator.
    const bad = sli.good
      ? `(${total} - (${increase(sli.good.text)} or vector(0)))`
      : `(${increase(sli.bad!.text)} or vector(0))`;
    return `${bad} / ${total}`;
  }
  // A slice is good only when every series meets the objective: the worst one decides.
  const worst = sli.op === 'gt' || sli.op === 'gte' ? 'min' : 'max';
  const slice = promqlDuration(sli.sliceSeconds);
  return `1 - avg_over_time((${worst}((${sli.query})) ${BOOL_OP[sli.op]} bool ${
    sli.value
  })[${range}:${slice}])`;
}
