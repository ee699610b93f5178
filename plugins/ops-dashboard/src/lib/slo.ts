/**
 * Pure helpers that read what an OpenSLO v1 SLO document in the catalog says
 * (targets, time window, indicator) and the error budget a target implies.
 * No network, no React: safe to use anywhere and easy to test. Window and
 * budget maths come from ops-common, as the backend computes them.
 */
import {
  allowedDowntimeMinutes,
  OpenSloDurationUnit,
  parseOpenSloDuration as parseDuration,
  resolveWindow,
  SloTimeWindow as OpenSloTimeWindow,
  targetToPpm,
} from '@unyo/plugin-ops-common';

export type { OpenSloDurationUnit };

export interface OpenSloDuration {
  value: number;
  unit: OpenSloDurationUnit;
}

/** Parses an OpenSLO duration such as `30d` or `1M` (ops-common's rule); undefined when it is not one. */
export function parseOpenSloDuration(
  text: unknown,
): OpenSloDuration | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    const { amount, unit } = parseDuration(text);
    return { value: amount, unit };
  } catch {
    return undefined;
  }
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

/**
 * The length in minutes of the period an SLO time window covers at `now`,
 * by ops-common's `resolveWindow`, the rule the backend evaluates with (so
 * the allowed downtime shown here is the API's `allowedDowntimeMinutes`):
 * rolling windows end at `now`; calendar windows are the period containing
 * `now` counted from `calendar.startTime` in the window's time zone (UTC
 * when none is given), with real month lengths and daylight saving changes.
 */
export function windowMinutes(
  window: SloTimeWindow,
  now: Date = new Date(),
): number | undefined {
  const duration = window.duration;
  if (!duration || duration.value <= 0) return undefined;
  try {
    const resolved = resolveWindow(
      {
        duration: `${duration.value}${duration.unit}`,
        isRolling: window.rolling,
        ...(!window.rolling && {
          calendar: {
            timeZone: window.timeZone,
            startTime: window.startTime,
          } as OpenSloTimeWindow['calendar'],
        }),
      },
      now,
    );
    return resolved.periodSeconds / 60;
  } catch {
    return undefined; // unknown time zone or start time
  }
}

/**
 * The error budget of a target over a window as time: e.g. 99.9 % of
 * 30 days allows 43.2 minutes of full outage (or of bad time slices).
 * ops-common's `allowedDowntimeMinutes`, on the ppm scale as the backend.
 */
export function allowedBadMinutes(
  target: number,
  minutes: number,
): number | undefined {
  if (!(target > 0 && target <= 1) || !(minutes > 0)) return undefined;
  if (target === 1) return 0;
  return allowedDowntimeMinutes(targetToPpm(target), minutes);
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
