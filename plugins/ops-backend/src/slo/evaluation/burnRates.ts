import {
  BURN_RATE_WINDOW_SECONDS,
  BURN_RATE_WINDOWS,
  BurnRateWindow,
  SloCounts,
} from '@unyo/plugin-ops-common';
import { ErrorTally } from './ErrorTally';
import { MeasuredPlan } from './measureCounts';
import { Measure } from './roundTypes';

export type BurnRateCounts = Map<
  string,
  Partial<Record<BurnRateWindow, SloCounts>>
>;

/**
 * Good and total over each burn-rate window, per SLO ref. Measured first in
 * a round: when every SLO of the server failed after a window (the server
 * is down), nothing else is worth asking and `undefined` says so.
 */
export async function measureBurnRates(
  plans: MeasuredPlan[],
  measure: Measure,
  now: Date,
  tally: ErrorTally,
): Promise<BurnRateCounts | undefined> {
  const burn: BurnRateCounts = new Map();
  for (const w of BURN_RATE_WINDOWS) {
    const result = await measure(plans, BURN_RATE_WINDOW_SECONDS[w], now);
    for (const plan of plans) {
      const counts = tally.take(result, plan.description.ref);
      const entry = burn.get(plan.description.ref) ?? {};
      entry[w] = counts;
      burn.set(plan.description.ref, entry);
    }
    if (plans.every(p => tally.has(p.description.ref))) return undefined;
  }
  return burn;
}
