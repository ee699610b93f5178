import { sliWindowQueries } from '@unyo/plugin-ops-common';
import { formatDuration, increaseQuery } from '../../prometheus/promql';
import type {
  ExpressionPlan,
  MeasuredPlan,
  RatioPlan,
  ThresholdPlan,
} from './planTypes';

/** The label telling apart the parts of one combined query. */
export const PART_LABEL = 'unyo_part';

const BOOL_OP = { lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

/**
 * Several single-valued queries as one: each part labelled with its name,
 * so that an SLO costs one query per window, whatever its parts.
 */
export function partsQuery(parts: Record<string, string | undefined>): string {
  return Object.entries(parts)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(
      ([name, query]) =>
        `label_replace(${query}, "${PART_LABEL}", "${name}", "", "")`,
    )
    .join(' or ');
}

/**
 * The time-slice queries of one plan: good slices and slices with data over
 * `[time − W, time)`. Several series are reduced to the worst one, so a slice
 * is good only when every instance meets the objective.
 */
export function thresholdQueries(
  plan: ThresholdPlan,
  windowSeconds: number,
): { good: string; total: string } {
  const worst = plan.op === 'gt' || plan.op === 'gte' ? 'min' : 'max';
  const inner = `${worst}((${plan.query}))`;
  // Prometheus 2 includes both ends of a range, Prometheus 3 only the end:
  // a millisecond less counts each slice once on both.
  const range = `[${formatDuration(windowSeconds - 0.001)}:${formatDuration(
    plan.sliceSeconds,
  )}]`;
  return {
    good: `sum_over_time((${inner} ${BOOL_OP[plan.op]} bool ${
      plan.value
    })${range})`,
    total: `count_over_time(${inner}${range})`,
  };
}

/** The one query measuring an expression SLO over a window. */
export function expressionQuery(
  plan: ExpressionPlan,
  windowSeconds: number,
): string {
  return partsQuery(
    sliWindowQueries(plan.sli, {
      windowSeconds,
      resolutionSeconds: plan.resolutionSeconds,
    }) as unknown as Record<string, string | undefined>,
  );
}

/**
 * The one query measuring every group of a grouped ratio SLO over a window:
 * good, bad and total summed by the `groupBy` labels, each part labelled.
 * The label names were checked against Prometheus's syntax when planned.
 */
export function groupedRatioQuery(
  plan: RatioPlan & { groupBy: string[] },
  windowSeconds: number,
): string {
  const part = (selector: string | undefined) =>
    selector === undefined
      ? undefined
      : increaseQuery(selector, windowSeconds, { sumBy: plan.groupBy });
  return partsQuery({
    good: part(plan.good),
    bad: part(plan.bad),
    total: part(plan.total),
  });
}

/**
 * The PromQL a plan runs for a window, as the SLO page shows it. Selector
 * plans are batched with others of their shape; shown is their own share.
 */
export function planQueries(
  plan: MeasuredPlan,
  windowSeconds: number,
): string[] {
  switch (plan.kind) {
    case 'ratio':
      return [
        ...[plan.good, plan.bad, plan.total]
          .filter((s): s is string => s !== undefined)
          .map(s => increaseQuery(s, windowSeconds)),
        ...(plan.groupBy
          ? [
              groupedRatioQuery(
                { ...plan, groupBy: plan.groupBy },
                windowSeconds,
              ),
            ]
          : []),
      ];
    case 'expression':
      return [expressionQuery(plan, windowSeconds)];
    default:
      return [partsQuery(thresholdQueries(plan, windowSeconds))];
  }
}
