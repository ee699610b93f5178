/**
 * Pure helpers that read what an OpenSLO v1 SLO document in the catalog says
 * (targets, time window, indicator) and the error budget a target implies.
 * No network, no React: safe to use anywhere and easy to test.
 */

/** OpenSLO duration units. */
export type OpenSloDurationUnit = 'm' | 'h' | 'd' | 'w' | 'M' | 'Q' | 'Y';

export interface OpenSloDuration {
  value: number;
  unit: OpenSloDurationUnit;
}

const DURATION_PATTERN = /^(\d+)([mhdwMQY])$/;
const FIXED_UNIT_MINUTES: Partial<Record<OpenSloDurationUnit, number>> = {
  m: 1,
  h: 60,
  d: 1440,
  w: 10080,
};

/** Parses an OpenSLO duration such as `30d` or `1M`. */
export function parseOpenSloDuration(
  text: unknown,
): OpenSloDuration | undefined {
  if (typeof text !== 'string') return undefined;
  const match = DURATION_PATTERN.exec(text.trim());
  if (!match) return undefined;
  return { value: Number(match[1]), unit: match[2] as OpenSloDurationUnit };
}

export interface SloObjective {
  displayName?: string;
  /** Target as a ratio 0–1 (from `target` or `targetPercent`). */
  target?: number;
  timeSliceTarget?: number;
  timeSliceWindow?: string;
  op?: string;
  value?: number;
}

export interface SloTimeWindow {
  duration?: OpenSloDuration;
  /** The duration as written, e.g. `30d`. */
  text?: string;
  rolling: boolean;
  timeZone?: string;
  startTime?: string;
}

export type IndicatorKind = 'ratio' | 'threshold' | 'unknown';

export interface SloIndicator {
  kind: IndicatorKind;
  /** `counter: true` of a ratio metric. */
  counter?: boolean;
  /** Whether a ratio metric counts good or bad events against the total. */
  ratioOf?: 'good' | 'bad';
  /** Distinct `metricSource.type` values, e.g. `Prometheus`. */
  sourceTypes: string[];
}

type JsonObject = Record<string, unknown>;

function asObject(value: unknown): JsonObject | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as JsonObject)
    : undefined;
}

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() && !isNaN(Number(value))) {
    return Number(value);
  }
  return undefined;
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

/** The objectives of an SLO spec, with `targetPercent` turned into a ratio. */
export function readSloObjectives(spec: unknown): SloObjective[] {
  const objectives = asObject(spec)?.objectives;
  if (!Array.isArray(objectives)) return [];
  return objectives.map(item => {
    const o = asObject(item) ?? {};
    const percent = asNumber(o.targetPercent);
    return {
      displayName: asString(o.displayName),
      target:
        asNumber(o.target) ??
        (percent !== undefined ? percent / 100 : undefined),
      timeSliceTarget: asNumber(o.timeSliceTarget),
      timeSliceWindow: asString(o.timeSliceWindow),
      op: asString(o.op),
      value: asNumber(o.value),
    };
  });
}

/** The (first) time window of an SLO spec. */
export function readSloTimeWindow(spec: unknown): SloTimeWindow | undefined {
  const windows = asObject(spec)?.timeWindow;
  const first = asObject(Array.isArray(windows) ? windows[0] : windows);
  if (!first) return undefined;
  const calendar = asObject(first.calendar);
  const text = asString(first.duration);
  return {
    text,
    duration: parseOpenSloDuration(text),
    rolling: first.isRolling !== false && !calendar,
    timeZone: asString(calendar?.timeZone),
    startTime: asString(calendar?.startTime),
  };
}

/** Describes an SLI spec (`ratioMetric` or `thresholdMetric`). */
export function describeIndicator(sliSpec: unknown): SloIndicator {
  const spec = asObject(sliSpec) ?? {};
  const typeOf = (metric: unknown) =>
    asString(asObject(asObject(metric)?.metricSource)?.type);
  const unique = (values: Array<string | undefined>) =>
    Array.from(new Set(values.filter((v): v is string => !!v)));

  const ratio = asObject(spec.ratioMetric);
  if (ratio) {
    return {
      kind: 'ratio',
      counter: ratio.counter === true,
      ratioOf: ratio.bad ? 'bad' : 'good',
      sourceTypes: unique([
        typeOf(ratio.good),
        typeOf(ratio.bad),
        typeOf(ratio.total),
        typeOf(ratio.raw),
      ]),
    };
  }
  const threshold = asObject(spec.thresholdMetric);
  if (threshold) {
    return { kind: 'threshold', sourceTypes: unique([typeOf(threshold)]) };
  }
  return { kind: 'unknown', sourceTypes: [] };
}

/** The SLI spec inlined in an SLO (`spec.indicator.spec`), if any. */
export function readInlineIndicatorSpec(sloSpec: unknown): unknown {
  return asObject(asObject(asObject(sloSpec)?.indicator)?.spec);
}

/** The name (or ref) of the SLI an SLO uses through `spec.indicatorRef`. */
export function readIndicatorRef(sloSpec: unknown): string | undefined {
  return asString(asObject(sloSpec)?.indicatorRef);
}

