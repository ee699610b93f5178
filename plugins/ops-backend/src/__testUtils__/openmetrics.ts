/** A series to backfill: samples are [timestamp in ms, value], any order. */
export interface TestSeries {
  name: string;
  labels?: Record<string, string>;
  samples: Array<[number, number]>;
}

function escapeValue(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n');
}

function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

/**
 * The series as OpenMetrics text for `promtool tsdb create-blocks-from
 * openmetrics`. OpenMetrics wants each family's lines together and each
 * series in time order; families are typed `unknown` so that counters need
 * not follow the `_total` naming rule.
 */
export function toOpenMetrics(series: TestSeries[]): string {
  const families = new Map<string, TestSeries[]>();
  for (const s of series) {
    families.set(s.name, [...(families.get(s.name) ?? []), s]);
  }
  let text = '';
  for (const [name, members] of families) {
    text += `# TYPE ${name} unknown\n`;
    for (const s of members) {
      const labels = Object.entries(s.labels ?? {})
        .map(([k, v]) => `${k}="${escapeValue(v)}"`)
        .join(',');
      const head = labels ? `${name}{${labels}}` : name;
      for (const [ms, value] of [...s.samples].sort((a, b) => a[0] - b[0])) {
        text += `${head} ${formatNumber(value)} ${ms / 1000}\n`;
      }
    }
  }
  return `${text}# EOF\n`;
}

/**
 * A counter that grows by `perSecond` from `startMs` to `endMs`, sampled
 * every `stepMs`: its increase over any window inside is known exactly.
 */
export function linearCounter(options: {
  name: string;
  labels?: Record<string, string>;
  startMs: number;
  endMs: number;
  stepMs: number;
  perSecond: number;
}): TestSeries {
  const samples: Array<[number, number]> = [];
  for (let t = options.startMs; t <= options.endMs; t += options.stepMs) {
    samples.push([t, ((t - options.startMs) / 1000) * options.perSecond]);
  }
  return { name: options.name, labels: options.labels, samples };
}

/**
 * A gauge that holds `value` from `startMs` to `endMs`, sampled every
 * `stepMs`.
 */
export function constantGauge(options: {
  name: string;
  labels?: Record<string, string>;
  startMs: number;
  endMs: number;
  stepMs: number;
  value: number;
}): TestSeries {
  const samples: Array<[number, number]> = [];
  for (let t = options.startMs; t <= options.endMs; t += options.stepMs) {
    samples.push([t, options.value]);
  }
  return { name: options.name, labels: options.labels, samples };
}

/**
 * A service's `http_requests_total`, as the SLO fixtures select it: one
 * counter of successes (`code="200"`) and one of errors (`code="500"`) that
 * together grow by `perSecond`, `errorRatio` of it errors.
 */
export function requestCounters(options: {
  service: string;
  perSecond: number;
  errorRatio: number;
  startMs: number;
  endMs: number;
  stepMs: number;
}): TestSeries[] {
  const { service, perSecond, errorRatio, ...range } = options;
  return [
    { code: '200', rate: perSecond * (1 - errorRatio) },
    { code: '500', rate: perSecond * errorRatio },
  ].map(({ code, rate }) =>
    linearCounter({
      name: 'http_requests_total',
      labels: { service, code },
      perSecond: rate,
      ...range,
    }),
  );
}
