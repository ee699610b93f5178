import { DAY_MS, HOUR_MS } from './time';

/** Hour (UTC) at which traffic peaks. */
const PEAK_HOUR_UTC = 14;
const DAILY_AMPLITUDE = 0.55;

/**
 * Multiplier for the daily traffic curve: busy afternoons, quiet nights.
 * A sine keeps the daily mean at exactly 1, so `requestsPerSecond` stays the mean.
 */
export function dailyCurve(tMs: number): number {
  const phase = ((tMs - PEAK_HOUR_UTC * HOUR_MS) / DAY_MS) * 2 * Math.PI;
  return 1 + DAILY_AMPLITUDE * Math.cos(phase);
}
