/** A half-open interval of time `[start, end)`. @public */
export interface TimeInterval {
  start: Date;
  end: Date;
}

/** Sorted, with overlapping or touching intervals joined; empty ones dropped. @public */
export function mergeIntervals(
  intervals: readonly TimeInterval[],
): TimeInterval[] {
  const sorted = intervals
    .filter(i => i.end.getTime() > i.start.getTime())
    .sort((a, b) => a.start.getTime() - b.start.getTime());
  const merged: TimeInterval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.start.getTime() <= last.end.getTime()) {
      if (interval.end.getTime() > last.end.getTime()) {
        merged[merged.length - 1] = { start: last.start, end: interval.end };
      }
    } else {
      merged.push({ start: interval.start, end: interval.end });
    }
  }
  return merged;
}

/**
 * Widens intervals to whole buckets of `granularitySeconds` (aligned on the
 * Unix epoch, as stored buckets are) and merges them. Rounding outward means
 * a bucket that is partly excluded is excluded whole: counts stored per
 * bucket cannot be split.
 *
 * @public
 */
export function roundIntervalsOutward(
  intervals: readonly TimeInterval[],
  granularitySeconds: number = 300,
): TimeInterval[] {
  if (!(granularitySeconds > 0)) {
    return mergeIntervals(intervals);
  }
  const step = granularitySeconds * 1000;
  return mergeIntervals(
    intervals.map(i => ({
      start: new Date(Math.floor(i.start.getTime() / step) * step),
      end: new Date(Math.ceil(i.end.getTime() / step) * step),
    })),
  );
}

/** The parts of `base` outside every interval of `excluded`. @public */
export function excludeIntervals(
  base: readonly TimeInterval[],
  excluded: readonly TimeInterval[],
): TimeInterval[] {
  const cuts = mergeIntervals(excluded);
  const result: TimeInterval[] = [];
  for (const interval of mergeIntervals(base)) {
    let cursor = interval.start.getTime();
    const end = interval.end.getTime();
    for (const cut of cuts) {
      const cutStart = cut.start.getTime();
      const cutEnd = cut.end.getTime();
      if (cutEnd <= cursor || cutStart >= end) continue;
      if (cutStart > cursor) {
        result.push({ start: new Date(cursor), end: new Date(cutStart) });
      }
      cursor = Math.max(cursor, cutEnd);
    }
    if (cursor < end) {
      result.push({ start: new Date(cursor), end: new Date(end) });
    }
  }
  return result;
}

/** The intersection of two sets of intervals. @public */
export function intersectIntervals(
  a: readonly TimeInterval[],
  b: readonly TimeInterval[],
): TimeInterval[] {
  const result: TimeInterval[] = [];
  for (const x of mergeIntervals(a)) {
    for (const y of mergeIntervals(b)) {
      const start = Math.max(x.start.getTime(), y.start.getTime());
      const end = Math.min(x.end.getTime(), y.end.getTime());
      if (end > start) {
        result.push({ start: new Date(start), end: new Date(end) });
      }
    }
  }
  return mergeIntervals(result);
}

/** Total length of intervals in seconds, overlaps counted once. @public */
export function intervalsSeconds(intervals: readonly TimeInterval[]): number {
  return mergeIntervals(intervals).reduce(
    (sum, i) => sum + (i.end.getTime() - i.start.getTime()) / 1000,
    0,
  );
}
