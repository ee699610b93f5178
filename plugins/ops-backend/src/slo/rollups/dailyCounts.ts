import { resolveWindow } from '@unyo/plugin-ops-common';
import { SloStore } from '../../database/SloStore';
import { addCounts, Counts, MeasuredPlan } from '../evaluation/measureCounts';
import { Measure } from '../evaluation/roundTypes';
import {
  DAY_MS,
  dayEnd,
  PlanWindow,
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

/** The days of `n` from oldest to newest: contiguous, each once. */
function allDaysOf(n: DaysNeeded): string[] {
  return [...n.history, ...(n.headDay ? [n.headDay] : []), ...n.days];
}

/** A stored day's counts pro rata of the head's share of it. */
function headShare(row: Counts, head: TimeRange): Counts {
  const share = (head.end.getTime() - head.start.getTime()) / DAY_MS;
  return { good: row.good * share, total: row.total * share };
}

type DailyStore = Pick<SloStore, 'getDaily' | 'upsertDaily' | 'summarizeDaily'>;

/**
 * Sums each SLO's stored days, backfilling the missing ones from Prometheus
 * first (at most `maxBackfillDays` per SLO, the most recent ones), one query
 * batch per missing day. SLOs whose days are all stored (every steady round)
 * are summed by the database, one row per SLO; only the others read their
 * rows day by day.
 */
export async function dailyCounts(options: {
  plans: MeasuredPlan[];
  windows: PlanWindows;
  measure: Measure;
  fail: (ref: string, e: Error) => void;
  store: DailyStore;
  maxBackfillDays: number;
}): Promise<StoredDayCounts> {
  const { plans, windows, store } = options;
  // Plans of one window share its PlanWindow, hence its days.
  const byWindow = new Map<PlanWindow, DaysNeeded>();
  const groups = new Map<DaysNeeded, MeasuredPlan[]>();
  for (const plan of plans) {
    const planWindow = windows.get(plan.description.ref)!;
    let needed = byWindow.get(planWindow);
    if (!needed) {
      needed = daysNeeded(plan, windows);
      byWindow.set(planWindow, needed);
    }
    const group = groups.get(needed);
    if (group) group.push(plan);
    else groups.set(needed, [plan]);
  }
  const result: StoredDayCounts = { days: new Map(), heads: new Map() };
  const incomplete = new Map<DaysNeeded, MeasuredPlan[]>();
  for (const [needed, group] of groups) {
    const all = allDaysOf(needed);
    if (all.length === 0) continue;
    const { days, headDay, head } = needed;
    const summaries = await store.summarizeDaily(
      group.map(p => p.description.ref),
      {
        fromDay: all[0],
        toDay: all[all.length - 1],
        ...(days.length > 0 && { sumFrom: days[0], sumTo: days.at(-1) }),
        ...(headDay && { headDay }),
      },
    );
    const rest: MeasuredPlan[] = [];
    for (const plan of group) {
      const ref = plan.description.ref;
      const summary = summaries.get(ref);
      if (!summary || summary.rows < all.length) {
        rest.push(plan);
        continue;
      }
      result.days.set(ref, summary.days);
      if (summary.head && head) {
        result.heads.set(ref, headShare(summary.head, head));
      }
    }
    if (rest.length > 0) incomplete.set(needed, rest);
  }
  if (incomplete.size > 0) {
    await backfillDays({ ...options, groups: incomplete, result });
  }
  return result;
}

/** Reads the rows of SLOs with missing days, backfills them, sums them. */
async function backfillDays(options: {
  groups: Map<DaysNeeded, MeasuredPlan[]>;
  result: StoredDayCounts;
  measure: Measure;
  fail: (ref: string, e: Error) => void;
  store: DailyStore;
  maxBackfillDays: number;
}): Promise<void> {
  const { groups, result, measure, fail, store, maxBackfillDays } = options;
  const sorted = [...new Set([...groups.keys()].flatMap(allDaysOf))].sort();
  const plans = [...groups.values()].flat();
  const stored = await store.getDaily(
    plans.map(p => p.description.ref),
    sorted[0],
    sorted[sorted.length - 1],
  );
  const have = new Map<string, Counts>(
    stored.map(r => [`${r.sloRef}|${r.day}`, r]),
  );

  const missing = new Map<string, MeasuredPlan[]>();
  for (const [needed, group] of groups) {
    const all = allDaysOf(needed);
    for (const plan of group) {
      const ref = plan.description.ref;
      const gaps = all
        .filter(day => !have.has(`${ref}|${day}`))
        .slice(-maxBackfillDays);
      for (const day of gaps) {
        const dayPlans = missing.get(day);
        if (dayPlans) dayPlans.push(plan);
        else missing.set(day, [plan]);
      }
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

  for (const [{ days, headDay, head }, group] of groups) {
    for (const plan of group) {
      const ref = plan.description.ref;
      let sum: Counts = { good: 0, total: 0 };
      for (const day of days) {
        const row = have.get(`${ref}|${day}`);
        if (row) sum = addCounts(sum, row);
      }
      result.days.set(ref, sum);
      const headRow = headDay && have.get(`${ref}|${headDay}`);
      if (headRow && head) result.heads.set(ref, headShare(headRow, head));
    }
  }
}
