import {
  effectiveSloTarget,
  evaluateSloStatus,
  resolveWindow,
  SloHistoryPoint,
  SloTimeWindow,
} from '@unyo/plugin-ops-common';
import { countedOf, SloDailyRow } from './dailyRollupTable';
import { utcDay } from '../evaluation/windowSegments';
import { SloDescription } from '../describeSlo';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Burn-down points at the end of each past day of the window, from the stored
 * daily rows: what the SLO's window held at that midnight. Live evaluations
 * add finer points from then on.
 */
export function dailyHistory(options: {
  description: SloDescription;
  timeWindow: SloTimeWindow;
  rows: SloDailyRow[];
  from: Date;
  to: Date;
  /** The target of the SLO version in force on a day; the description's when unset. */
  targetOnDay?: (day: string) => number;
}): SloHistoryPoint[] {
  const { description, timeWindow, rows, from, to, targetOnDay } = options;
  const byDay = new Map(rows.map(r => [r.day, r]));
  const points: SloHistoryPoint[] = [];
  for (
    let t = Math.ceil(from.getTime() / DAY_MS) * DAY_MS;
    t <= to.getTime();
    t += DAY_MS
  ) {
    const end = new Date(t);
    const lastDay = utcDay(new Date(t - DAY_MS));
    if (!byDay.has(lastDay)) continue;
    const start = resolveWindow(timeWindow, end).start;
    let good = 0;
    let total = 0;
    const targets: Array<{ total: number; target: number }> = [];
    for (
      let d = Math.ceil(start.getTime() / DAY_MS) * DAY_MS;
      d < t;
      d += DAY_MS
    ) {
      const day = utcDay(new Date(d));
      const row = byDay.get(day);
      if (row) {
        // Less what corrections removed from the day.
        const counted = countedOf(row);
        good += counted.good;
        total += counted.total;
        if (targetOnDay)
          targets.push({ total: row.total, target: targetOnDay(day) });
      }
    }
    const evaluation = evaluateSloStatus({
      // Each day's budget is the version's in force that day.
      target: effectiveSloTarget(targets, description.target),
      timeWindow,
      budgetingMethod: description.budgetingMethod,
      counts: { good, total },
      now: end,
    });
    points.push({
      t: end.toISOString(),
      remainingRatio: evaluation.errorBudget?.remainingRatio ?? null,
      sliRatio: evaluation.sli?.ratio ?? null,
    });
  }
  return points;
}

/** Daily points up to the first live one, then the live ones. */
export function mergeHistory(
  daily: SloHistoryPoint[],
  live: SloHistoryPoint[],
): SloHistoryPoint[] {
  const firstLive = live.length ? Date.parse(live[0].t) : Infinity;
  return [...daily.filter(p => Date.parse(p.t) < firstLive), ...live];
}
