import type { SloCounts } from './errorBudget';
import { badOf } from './errorBudget';
import {
  TimeInterval,
  excludeIntervals,
  intersectIntervals,
  intervalsSeconds,
  roundIntervalsOutward,
} from './intervals';

/** good, bad and total after an exclusion. @public */
export interface ExcludedCounts {
  good: number;
  bad: number;
  total: number;
}

/**
 * Removes excluded parts from window counts, e.g. daily rows minus
 * `increase()` over each maintenance occurrence. Excluded time is removed
 * from both good and total: it is neither good nor bad.
 *
 * @public
 */
export function excludeFromCounts(
  window: SloCounts,
  excluded: readonly SloCounts[],
): ExcludedCounts {
  let bad = badOf(window);
  let total = window.total;
  for (const part of excluded) {
    bad -= badOf(part);
    total -= part.total;
  }
  // Counts queried separately may disagree slightly; never go below 0.
  total = Math.max(0, total);
  bad = Math.min(total, Math.max(0, bad));
  return { good: total - bad, bad, total };
}

/** Counts stored for one bucket `[start, end)` (e.g. 5 min or 1 h). @public */
export interface CountBucket {
  start: Date;
  end: Date;
  good?: number;
  bad?: number;
  total: number;
}

/**
 * Sums the buckets that do not overlap any excluded interval, the intervals
 * first rounded outward to `granularitySeconds` (default 5 min).
 *
 * @public
 */
export function excludeFromBuckets(
  buckets: readonly CountBucket[],
  excluded: readonly TimeInterval[],
  granularitySeconds: number = 300,
): ExcludedCounts & { excludedBuckets: number } {
  const cuts = roundIntervalsOutward(excluded, granularitySeconds);
  let bad = 0;
  let total = 0;
  let excludedBuckets = 0;
  for (const bucket of buckets) {
    const overlaps = cuts.some(
      cut =>
        cut.start.getTime() < bucket.end.getTime() &&
        cut.end.getTime() > bucket.start.getTime(),
    );
    if (overlaps) {
      excludedBuckets += 1;
    } else {
      bad += badOf(bucket);
      total += bucket.total;
    }
  }
  return { good: total - bad, bad, total, excludedBuckets };
}

/** @public */
export interface TimeBasedExclusionInput {
  /** The SLO window. */
  window: TimeInterval;
  /** Bad time (outages) inside the window. */
  bad: readonly TimeInterval[];
  /** Excluded time (maintenance). */
  excluded: readonly TimeInterval[];
  /** Exclusions are rounded outward to this; default 5 min, 0 for exact. */
  granularitySeconds?: number;
}

/**
 * Minutes of a time-based SLO after exclusion: the window shrinks by the
 * excluded time, and bad time inside it no longer counts. A 30-day window
 * with 120 excluded minutes has 43,080 minutes, so 99.9 % allows 43.08.
 *
 * @public
 */
export function excludeFromTime(input: TimeBasedExclusionInput): {
  totalMinutes: number;
  badMinutes: number;
  excludedMinutes: number;
} {
  const cuts = intersectIntervals(
    roundIntervalsOutward(input.excluded, input.granularitySeconds ?? 300),
    [input.window],
  );
  const counted = excludeIntervals([input.window], cuts);
  return {
    totalMinutes: intervalsSeconds(counted) / 60,
    badMinutes: intervalsSeconds(intersectIntervals(input.bad, counted)) / 60,
    excludedMinutes: intervalsSeconds(cuts) / 60,
  };
}
