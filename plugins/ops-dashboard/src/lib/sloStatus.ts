/**
 * Pure helpers for the live SLO status the ops backend returns
 * (`SloStatus` of `@unyo/plugin-ops-common`): number formats that never
 * clamp or invent a value, and the data of the burn-down chart.
 */
import type {
  BurnRateAlert,
  BurnRateWindow,
  SloHistoryPoint,
  SloPolicy,
  SloStatus,
  SloStatusWindow,
} from '@unyo/plugin-ops-common';
import { parseOpenSloDuration, windowMinutes } from './slo';

const MINUS = '\u2212';

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/**
 * A number with at most `decimals` decimals, trailing zeros removed and a
 * typographic minus sign: -15.74 → `−15.7` (1 decimal).
 */
export function formatNumber(value: number, decimals: number): string {
  const text = trimZeros(Math.abs(value).toFixed(decimals));
  const negative = value < 0 && Number(text) !== 0;
  return negative ? `${MINUS}${text}` : text;
}

/** A ratio as a percentage number (without the % sign): 0.3 → `30`. */
export function ratioToPercentText(ratio: number, decimals = 1): string {
  return formatNumber(ratio * 100, decimals);
}

/**
 * The SLI as a percentage number with as many decimals (2–6) as it takes to
 * keep it on the right side of the target and below 100 unless it is 100:
 * 0.99896 against 0.999 is `99.896`, never a rounded `99.9` that would look
 * like it meets the target; 0.99999 is `99.999`, never `100`.
 */
export function sliPercentText(ratio: number, target?: number): string {
  const percent = ratio * 100;
  const targetPercent =
    target === undefined ? undefined : Number((target * 100).toFixed(6));
  for (let decimals = 2; decimals <= 6; decimals++) {
    const shown = Number(percent.toFixed(decimals));
    const sideKept =
      targetPercent === undefined || ratio < target! === shown < targetPercent;
    const hundredKept = ratio >= 1 || shown < 100;
    if (sideKept && hundredKept) return formatNumber(percent, decimals);
  }
  return formatNumber(Math.floor(percent * 1e6) / 1e6, 6);
}

/** A target as a percentage number: 0.999 → `99.9`. */
export function targetPercentText(target: number): string {
  return formatNumber(target * 100, 4);
}

/** A burn rate: 14.4 → `14.4`, 0.05 → `0.05`. */
export function burnRateText(value: number): string {
  return formatNumber(value, Math.abs(value) < 1 ? 2 : 1);
}

const SEVERITY_ORDER = { page: 0, ticket: 1 };

/** The alerts that fire now, pages before tickets. */
export function firingAlerts(alerts: BurnRateAlert[] | undefined) {
  return (alerts ?? [])
    .filter(alert => alert.firing)
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** The severity of the firing alerts that use each burn-rate window. */
export function windowSeverities(
  alerts: BurnRateAlert[] | undefined,
): Partial<Record<BurnRateWindow, 'page' | 'ticket'>> {
  const result: Partial<Record<BurnRateWindow, 'page' | 'ticket'>> = {};
  for (const alert of firingAlerts(alerts)) {
    for (const window of [alert.longWindow, alert.shortWindow]) {
      if (!result[window]) result[window] = alert.severity;
    }
  }
  return result;
}

/** Whether a status carries figures to show (possibly stale ones). */
export function hasValues(status: SloStatus): boolean {
  return !!status.sli || !!status.errorBudget;
}

/**
 * The age of the values shown when the evaluation failed, in seconds:
 * `staleSeconds`, else from `lastSuccessAt`.
 */
export function staleAgeSeconds(
  status: SloStatus,
  now: number = Date.now(),
): number | undefined {
  if (typeof status.staleSeconds === 'number') return status.staleSeconds;
  const last = status.lastSuccessAt
    ? Date.parse(status.lastSuccessAt)
    : Number.NaN;
  return Number.isNaN(last) ? undefined : Math.max(0, (now - last) / 1000);
}

/** Seconds since an ISO instant; undefined when it does not parse. */
export function secondsSince(
  iso: string | undefined,
  now: number = Date.now(),
): number | undefined {
  const at = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, (now - at) / 1000);
}

export type PolicyTone = 'success' | 'warning' | 'error';

/** The colour of a policy state. */
export function policyTone(policy: SloPolicy | undefined): PolicyTone {
  switch (policy) {
    case 'normal':
      return 'success';
    case 'feature-freeze':
      return 'warning';
    default:
      return 'error';
  }
}

/**
 * The start and end (ms) of the calendar period of a calendar window, from
 * `window.start` and the real length of that period in its time zone; falls
 * back to `window.end`. Undefined for rolling windows.
 */
export function calendarPeriod(
  window: SloStatusWindow,
): { start: number; end: number } | undefined {
  if (!window.calendar || !window.start) return undefined;
  const start = Date.parse(window.start);
  if (Number.isNaN(start)) return undefined;
  const duration = parseOpenSloDuration(window.duration);
  const minutes = duration
    ? windowMinutes(
        { duration, rolling: false, timeZone: window.timeZone },
        new Date(start + 1000),
      )
    : undefined;
  if (minutes !== undefined) return { start, end: start + minutes * 60000 };
  const end = window.end ? Date.parse(window.end) : Number.NaN;
  return Number.isNaN(end) || end <= start ? undefined : { start, end };
}

/** One point of the burn-down chart, in percent. */
export interface BurnDownDatum {
  /** ms since the epoch. */
  time: number;
  remaining: number | null;
  sli: number | null;
  /** Calendar windows: the ideal remaining budget, 100 × (1 − elapsed). */
  ideal?: number;
}

/**
 * The points of the burn-down chart: remaining budget and SLI as percent,
 * and for calendar windows the ideal line from 100 % at the start of the
 * period to 0 at its end. Points with no value stay null (gaps), never 0.
 */
export function burnDownData(
  history: SloHistoryPoint[],
  window: SloStatusWindow,
): BurnDownDatum[] {
  const period = calendarPeriod(window);
  const ideal = (time: number) =>
    period
      ? 100 *
        (1 -
          Math.min(
            1,
            Math.max(0, (time - period.start) / (period.end - period.start)),
          ))
      : undefined;
  const data: BurnDownDatum[] = history
    .map(point => ({ point, time: Date.parse(point.t) }))
    .filter(({ time }) => !Number.isNaN(time))
    .sort((a, b) => a.time - b.time)
    .map(({ point, time }) => ({
      time,
      remaining:
        typeof point.remainingRatio === 'number'
          ? point.remainingRatio * 100
          : null,
      sli: typeof point.sliRatio === 'number' ? point.sliRatio * 100 : null,
      ideal: ideal(time),
    }));
  if (period) {
    if (!data.length || data[0].time > period.start) {
      data.unshift({
        time: period.start,
        remaining: null,
        sli: null,
        ideal: 100,
      });
    }
    if (data[data.length - 1].time < period.end) {
      data.push({ time: period.end, remaining: null, sli: null, ideal: 0 });
    }
  }
  return data;
}
