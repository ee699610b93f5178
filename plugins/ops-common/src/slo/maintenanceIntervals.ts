import { DateTime, Duration } from 'luxon';
import { Frequency, RRule, Weekday } from 'rrule';
import type { TimeInterval } from './intervals';
import { MaintenanceRule, parseMaintenanceWindow } from './maintenanceRule';

const FREQUENCIES = {
  DAILY: Frequency.DAILY,
  WEEKLY: Frequency.WEEKLY,
  MONTHLY: Frequency.MONTHLY,
};

/*
 * rrule computes on "floating" times: a local wall-clock time of the rule's
 * zone written into the UTC fields of a Date. The recurrence (weekdays, set
 * positions, intervals) is a calendar matter, so it is done on wall-clock
 * times, and luxon maps each start to the real instant in the zone, which
 * keeps 01:00 at 01:00 local across DST changes.
 */
function toFloating(local: DateTime): Date {
  return new Date(
    Date.UTC(
      local.year,
      local.month - 1,
      local.day,
      local.hour,
      local.minute,
      local.second,
    ),
  );
}

function fromFloating(date: Date, zone: string): DateTime {
  return DateTime.fromObject(
    {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: date.getUTCHours(),
      minute: date.getUTCMinutes(),
      second: date.getUTCSeconds(),
    },
    { zone },
  );
}

const weekday = (iso: number) => new Weekday(iso - 1);

function recurrence(rule: MaintenanceRule, firstDay: DateTime): RRule {
  const zone = rule.timeZone;
  return new RRule({
    freq: FREQUENCIES[rule.freq],
    dtstart: toFloating(
      rule.start ? DateTime.fromISO(rule.start, { zone }) : firstDay,
    ),
    interval: rule.interval ?? 1,
    count: rule.count ?? null,
    until: rule.until
      ? toFloating(DateTime.fromISO(rule.until).setZone(zone))
      : null,
    byweekday: rule.byDay.length
      ? rule.byDay.map(d =>
          d.ordinal === undefined
            ? weekday(d.weekday)
            : weekday(d.weekday).nth(d.ordinal),
        )
      : null,
    bymonthday: rule.byMonthDay ?? null,
    bymonth: rule.byMonth ?? null,
    bysetpos: rule.bySetPos ?? null,
    byhour: rule.byHour,
    byminute: rule.byMinute,
    bysecond: [0],
    wkst: weekday(rule.weekStart ?? 1),
  });
}

/**
 * The occurrences of a maintenance window that overlap `[from, to)`, as real
 * instants, sorted. Local times are taken in the rule's zone, so a window at
 * 02:00 Asia/Tokyo is 17:00 UTC the day before, and durations in hours are
 * elapsed time across DST changes. A local start that does not exist (in a
 * spring-forward gap) moves forward by the gap. EXDATE leaves out the
 * occurrences starting at those local times (or on those local days).
 *
 * @public
 */
export function maintenanceIntervals(
  rule: MaintenanceRule | string,
  from: Date,
  to: Date,
): TimeInterval[] {
  const parsed = typeof rule === 'string' ? parseMaintenanceWindow(rule) : rule;
  const zone = parsed.timeZone;
  const duration = Duration.fromISO(parsed.duration);
  // Occurrences that started before `from` may still overlap it; a day more
  // on each side covers the zone's offset between floating and real times.
  const lookbackDays = Math.ceil(duration.as('days')) + 1;
  const firstDay = DateTime.fromJSDate(from, { zone })
    .startOf('day')
    .minus({ days: lookbackDays });
  const lastDay = DateTime.fromJSDate(to, { zone }).endOf('day');
  const exceptions = new Set(parsed.exceptions ?? []);
  const result: TimeInterval[] = [];
  const starts = recurrence(parsed, firstDay).between(
    toFloating(firstDay),
    toFloating(lastDay),
    true,
  );
  for (const floating of starts) {
    const iso = floating.toISOString();
    if (exceptions.has(iso.slice(0, 19)) || exceptions.has(iso.slice(0, 10)))
      continue;
    const start = fromFloating(floating, zone);
    const end = start.plus(duration);
    if (end.toMillis() > from.getTime() && start.toMillis() < to.getTime()) {
      result.push({ start: start.toJSDate(), end: end.toJSDate() });
    }
  }
  return result.sort((a, b) => a.start.getTime() - b.start.getTime());
}
