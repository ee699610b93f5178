import { Duration, IANAZone } from 'luxon';
import { ANNOTATION_MAINTENANCE_WINDOW } from '../kinds';
import { parseLocalTime, parseUntil } from './maintenanceTimes';

/** @public */
export interface MaintenanceWeekday {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** 3 = the third in the month, −1 = the last; only with FREQ=MONTHLY. */
  ordinal?: number;
}

/**
 * A parsed `unyo.dev/maintenance-window`: an RFC 5545 RRULE (evaluated with
 * the `rrule` library) on one line, plus DURATION, TZID and the DTSTART and
 * EXDATE properties written as parts. The accepted syntax is described in
 * docs/catalog-model.md.
 *
 * @public
 */
export interface MaintenanceRule {
  freq: 'DAILY' | 'WEEKLY' | 'MONTHLY';
  /** Empty: every day (DAILY), DTSTART's weekday or day of month otherwise. */
  byDay: MaintenanceWeekday[];
  /** Local start hours, default DTSTART's hour or [0]. */
  byHour: number[];
  /** Local start minutes, default DTSTART's minute or [0]. */
  byMinute: number[];
  /** ISO 8601 duration of each occurrence, e.g. `PT4H`. */
  duration: string;
  /** IANA zone of the local times, default `UTC`. */
  timeZone: string;
  /** Every n-th day/week/month counted from `start` (INTERVAL). */
  interval?: number;
  /** At most this many occurrences from `start` (COUNT). */
  count?: number;
  /** Last possible start, inclusive, as an instant (UNTIL). */
  until?: string;
  /** First occurrence, local time `2025-01-07T01:00:00` in `timeZone` (DTSTART). */
  start?: string;
  /** Local starts (`2025-01-21T01:00:00`) or days (`2025-01-21`) left out (EXDATE). */
  exceptions?: string[];
  byMonthDay?: number[];
  byMonth?: number[];
  bySetPos?: number[];
  /** ISO weekday the week starts on (WKST), default Monday. */
  weekStart?: number;
}

const WEEKDAYS: Record<string, number> = {
  MO: 1,
  TU: 2,
  WE: 3,
  TH: 4,
  FR: 5,
  SA: 6,
  SU: 7,
};

const PARTS = [
  'FREQ',
  'INTERVAL',
  'COUNT',
  'UNTIL',
  'BYDAY',
  'BYMONTHDAY',
  'BYMONTH',
  'BYSETPOS',
  'BYHOUR',
  'BYMINUTE',
  'WKST',
  'DTSTART',
  'EXDATE',
  'DURATION',
  'TZID',
];

function invalid(message: string): Error {
  return new Error(`${ANNOTATION_MAINTENANCE_WINDOW}: ${message}`);
}

function parseNumbers(
  part: string,
  value: string,
  min: number,
  max: number,
  signed = false,
): number[] {
  return value.split(',').map(item => {
    const n = Number(item);
    const ok = (signed ? /^[+-]?[0-9]+$/ : /^[0-9]+$/).test(item);
    if (!ok || Math.abs(n) > max || Math.abs(n) < min) {
      throw invalid(
        signed
          ? `${part} "${item}" is not a number from ${min} to ${max} or -${max} to -${min}`
          : `${part} "${item}" is not a number from ${min} to ${max}`,
      );
    }
    return n;
  });
}

function parseByDay(value: string, freq: MaintenanceRule['freq']) {
  return value.split(',').map(item => {
    const match = /^([+-]?[0-9]+)?([A-Z]{2})$/.exec(item);
    if (!match || !WEEKDAYS[match[2]]) {
      throw invalid(`BYDAY "${item}" is not a weekday`);
    }
    const day: MaintenanceWeekday = { weekday: WEEKDAYS[match[2]] };
    if (match[1] !== undefined) {
      const ordinal = Number(match[1]);
      if (ordinal === 0 || Math.abs(ordinal) > 5) {
        throw invalid(
          `BYDAY "${item}" has an ordinal outside 1 to 5 and -5 to -1`,
        );
      }
      if (freq !== 'MONTHLY') {
        throw invalid(
          `BYDAY "${item}" has an ordinal, which only FREQ=MONTHLY allows`,
        );
      }
      day.ordinal = ordinal;
    }
    return day;
  });
}

function splitParts(rule: string): Map<string, string> {
  const parts = new Map<string, string>();
  for (const part of rule
    .trim()
    .replace(/^RRULE:/i, '')
    .split(';')) {
    if (!part.trim()) continue;
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).trim().toUpperCase();
    if (!PARTS.includes(key)) {
      throw invalid(`"${key}" is not supported (use ${PARTS.join(', ')})`);
    }
    if (eq < 0 || !part.slice(eq + 1).trim()) {
      throw invalid(`${key} has no value`);
    }
    if (parts.has(key)) {
      throw invalid(`${key} is given twice`);
    }
    parts.set(key, part.slice(eq + 1).trim());
  }
  return parts;
}

function positive(part: string, value: string | undefined) {
  if (value === undefined) return undefined;
  if (!/^[0-9]+$/.test(value) || Number(value) < 1) {
    throw invalid(`${part} "${value}" is not a positive whole number`);
  }
  return Number(value);
}

