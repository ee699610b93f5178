// Prometheus durations (Pyrra's `window`, `latency`) and OpenSLO's shorter
// form (`30d`, `2w`: one number, one unit, nothing below a minute).

const PROMETHEUS_DURATION =
  /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const PROMETHEUS_UNITS = [365 * 86400, 7 * 86400, 86400, 3600, 60, 1, 0.001];

/** Seconds of a Prometheus duration such as `4w`, `1d12h` or `200ms`. */
export function prometheusDurationSeconds(text: string): number | undefined {
  const match = PROMETHEUS_DURATION.exec(text.trim());
  if (!match || !text.trim()) return undefined;
  const seconds = match
    .slice(1)
    .reduce((sum, n, i) => sum + (n ? Number(n) * PROMETHEUS_UNITS[i] : 0), 0);
  return seconds > 0 ? seconds : undefined;
}

const OPENSLO_UNITS: Array<[string, number]> = [
  ['w', 7 * 86400],
  ['d', 86400],
  ['h', 3600],
  ['m', 60],
];

/** The OpenSLO duration of a whole number of minutes, in its largest unit. */
export function openSloDuration(seconds: number): string | undefined {
  for (const [unit, size] of OPENSLO_UNITS) {
    if (seconds >= size && Number.isInteger(seconds / size)) {
      return `${seconds / size}${unit}`;
    }
  }
  return undefined;
}

const OPENSLO_ALPHA_UNITS: Record<string, string> = {
  minute: 'm',
  hour: 'h',
  day: 'd',
  week: 'w',
  month: 'M',
  quarter: 'Q',
  year: 'Y',
};

/** OpenSLO v1alpha's `{ count: 30, unit: Day }` as `30d`. */
export function alphaWindowDuration(
  count: unknown,
  unit: unknown,
): string | undefined {
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
    return undefined;
  }
  if (typeof unit !== 'string') return undefined;
  if (unit.toLowerCase() === 'second') {
    return openSloDuration(count);
  }
  const short = OPENSLO_ALPHA_UNITS[unit.toLowerCase()];
  return short ? `${count}${short}` : undefined;
}
