import { CronExpressionParser } from 'cron-parser';
import type { BackupSchedule } from '../kinds/BackupPolicyEntity';
import { parseBackupDuration } from './duration';

/** How far back fire times are looked at to find a cron's longest gap. */
const GAP_LOOKBACK_SECONDS = 2 * 86400;
/**
 * Bounds the work: cron-parser takes about a millisecond per fire time in a
 * time zone, so a minutely cron is not walked for days.
 */
const MAX_FIRES = 200;
const MIN_FIRES = 3;
/** Fire times counted one by one; beyond, the count is extrapolated. */
const MAX_COUNTED_FIRES = 500;

// The same schedules are evaluated for every request within a minute:
// results are remembered per schedule and minute.
const memo = new Map<string, number>();
const MEMO_SIZE = 2000;
function remembered(key: string, compute: () => number): number {
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  const value = compute();
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
  memo.set(key, value);
  return value;
}
const minuteOf = (d: Date) => Math.floor(d.getTime() / 60_000);

function cronOf(
  schedule: { cron: string; timezone?: string },
  currentDate: Date,
) {
  return CronExpressionParser.parse(schedule.cron, {
    currentDate,
    tz: schedule.timezone ?? 'UTC',
  });
}

// cron-parser's prev() and next() disagree across DST changes (prev() skips
// 02:30 on the spring night that next() moves to 03:30, and repeats the
// autumn hour that next() fires once): fire times here always come from
// next(), with prev() only to find where to start. Starting a few hours
// early absorbs the disagreement.
const DST_MARGIN_MS = 3 * 3600 * 1000;

/** Fire times after `from` (exclusive) up to `to` (inclusive), via next(). */
function forward(
  schedule: { cron: string; timezone?: string },
  from: Date,
  to: Date,
  limit: number,
): Date[] {
  const cron = cronOf(schedule, from);
  const times: Date[] = [];
  while (times.length < limit && cron.hasNext()) {
    const t = cron.next().toDate();
    if (t.getTime() > to.getTime()) break;
    if (t.getTime() > from.getTime()) times.push(t);
  }
  return times;
}

/**
 * The fire times of a cron schedule in `(from, to]`, oldest first, in the
 * schedule's time zone (UTC when none is given), as cron-parser's next()
 * computes them across DST changes.
 *
 * @public
 */
export function cronFireTimes(
  schedule: { cron: string; timezone?: string },
  from: Date,
  to: Date,
  limit = 100_000,
): Date[] {
  return forward(schedule, from, to, limit);
}

/**
 * How many times a cron fires in the `spanSeconds` before `now`: counted up
 * to 500 fire times, extrapolated from those beyond (an approximation only
 * for crons firing more often than that in the span, e.g. every minute for
 * a week).
 *
 * @public
 */
export function countCronFires(
  schedule: { cron: string; timezone?: string },
  spanSeconds: number,
  now: Date,
): number {
  const key = `count|${schedule.cron}|${
    schedule.timezone
  }|${spanSeconds}|${minuteOf(now)}`;
  return remembered(key, () => {
    const from = new Date(now.getTime() - spanSeconds * 1000);
    const times = forward(schedule, from, now, MAX_COUNTED_FIRES);
    if (times.length < MAX_COUNTED_FIRES) return times.length;
    const covered = times[times.length - 1].getTime() - from.getTime();
    return Math.round((times.length * spanSeconds * 1000) / covered);
  });
}

/** The newest fire time at or before `at`, or null. @public */
export function previousFireTime(
  schedule: { cron: string; timezone?: string },
  at: Date,
): Date | null {
  const cron = cronOf(schedule, new Date(at.getTime() + 1));
  if (!cron.hasPrev()) return null;
  const approx = cron.prev().toDate().getTime();
  const times = forward(
    schedule,
    new Date(approx - DST_MARGIN_MS),
    at,
    100_000,
  );
  return times.length ? times[times.length - 1] : null;
}

/** The first fire time after `at`. @public */
export function nextFireTime(
  schedule: { cron: string; timezone?: string },
  at: Date,
): Date | null {
  const cron = cronOf(schedule, at);
  return cron.hasNext() ? cron.next().toDate() : null;
}

/**
 * The schedule's interval in seconds: `every` as written; for a cron, the
 * longest gap between its fire times of the last 2 days before `at` (at
 * least three fire times, at most 200), including the gap that holds `at`,
 * so an irregular cron (`0 2,3 * * *`) counts its long gap and a DST night
 * its 25 hours (for the two days after it).
 *
 * @public
 */
export function scheduleIntervalSeconds(
  schedule: BackupSchedule,
  at: Date,
): number {
  if ('every' in schedule) {
    return parseBackupDuration(schedule.every);
  }
  const key = `gap|${schedule.cron}|${schedule.timezone}|${minuteOf(at)}`;
  return remembered(key, () => longestGap(schedule, at));
}

function longestGap(
  schedule: { cron: string; timezone?: string },
  at: Date,
): number {
  const back = cronOf(schedule, new Date(at.getTime() + 1));
  const limitMs = at.getTime() - GAP_LOOKBACK_SECONDS * 1000;
  let earliest = at.getTime();
  for (let n = 0; n < MAX_FIRES && back.hasPrev(); n++) {
    earliest = back.prev().toDate().getTime();
    if (n + 1 >= MIN_FIRES && earliest < limitMs) break;
  }
  const next = nextFireTime(schedule, at);
  const times = forward(
    schedule,
    new Date(earliest - DST_MARGIN_MS),
    next ?? at,
    MAX_FIRES * 2,
  );
  let longest = 0;
  for (let i = 1; i < times.length; i++) {
    longest = Math.max(longest, times[i].getTime() - times[i - 1].getTime());
  }
  return Math.round(longest / 1000);
}
