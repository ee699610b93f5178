import type { SloErrorBudget, SloSli } from './types';
import {
  badToBudgetRatio,
  budgetFraction,
  remainingBudgetRatio,
} from './target';

/**
 * Counts over a window. OpenSLO gives either `good` or `bad` with `total`;
 * the unit may be events, slices or minutes.
 *
 * @public
 */
export interface SloCounts {
  good?: number;
  bad?: number;
  total: number;
}

/** @public */
export interface ErrorBudgetInput extends SloCounts {
  targetPpm: number;
}

/**
 * The bad amount of some counts. Never negative: `good` and `total` come from
 * separate `increase()` queries whose extrapolation can make good > total.
 */
export function badOf(counts: SloCounts): number {
  if (counts.bad !== undefined) {
    return Math.max(0, counts.bad);
  }
  if (counts.good !== undefined) {
    return Math.max(0, counts.total - counts.good);
  }
  throw new TypeError('SLO counts have neither good nor bad');
}

/**
 * good / total, or undefined when total is 0: no traffic is `no-data`, never
 * 100 %.
 *
 * @public
 */
export function sliOf(counts: SloCounts): SloSli | undefined {
  if (!(counts.total > 0)) {
    return undefined;
  }
  const good = counts.total - badOf(counts);
  return { good, total: counts.total, ratio: good / counts.total };
}

/**
 * The error budget of some counts: `total` is `(1 − target) · total` in the
 * counts' unit, `consumed` the bad amount. Undefined when total is 0.
 * `remainingRatio` is not clamped: it goes negative once exhausted.
 *
 * @public
 */
export function errorBudget(
  input: ErrorBudgetInput,
): SloErrorBudget | undefined {
  if (!(input.total > 0)) {
    return undefined;
  }
  const bad = badOf(input);
  return {
    total: input.total * budgetFraction(input.targetPpm),
    consumed: bad,
    consumedRatio: badToBudgetRatio(bad, input.total, input.targetPpm),
    remainingRatio: remainingBudgetRatio(bad, input.total, input.targetPpm),
  };
}
