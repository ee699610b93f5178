/**
 * The model is piecewise constant on one-minute ticks aligned to the Unix
 * epoch: rates and gauges hold still within a tick, which makes every counter
 * an exact, cheap sum and keeps the backfill and the live exporter in step.
 */
export const TICK_MS = 60_000;
export const TICK_SECONDS = TICK_MS / 1000;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export function tickOf(tMs: number): number {
  return Math.floor(tMs / TICK_MS);
}