/**
 * Parses a maintenance window such as
 * `FREQ=MONTHLY;BYDAY=3SU;BYHOUR=2;DURATION=PT4H;TZID=Asia/Tokyo`.
 * Throws an error naming the offending part, prefixed with the annotation.
 *
 * @public
 */
export function parseMaintenanceWindow(rule: string): MaintenanceRule {
  const parts = splitParts(rule);

  const freq = parts.get('FREQ')?.toUpperCase();
  if (freq === undefined) {
    throw invalid('FREQ is missing');
  }
  // Windows repeat at most monthly; a yearly one is FREQ=MONTHLY;BYMONTH=n.
  if (freq !== 'DAILY' && freq !== 'WEEKLY' && freq !== 'MONTHLY') {
    throw invalid(`FREQ "${freq}" is not DAILY, WEEKLY or MONTHLY`);
  }

  const timeZone = parts.get('TZID') ?? 'UTC';
  if (!IANAZone.isValidZone(timeZone)) {
    throw invalid(`TZID "${timeZone}" is not a known time zone`);
  }

  const startValue = parts.get('DTSTART');
  const start =
    startValue === undefined
      ? undefined
      : parseLocalTime(startValue, timeZone, false);
  if (start === null) {
    throw invalid(
      `DTSTART "${startValue}" is not a local date-time such as 20250107T010000`,
    );
  }
  // Counting needs a first occurrence; without DTSTART only the calendar
  // (weekday, day of month, hour) decides, as in the rules Unyo took first.
  const interval = positive('INTERVAL', parts.get('INTERVAL'));
  const count = positive('COUNT', parts.get('COUNT'));
  if (count !== undefined && !start) {
    throw invalid(
      '"COUNT" is not supported without DTSTART (it counts occurrences from DTSTART)',
    );
  }
  if (interval !== undefined && interval > 1 && !start) {
    throw invalid(
      `INTERVAL=${interval} needs DTSTART (the occurrence the interval counts from)`,
    );
  }

  const byDayValue = parts.get('BYDAY');
  const byDay = byDayValue ? parseByDay(byDayValue.toUpperCase(), freq) : [];
  const byMonthDayValue = parts.get('BYMONTHDAY');
  const byMonthDay = byMonthDayValue
    ? parseNumbers('BYMONTHDAY', byMonthDayValue, 1, 31, true)
    : undefined;
  if (freq !== 'DAILY' && byDay.length === 0 && !byMonthDay && !start) {
    // Without a DTSTART there is no default day to repeat on.
    throw invalid(`FREQ=${freq} needs BYDAY (or DTSTART to take the day from)`);
  }

  const durationValue = parts.get('DURATION');
  if (durationValue === undefined) {
    throw invalid('DURATION is missing');
  }
  const duration = Duration.fromISO(durationValue.toUpperCase());
  if (!duration.isValid || !(duration.as('seconds') > 0)) {
    throw invalid(
      `DURATION "${durationValue}" is not a positive ISO 8601 duration such as PT4H`,
    );
  }

  const untilValue = parts.get('UNTIL');
  const until =
    untilValue === undefined ? undefined : parseUntil(untilValue, timeZone);
  if (until === null) {
    throw invalid(
      `UNTIL "${untilValue}" is not a date (20250630) or date-time (20250630T000000Z)`,
    );
  }
  const exceptions = parts
    .get('EXDATE')
    ?.split(',')
    .map(value => {
      const local = parseLocalTime(value, timeZone, true);
      if (!local) {
        throw invalid(
          `EXDATE "${value}" is not a local date (20250121) or date-time (20250121T010000)`,
        );
      }
      return local;
    });

  const byHour = parts.get('BYHOUR');
  const byMinute = parts.get('BYMINUTE');
  const byMonth = parts.get('BYMONTH');
  const bySetPos = parts.get('BYSETPOS');
  const weekStart = parts.get('WKST')?.toUpperCase();
  if (weekStart !== undefined && !WEEKDAYS[weekStart]) {
    throw invalid(`WKST "${weekStart}" is not a weekday`);
  }
  const startTime = start && /T(\d\d):(\d\d)/.exec(start);
  const optional = {
    interval,
    count,
    until,
    start,
    exceptions,
    byMonthDay,
    byMonth: byMonth ? parseNumbers('BYMONTH', byMonth, 1, 12) : undefined,
    bySetPos: bySetPos
      ? parseNumbers('BYSETPOS', bySetPos, 1, 366, true)
      : undefined,
    weekStart: weekStart ? WEEKDAYS[weekStart] : undefined,
  };
  return {
    freq,
    byDay,
    byHour: byHour
      ? parseNumbers('BYHOUR', byHour, 0, 23)
      : [startTime ? Number(startTime[1]) : 0],
    byMinute: byMinute
      ? parseNumbers('BYMINUTE', byMinute, 0, 59)
      : [startTime ? Number(startTime[2]) : 0],
    duration: durationValue.toUpperCase(),
    timeZone,
    // Parts not given stay absent rather than undefined.
    ...Object.fromEntries(
      Object.entries(optional).filter(([, v]) => v !== undefined),
    ),
  };
}
