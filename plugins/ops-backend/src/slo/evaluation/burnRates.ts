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
 * Good and total over each burn-rate window, per SLO ref. The first window
 * is measured alone: when every SLO of the server failed there (the server
 * is down), nothing else is worth asking and `undefined` says so. Then the
 * other windows and `alongside` (the rest of the round's measurements) run
 * together, so that Prometheus answers some while the evaluator reads others.
 */
export async function measureBurnRates<T>(options: {
  plans: MeasuredPlan[];
  measure: Measure;
  now: Date;
  tally: ErrorTally;
  alongside: () => Promise<T>;
}): Promise<{ burn: BurnRateCounts; alongside: T } | undefined> {
  const { plans, measure, now, tally } = options;
  const burn: BurnRateCounts = new Map(plans.map(p => [p.description.ref, {}]));
  const measureWindow = async (w: BurnRateWindow) => {
    const result = await measure(plans, BURN_RATE_WINDOW_SECONDS[w], now);
    for (const plan of plans) {
      const ref = plan.description.ref;
      burn.get(ref)![w] = tally.take(result, ref);
    }
  };
  const [first, ...rest] = BURN_RATE_WINDOWS;
  await measureWindow(first);
  if (plans.every(p => tally.has(p.description.ref))) return undefined;
  const [alongside] = await Promise.all([
    options.alongside(),
    ...rest.map(measureWindow),
  ]);
  return { burn, alongside };
}
