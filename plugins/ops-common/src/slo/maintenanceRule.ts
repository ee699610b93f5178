import { Duration, IANAZone } from 'luxon';
import { ANNOTATION_MAINTENANCE_WINDOW } from '../kinds';

/** @public */
export interface MaintenanceWeekday {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** 3 = the third in the month, −1 = the last; only with FREQ=MONTHLY. */
  ordinal?: number;
}

/**
 * A parsed `unyo.dev/maintenance-window`: the RRULE subset Unyo supports plus
 * DURATION and TZID.
 *
 * @public
 */
export interface MaintenanceRule {
  freq: 'DAILY' | 'WEEKLY' | 'MONTHLY';
  /** Empty: every day (DAILY only). */
  byDay: MaintenanceWeekday[];
  /** Local start hours, default [0]. */
  byHour: number[];
  /** Local start minutes, default [0]. */
  byMinute: number[];
  /** ISO 8601 duration of each occurrence, e.g. `PT4H`. */
  duration: string;
  /** IANA zone of the local times, default `UTC`. */
  timeZone: string;
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

const PARTS = ['FREQ', 'BYDAY', 'BYHOUR', 'BYMINUTE', 'DURATION', 'TZID'];

function invalid(message: string): Error {
  return new Error(`${ANNOTATION_MAINTENANCE_WINDOW}: ${message}`);
}

function parseNumbers(part: string, value: string, max: number): number[] {
  return value.split(',').map(item => {
    const n = Number(item);
    if (!/^[0-9]+$/.test(item) || n > max) {
      throw invalid(`${part} "${item}" is not a number from 0 to ${max}`);
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

/**
 * Parses a maintenance window such as
 * `FREQ=MONTHLY;BYDAY=3SU;BYHOUR=2;DURATION=PT4H;TZID=Asia/Tokyo`.
 * Throws an error naming the offending part, prefixed with the annotation.
 *
 * @public
 */
export function parseMaintenanceWindow(rule: string): MaintenanceRule {
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

  const freq = parts.get('FREQ')?.toUpperCase();
  if (freq === undefined) {
    throw invalid('FREQ is missing');
  }
  if (freq !== 'DAILY' && freq !== 'WEEKLY' && freq !== 'MONTHLY') {
    throw invalid(`FREQ "${freq}" is not DAILY, WEEKLY or MONTHLY`);
  }

  const byDayValue = parts.get('BYDAY');
  const byDay = byDayValue ? parseByDay(byDayValue.toUpperCase(), freq) : [];
  if (freq !== 'DAILY' && byDay.length === 0) {
    // Without a DTSTART there is no default day to repeat on.
    throw invalid(`FREQ=${freq} needs BYDAY`);
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

  const timeZone = parts.get('TZID') ?? 'UTC';
  if (!IANAZone.isValidZone(timeZone)) {
    throw invalid(`TZID "${timeZone}" is not a known time zone`);
  }

  const byHour = parts.get('BYHOUR');
  const byMinute = parts.get('BYMINUTE');
  return {
    freq,
    byDay,
    byHour: byHour ? parseNumbers('BYHOUR', byHour, 23) : [0],
    byMinute: byMinute ? parseNumbers('BYMINUTE', byMinute, 59) : [0],
    duration: durationValue.toUpperCase(),
    timeZone,
  };
}
