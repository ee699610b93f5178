import { DateTime } from 'luxon';
import type { SloTimeWindow } from '../kinds';
import { LUXON_UNIT, parseOpenSloDuration } from './duration';

/** The instants an SLO window covers at some `now`. @public */
export interface ResolvedSloWindow {
  start: Date;
  /** Rolling: now. Calendar: the end of the current period (maybe future). */
  end: Date;
  /** end − start, real seconds (a Berlin March is 743 h). */
  periodSeconds: number;
  /** min(now, end) − start: what has been measured so far. */
  elapsedSeconds: number;
  /** elapsedSeconds / periodSeconds; 1 for rolling windows. */
  elapsedRatio: number;
  calendar: boolean;
  timeZone: string;
}

function toDateTime(now: Date, zone: string): DateTime {
  const dateTime = DateTime.fromJSDate(now, { zone });
  if (!dateTime.isValid) {
    throw new Error(`"${zone}" is not a known time zone`);
  }
  return dateTime;
}

/** OpenSLO `calendar.startTime` is local time without zone: `2024-01-01 00:00:00`. */
function parseStartTime(startTime: string, zone: string): DateTime {
  const parsed = DateTime.fromFormat(startTime, 'yyyy-MM-dd HH:mm:ss', {
    zone,
  });
  const dateTime = parsed.isValid
    ? parsed
    : DateTime.fromISO(startTime, { zone });
  if (!dateTime.isValid) {
    throw new Error(`calendar.startTime "${startTime}" is not a date`);
  }
  return dateTime;
}

/**
 * The window of an SLO at `now`. Rolling windows are `[now − W, now)`.
 * Calendar windows are the period containing `now`, counted from
 * `calendar.startTime` (default: 1970-01-01, a Monday for weeks) in the
 * calendar's IANA zone (default UTC), so months, quarters and years start on
 * their local boundaries and have their real lengths across DST changes.
 *
 * @public
 */
export function resolveWindow(
  timeWindow: SloTimeWindow,
  now: Date,
): ResolvedSloWindow {
  const duration = parseOpenSloDuration(timeWindow.duration);
  const step = { [LUXON_UNIT[duration.unit]]: duration.amount };
  const timeZone = timeWindow.calendar?.timeZone ?? 'UTC';
  const current = toDateTime(now, timeZone);

  if (timeWindow.isRolling !== false) {
    const start = current.minus(step);
    const periodSeconds = current.diff(start).as('seconds');
    return {
      start: start.toJSDate(),
      end: now,
      periodSeconds,
      elapsedSeconds: periodSeconds,
      elapsedRatio: 1,
      calendar: false,
      timeZone,
    };
  }

  const anchor = timeWindow.calendar?.startTime
    ? parseStartTime(timeWindow.calendar.startTime, timeZone)
    : DateTime.fromObject(
        { year: 1970, month: 1, day: duration.unit === 'w' ? 5 : 1 },
        { zone: timeZone },
      );
  const periodAt = (k: number) => ({
    // Always from the anchor: repeated month steps would drift (Jan 31 → Feb 28 → Mar 28).
    start: anchor.plus({ [LUXON_UNIT[duration.unit]]: k * duration.amount }),
    end: anchor.plus({
      [LUXON_UNIT[duration.unit]]: (k + 1) * duration.amount,
    }),
  });
  const first = periodAt(0);
  const approxSeconds = first.end.diff(first.start).as('seconds');
  let k = Math.floor(current.diff(anchor).as('seconds') / approxSeconds);
  while (periodAt(k).start > current) k -= 1;
  while (periodAt(k).end <= current) k += 1;

  const { start, end } = periodAt(k);
  const periodSeconds = end.diff(start).as('seconds');
  const elapsedSeconds = current.diff(start).as('seconds');
  return {
    start: start.toJSDate(),
    end: end.toJSDate(),
    periodSeconds,
    elapsedSeconds,
    elapsedRatio: elapsedSeconds / periodSeconds,
    calendar: true,
    timeZone,
  };
}

/**
 * Budget consumed over a whole calendar period, projected from the part
 * elapsed: `burn_to_date × elapsed`. Equals the strict value once the period
 * is over (elapsed = 1).
 *
 * @public
 */
export function projectedConsumedRatio(
  burnRateToDate: number,
  elapsedRatio: number,
): number {
  return burnRateToDate * elapsedRatio;
}

/** The ideal burn-down line of a calendar period: `1 − elapsed`. @public */
export function idealRemainingRatio(elapsedRatio: number): number {
  return 1 - elapsedRatio;
}
