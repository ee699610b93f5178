import {
  BURN_RATE_WINDOWS,
  BurnRateWindow,
  SloCounts,
} from '@unyo/plugin-ops-common';
import { ErrorTally } from './ErrorTally';
import { MeasuredPlan } from './measureCounts';
import { Measure } from './roundTypes';

const BURN_WINDOW_SECONDS: Record<BurnRateWindow, number> = {
  '5m': 300,
  '30m': 1800,
  '1h': 3600,
  '2h': 7200,
  '6h': 21600,
  '1d': 86400,
  '3d': 259200,
};

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
    const result = await measure(plans, BURN_WINDOW_SECONDS[w], now);
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
