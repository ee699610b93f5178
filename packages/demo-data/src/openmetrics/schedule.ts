export interface FinerStep {
  /** How far back from the end this step applies. */
  windowMs: number;
  stepMs: number;
}

export interface ScheduleOptions {
  startMs: number;
  /** The last sample (the anchor), inclusive. */
  endMs: number;
  /** Spacing of the bulk of the history. */
  stepMs: number;
  /**
   * Finer spacing towards the end, so that short rate() windows have enough
   * points where burn-rate alerts and recent graphs look.
   */
  finer?: FinerStep[];
}

/** Sample instants of the history, ascending, each a multiple of its step. */
export function historySchedule(o: ScheduleOptions): number[] {
  const tiers = [
    { windowMs: Infinity, stepMs: o.stepMs },
    ...(o.finer ?? []),
  ].sort((a, b) => b.windowMs - a.windowMs);
  const times: number[] = [];
  tiers.forEach((tier, i) => {
    const from = Math.max(o.startMs, o.endMs - tier.windowMs);
    const next = tiers[i + 1];
    const until = next
      ? Math.max(o.startMs, o.endMs - next.windowMs)
      : o.endMs + 1;
    for (
      let t = Math.ceil(from / tier.stepMs) * tier.stepMs;
      t < until;
      t += tier.stepMs
    ) {
      if (times.length === 0 || t > times[times.length - 1]) times.push(t);
    }
  });
  return times;
}