/** Date and time parts of an instant in a time zone. */
function zonedParts(instant: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    weekday: 'short',
  }).formatToParts(new Date(instant));
  const get = (type: string) =>
    parts.find(part => part.type === type)?.value ?? '';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')) % 24,
    minute: Number(get('minute')),
    second: Number(get('second')),
    weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(
      get('weekday'),
    ),
  };
}

/** The offset of a time zone from UTC at an instant, in milliseconds. */
function zoneOffset(instant: number, timeZone: string): number {
  const p = zonedParts(instant, timeZone);
  const asUtc = Date.UTC(
    p.year,
    p.month - 1,
    p.day,
    p.hour,
    p.minute,
    p.second,
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant of local midnight of a date in a time zone. */
function zonedMidnight(
  year: number,
  month: number,
  day: number,
  timeZone: string,
): number {
  const guess = Date.UTC(year, month - 1, day);
  const first = guess - zoneOffset(guess, timeZone);
  return guess - zoneOffset(first, timeZone);
}

/**
 * The length in minutes of the period an SLO time window covers at `now`.
 *
 * Rolling windows of fixed units (m, h, d, w) have a fixed length; rolling
 * months, quarters and years end at `now`. Calendar-aligned windows are the
 * current calendar period in the window's time zone (UTC when none is given),
 * with real month lengths and daylight saving changes.
 */
export function windowMinutes(
  window: SloTimeWindow,
  now: Date = new Date(),
): number | undefined {
  const duration = window.duration;
  if (!duration || duration.value <= 0) return undefined;
  const fixed = FIXED_UNIT_MINUTES[duration.unit];
  const monthsPerUnit: Partial<Record<OpenSloDurationUnit, number>> = {
    M: 1,
    Q: 3,
    Y: 12,
  };
  const unitMonths = monthsPerUnit[duration.unit];
  const months =
    unitMonths !== undefined ? unitMonths * duration.value : undefined;

  if (window.rolling) {
    if (fixed !== undefined) return fixed * duration.value;
    const end = new Date(now.getTime());
    const start = new Date(now.getTime());
    start.setUTCMonth(start.getUTCMonth() - (months ?? 0));
    return (end.getTime() - start.getTime()) / 60000;
  }

  const timeZone = window.timeZone ?? 'UTC';
  let local;
  try {
    local = zonedParts(now.getTime(), timeZone);
  } catch {
    return undefined; // unknown time zone
  }
  if (duration.unit === 'm' || duration.unit === 'h') {
    return (fixed ?? 0) * duration.value;
  }
  let startDate: [number, number, number];
  let endDate: [number, number, number];
  if (duration.unit === 'd' || duration.unit === 'w') {
    const back = duration.unit === 'w' ? local.weekday : 0;
    const days = duration.value * (duration.unit === 'w' ? 7 : 1);
    const start = new Date(
      Date.UTC(local.year, local.month - 1, local.day - back),
    );
    const end = new Date(start.getTime());
    end.setUTCDate(end.getUTCDate() + days);
    startDate = [
      start.getUTCFullYear(),
      start.getUTCMonth() + 1,
      start.getUTCDate(),
    ];
    endDate = [end.getUTCFullYear(), end.getUTCMonth() + 1, end.getUTCDate()];
  } else {
    const span = months ?? 1;
    const alignTo = unitMonths ?? 1;
    const monthIndex = local.month - 1 - ((local.month - 1) % alignTo);
    const start = new Date(Date.UTC(local.year, monthIndex, 1));
    const end = new Date(Date.UTC(local.year, monthIndex + span, 1));
    startDate = [start.getUTCFullYear(), start.getUTCMonth() + 1, 1];
    endDate = [end.getUTCFullYear(), end.getUTCMonth() + 1, 1];
  }
  return (
    (zonedMidnight(...endDate, timeZone) -
      zonedMidnight(...startDate, timeZone)) /
    60000
  );
}

/**
 * The error budget of a target over a window as time: e.g. 99.9 % of
 * 30 days allows 43.2 minutes of full outage (or of bad time slices).
 */
export function allowedBadMinutes(
  target: number,
  minutes: number,
): number | undefined {
  if (!(target > 0 && target <= 1) || !(minutes > 0)) return undefined;
  return (1 - target) * minutes;
}

/** The error share a target allows, 0–1 (0.001 for 99.9 %). */
export function errorShare(target: number): number | undefined {
  if (!(target > 0 && target <= 1)) return undefined;
  return roundTo(1 - target, 10);
}

function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** A ratio as a percentage without float noise: 0.999 → `99.9%`. */
export function formatPercent(ratio: number, maxDigits = 3): string {
  const percent = roundTo(ratio * 100, maxDigits);
  return `${percent}%`;
}

export type HumanDurationUnit = 'seconds' | 'minutes' | 'hours' | 'days';

/**
 * Picks a readable unit for a number of minutes, rounded to one decimal:
 * 43.2 minutes stay minutes, 432 minutes become 7.2 hours.
 */
export function humanizeMinutes(minutes: number): {
  value: number;
  unit: HumanDurationUnit;
} {
  if (minutes < 1) return { value: roundTo(minutes * 60, 1), unit: 'seconds' };
  if (minutes < 120) return { value: roundTo(minutes, 1), unit: 'minutes' };
  if (minutes < 2880) return { value: roundTo(minutes / 60, 1), unit: 'hours' };
  return { value: roundTo(minutes / 1440, 1), unit: 'days' };
}
