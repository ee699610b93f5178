import { Series } from './series';
import { TICK_SECONDS, tickOf, TICK_MS } from './time';

/**
 * Evaluates one series at any instant. Counters are the exact integral of
 * their piecewise-constant rates from the origin, summed tick by tick in the
 * same order every time, so the backfill and the exporter produce identical
 * numbers for the same instant.
 *
 * Samplers remember how far they have summed; asking for an earlier instant
 * starts again from the origin, which is slower but gives the same result.
 */
export interface Sampler {
  /** Undefined when the series has no sample at `tMs` (its service is down). */
  sampleAt(tMs: number): number[] | undefined;
}

export function createSampler(series: Series, originMs: number): Sampler {
  if (series.kind === 'gauge') {
    return {
      sampleAt(tMs) {
        const tick = tickOf(tMs);
        return series.presentAt(tick) ? [series.valueAt(tick)] : undefined;
      },
    };
  }
  const originTick = tickOf(originMs);
  let nextTick = originTick;
  let totals: number[] | undefined;
  return {
    sampleAt(tMs) {
      const tick = tickOf(tMs);
      if (!series.presentAt(tick)) return undefined;
      if (!totals || tick < nextTick) {
        nextTick = originTick;
        totals = series.ratesAt(originTick).map(() => 0);
      }
      for (; nextTick < tick; nextTick++) {
        const rates = series.ratesAt(nextTick);
        for (let i = 0; i < rates.length; i++)
          totals[i] += rates[i] * TICK_SECONDS;
      }
      if (tick < originTick) return totals.map(() => 0);
      const elapsed = (tMs - tick * TICK_MS) / 1000;
      const rates = series.ratesAt(tick);
      return totals.map((total, i) => total + rates[i] * elapsed);
    },
  };
}
