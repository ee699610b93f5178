import type { SloCounts } from './errorBudget';
import { budgetFraction, targetToPpm } from './target';
import { BURN_RATE_WINDOWS, BurnRateWindow, SloStatus } from './types';

/** A component's share of a journey and its SLI ratio over some window. @public */
export interface CompositePart {
  weight: number;
  /** Undefined when the component had no data in that window. */
  ratio?: number;
}

/**
 * A journey's SLI as counts: good = Σ wᵢ·SLIᵢ and total = Σ wᵢ, so that
 * good/total is the weighted mean and the budget, burn-rate and policy
 * functions read them as any SLO's counts (the unit is weight). Components
 * without data are left out of both sums; none with data gives undefined
 * (`no-data`).
 *
 * @public
 */
export function compositeCounts(
  parts: readonly CompositePart[],
): SloCounts | undefined {
  let good = 0;
  let total = 0;
  for (const { weight, ratio } of parts) {
    if (ratio === undefined || !Number.isFinite(ratio)) continue;
    good += weight * ratio;
    total += weight;
  }
  return total > 0 ? { good, total } : undefined;
}

/**
 * A component's SLI over each burn-rate window, from its status: a burn rate
 * is the bad ratio over the budget fraction, so the SLI is
 * `1 − burnRate · (1 − target)`.
 *
 * @public
 */
export function burnWindowRatios(
  status: Pick<SloStatus, 'burnRates' | 'target'>,
): Partial<Record<BurnRateWindow, number>> {
  const fraction = budgetFraction(targetToPpm(status.target));
  const ratios: Partial<Record<BurnRateWindow, number>> = {};
  for (const w of BURN_RATE_WINDOWS) {
    const rate = status.burnRates?.[w];
    if (rate !== null && rate !== undefined) ratios[w] = 1 - rate * fraction;
  }
  return ratios;
}
