import { resolveWindow } from '@unyo/plugin-ops-common';
import { SloStore } from '../../database/SloStore';
import { addCounts, Counts, MeasuredPlan } from '../evaluation/measureCounts';
import { Measure } from '../evaluation/roundTypes';
import {
  DAY_MS,
  dayEnd,
  PlanWindows,
  TimeRange,
  utcDay,
} from '../evaluation/windowSegments';
import { SloDailyRow } from './dailyRollupTable';

/** What the stored days contribute to each SLO's window. */
export interface StoredDayCounts {
  /** SLO ref → sum of its window's full days. */
  days: Map<string, Counts>;
  /**
   * SLO ref → the stored day its head falls in, pro rata of the head's
   * length: used where Prometheus no longer holds the head.
   */
  heads: Map<string, Counts>;
}

interface DaysNeeded {
  days: string[];
  headDay?: string;
  head?: TimeRange;
  /** Days before the window kept for the burn-down of rolling windows. */
  history: string[];
}

/**
 * Each plan's stored days and the day its head falls in. Rolling windows
 * also store the window before theirs, once, so that the burn-down can show
 * a full trailing window at every past day.
 */
function daysNeeded(plan: MeasuredPlan, windows: PlanWindows): DaysNeeded {
  const { window, segments } = windows.get(plan.description.ref)!;
  const { days, head } = segments;
  const headDay =
    head && head.end.getTime() - head.start.getTime() < DAY_MS
      ? utcDay(head.start)
      : undefined;
  const earliest = utcDay(resolveWindow(plan.timeWindow, window.start).start);
  const first = headDay ?? days[0];
  const history: string[] = [];
  if (first) {
    for (
      let t = Date.parse(`${earliest}T00:00:00Z`);
      utcDay(new Date(t)) < first;
      t += DAY_MS
    ) {
      history.push(utcDay(new Date(t)));
    }
  }
  return { days, headDay, head, history };
}

/**
 * Sums each SLO's stored days, backfilling the missing ones from Prometheus
 * first (at most `maxBackfillDays` per SLO, the most recent ones), one query
 * batch per missing day.
 */
export async function dailyCounts(options: {
  plans: MeasuredPlan[];
  windows: PlanWindows;
  measure: Measure;
  fail: (ref: string, e: Error) => void;
  store: Pick<SloStore, 'getDaily' | 'upsertDaily'>;
  maxBackfillDays: number;
}): Promise<StoredDayCounts> {
  const { plans, windows, measure, fail, store, maxBackfillDays } = options;
  const needed = new Map(
    plans.map(p => [p.description.ref, daysNeeded(p, windows)]),
  );
  const allDays = [...needed.values()].flatMap(n => [
    ...n.history,
    ...(n.headDay ? [n.headDay] : []),
    ...n.days,
  ]);
  const result: StoredDayCounts = { days: new Map(), heads: new Map() };
  if (allDays.length === 0) return result;
  const sorted = [...new Set(allDays)].sort();
  const stored = await store.getDaily(
    plans.map(p => p.description.ref),
    sorted[0],
    sorted[sorted.length - 1],
  );
  const have = new Map<string, Counts>(
    stored.map(r => [`${r.sloRef}|${r.day}`, r]),
  );

  const missing = new Map<string, MeasuredPlan[]>();
  for (const plan of plans) {
    const ref = plan.description.ref;
    const { days, headDay, history } = needed.get(ref)!;
    const gaps = [...history, ...(headDay ? [headDay] : []), ...days]
      .filter(day => !have.has(`${ref}|${day}`))
      .slice(-maxBackfillDays);
    for (const day of gaps) {
      missing.set(day, [...(missing.get(day) ?? []), plan]);
    }
  }
  for (const [day, dayPlans] of [...missing].sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    const counts = await measure(dayPlans, 86400, dayEnd(day));
    const rows: SloDailyRow[] = [];
    for (const plan of dayPlans) {
      const ref = plan.description.ref;
      const value = counts.get(ref);
      if (!value || 'error' in value) {
        if (value && 'error' in value) fail(ref, value.error);
        continue;
      }
      rows.push({ sloRef: ref, day, good: value.good, total: value.total });
      have.set(`${ref}|${day}`, value);
    }
    await store.upsertDaily(rows);
  }

  for (const plan of plans) {
    const ref = plan.description.ref;
    const { days, headDay, head } = needed.get(ref)!;
    let sum: Counts = { good: 0, total: 0 };
    for (const day of days) {
      const row = have.get(`${ref}|${day}`);
      if (row) sum = addCounts(sum, row);
    }
    result.days.set(ref, sum);
    const headRow = headDay && have.get(`${ref}|${headDay}`);
    if (headRow && head) {
      const share = (head.end.getTime() - head.start.getTime()) / DAY_MS;
      result.heads.set(ref, {
        good: headRow.good * share,
        total: headRow.total * share,
      });
    }
  }
  return result;
}
