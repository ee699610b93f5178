import {
  intersectIntervals,
  mergeIntervals,
  TimeInterval,
} from '@unyo/plugin-ops-common';
import { SloStore } from '../../database/SloStore';
import { ErrorTally } from '../evaluation/ErrorTally';
import { MeasuredPlan } from '../evaluation/measureCounts';
import { Measure } from '../evaluation/roundTypes';
import { DAY_MS, dayEnd, utcDay } from '../evaluation/windowSegments';
import { SloDailyExclusion } from '../rollups/dailyRollupTable';
import { PendingCorrection } from './DatabaseSloCorrectionStore';

/** The UTC days `[start, end)` overlaps. */
function daysOf(start: Date, end: Date): string[] {
  const days: string[] = [];
  for (
    let t = Math.floor(start.getTime() / DAY_MS) * DAY_MS;
    t < end.getTime();
    t += DAY_MS
  ) {
    days.push(utcDay(new Date(t)));
  }
  return days;
}

/**
 * Recomputes the excluded counts of the stored days touched by corrections
 * added or deleted since the last round (the report and the daily burn-down
 * read days less these counts). A day's exclusion is measured from all the
 * SLO's corrections on that day, merged, so it is the same whichever
 * correction asked for it. Answers the ids of the corrections whose days
 * are all done: one whose last day is not settled yet stays pending.
 */
export async function recomputeCorrectedDays(options: {
  plans: MeasuredPlan[];
  pending: PendingCorrection[];
  /** SLO ref → its corrections (not deleted). */
  corrections: Map<string, TimeInterval[]>;
  measure: Measure;
  store: Pick<SloStore, 'setDailyExclusions'>;
  now: Date;
}): Promise<string[]> {
  const { plans, pending, corrections, measure, store, now } = options;
  const byRef = new Map(plans.map(p => [p.description.ref, p]));
  const wanted = new Map<string, { plan: MeasuredPlan; day: string }>();
  for (const c of pending) {
    const plan = byRef.get(c.sloRef);
    if (!plan) continue;
    const end = new Date(Math.min(Date.parse(c.end), now.getTime()));
    for (const day of daysOf(new Date(c.start), end)) {
      wanted.set(`${c.sloRef}|${day}`, { plan, day });
    }
  }
  const tally = new ErrorTally();
  const exclusions: SloDailyExclusion[] = [];
  for (const { plan, day } of wanted.values()) {
    const ref = plan.description.ref;
    const dayRange = { start: new Date(`${day}T00:00:00Z`), end: dayEnd(day) };
    let excludedGood = 0;
    let excludedTotal = 0;
    for (const part of intersectIntervals(
      mergeIntervals(corrections.get(ref) ?? []),
      [dayRange],
    )) {
      const seconds = (part.end.getTime() - part.start.getTime()) / 1000;
      const counts = tally.take(await measure([plan], seconds, part.end), ref);
      excludedGood += counts.good;
      excludedTotal += counts.total;
    }
    exclusions.push({ sloRef: ref, day, excludedGood, excludedTotal });
  }
  await store.setDailyExclusions(exclusions);
  // The round stored every settled day of the windows before this runs
  // (dailyCounts); a day not settled yet is stored by a later round.
  const settled = now.getTime() - 5 * 60 * 1000;
  return pending
    .filter(c => byRef.has(c.sloRef) && !tally.has(c.sloRef))
    .filter(c => {
      const end = Date.parse(c.end);
      return Math.ceil(end / DAY_MS) * DAY_MS <= settled;
    })
    .map(c => c.id);
}
