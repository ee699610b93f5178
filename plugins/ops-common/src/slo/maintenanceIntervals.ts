import { DateTime, Duration } from 'luxon';
import type { TimeInterval } from './intervals';
import { MaintenanceRule, parseMaintenanceWindow } from './maintenanceRule';

function matchesDay(rule: MaintenanceRule, day: DateTime): boolean {
  if (rule.byDay.length === 0) {
    return true;
  }
  return rule.byDay.some(({ weekday, ordinal }) => {
    if (day.weekday !== weekday) return false;
    if (ordinal === undefined) return true;
    if (ordinal > 0) return Math.ceil(day.day / 7) === ordinal;
    return Math.ceil((day.daysInMonth! - day.day + 1) / 7) === -ordinal;
  });
}

/**
 * The occurrences of a maintenance window that overlap `[from, to)`, as real
 * instants, sorted. Local times are taken in the rule's zone, so a window at
 * 02:00 Asia/Tokyo is 17:00 UTC the day before, and durations in hours are
 * elapsed time across DST changes. A local start that does not exist (in a
 * spring-forward gap) moves forward by the gap.
 *
 * @public
 */
export function maintenanceIntervals(
  rule: MaintenanceRule | string,
  from: Date,
  to: Date,
): TimeInterval[] {
  const parsed = typeof rule === 'string' ? parseMaintenanceWindow(rule) : rule;
  const duration = Duration.fromISO(parsed.duration);
  // Occurrences that started before `from` may still overlap it.
  const lookbackDays = Math.ceil(duration.as('days')) + 1;
  const last = DateTime.fromJSDate(to, { zone: parsed.timeZone }).startOf(
    'day',
  );
  const result: TimeInterval[] = [];
  for (
    let day = DateTime.fromJSDate(from, { zone: parsed.timeZone })
      .startOf('day')
      .minus({ days: lookbackDays });
    day <= last;
    day = day.plus({ days: 1 })
  ) {
    if (!matchesDay(parsed, day)) continue;
    for (const hour of parsed.byHour) {
      for (const minute of parsed.byMinute) {
        const start = DateTime.fromObject(
          { year: day.year, month: day.month, day: day.day, hour, minute },
          { zone: parsed.timeZone },
        );
        const end = start.plus(duration);
        if (
          end.toMillis() > from.getTime() &&
          start.toMillis() < to.getTime()
        ) {
          result.push({ start: start.toJSDate(), end: end.toJSDate() });
        }
      }
    }
  }
  return result.sort((a, b) => a.start.getTime() - b.start.getTime());
}
