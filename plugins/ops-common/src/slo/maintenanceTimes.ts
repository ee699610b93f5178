import { DateTime } from 'luxon';

const BASIC =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:T(\d{2}):?(\d{2}):?(\d{2})?(Z)?)?$/i;

function parts(value: string) {
  const m = BASIC.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, z] = m;
  return {
    date: { year: +y, month: +mo, day: +d },
    time:
      h === undefined
        ? undefined
        : { hour: +h, minute: +mi, second: +(s ?? 0) },
    utc: !!z,
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * An iCalendar local DATE-TIME (`20250107T010000`, also `2025-01-07T01:00`)
 * as `2025-01-07T01:00:00`, or with `dateOnly` a DATE as `2025-01-07`;
 * null when it is not one (a `Z` time is not local).
 */
export function parseLocalTime(
  value: string,
  timeZone: string,
  dateOnly: boolean,
): string | null {
  const p = parts(value);
  if (!p || p.utc || (!p.time && !dateOnly)) return null;
  const dt = DateTime.fromObject({ ...p.date, ...p.time }, { zone: timeZone });
  if (!dt.isValid) return null;
  const date = `${pad(p.date.year, 4)}-${pad(p.date.month)}-${pad(p.date.day)}`;
  if (!p.time) return date;
  return `${date}T${pad(p.time.hour)}:${pad(p.time.minute)}:${pad(
    p.time.second,
  )}`;
}

/**
 * UNTIL as an instant: a UTC date-time as written, a local date-time in the
 * zone, a date as the end of that local day (RFC 5545: UNTIL is inclusive).
 */
export function parseUntil(value: string, timeZone: string): string | null {
  const p = parts(value);
  if (!p) return null;
  const dt = p.time
    ? DateTime.fromObject(
        { ...p.date, ...p.time },
        { zone: p.utc ? 'UTC' : timeZone },
      )
    : DateTime.fromObject(p.date, { zone: timeZone }).endOf('day');
  return dt.isValid ? dt.toUTC().toISO() : null;
}
