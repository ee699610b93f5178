/*
 * Synthetic counters for the benchmark, streamed to an OpenMetrics file for
 * `promtool tsdb create-blocks-from openmetrics`: one series at a time is
 * held in memory, so the file can be far larger than a V8 string.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function serviceName(i: number): string {
  return `svc-${String(i).padStart(4, '0')}`;
}

/**
 * Sample instants: hourly for old history, every 5 minutes for the last
 * 3 days (3d burn window, daily tail) and every minute for the last 6 hours
 * (5m and 30m burn windows).
 */
export function sampleTimes(options: {
  endMs: number;
  days: number;
  coarseMs?: number;
}): number[] {
  const { endMs, days } = options;
  const coarse = options.coarseMs ?? HOUR;
  const fiveMinFrom = endMs - 3 * DAY;
  const minuteFrom = endMs - 6 * HOUR;
  const times: number[] = [];
  let t = Math.floor((endMs - days * DAY) / coarse) * coarse;
  for (; t < fiveMinFrom; t += coarse) times.push(t);
  for (t = fiveMinFrom; t < minuteFrom; t += 5 * MINUTE) times.push(t);
  for (t = minuteFrom; t <= endMs; t += MINUTE) times.push(t);
  return times;
}

/** Traffic of service i: requests/s, error share and share slower than 0.5 s. */
export function serviceProfile(i: number, endMs: number) {
  const rate = 2 + (i % 9);
  // Every 10th service overspends its availability budget (0.2 % vs 0.1 %),
  // every 50th burns fast in the last hour (2 % errors: burn rate 20).
  const baseErrors = i % 10 === 3 ? 0.002 : 0.0005;
  const errorShare = (t: number) =>
    i % 50 === 7 && t >= endMs - HOUR ? 0.02 : baseErrors;
  const slowShare = i % 25 === 11 ? 0.02 : 0.005;
  return { rate, errorShare, slowShare };
}

interface Cumulative {
  ok: number[];
  errors: number[];
  fast: number[];
  count: number[];
}

function cumulative(i: number, times: number[], endMs: number): Cumulative {
  const { rate, errorShare, slowShare } = serviceProfile(i, endMs);
  const out: Cumulative = { ok: [], errors: [], fast: [], count: [] };
  let ok = 0;
  let errors = 0;
  let fast = 0;
  for (let k = 0; k < times.length; k++) {
    if (k > 0) {
      const seconds = (times[k] - times[k - 1]) / 1000;
      const requests = rate * seconds;
      const e = requests * errorShare(times[k - 1]);
      ok += requests - e;
      errors += e;
      fast += requests * (1 - slowShare);
    }
    const okR = Math.round(ok);
    const errR = Math.round(errors);
    out.ok.push(okR);
    out.errors.push(errR);
    out.count.push(okR + errR);
    out.fast.push(Math.min(okR + errR, Math.round(fast)));
  }
  return out;
}

/**
 * Writes `http_requests_total{service,code}`,
 * `http_request_duration_seconds_bucket{service,le="0.5"}` and
 * `http_request_duration_seconds_count{service}` for `services` services.
 * OpenMetrics wants each family's lines together and each series in time
 * order; families are typed `unknown`, as the test util does.
 */
export function writeOpenMetrics(options: {
  file: string;
  services: number;
  times: number[];
  endMs: number;
}): { bytes: number; samples: number; series: number } {
  const { file, services, times, endMs } = options;
  const fd = openSync(file, 'w');
  const stamps = times.map(t => String(t / 1000));
  let bytes = 0;
  let samples = 0;
  let series = 0;
  const write = (text: string) => {
    bytes += writeSync(fd, text);
  };
  const emit = (head: string, values: number[]) => {
    const lines: string[] = new Array(values.length);
    for (let k = 0; k < values.length; k++) {
      lines[k] = `${head} ${values[k]} ${stamps[k]}\n`;
    }
    write(lines.join(''));
    samples += values.length;
    series++;
  };
  try {
    const families: Array<[string, (s: string, c: Cumulative) => void]> = [
      [
        'http_requests_total',
        (s, c) => {
          emit(`http_requests_total{service="${s}",code="200"}`, c.ok);
          emit(`http_requests_total{service="${s}",code="500"}`, c.errors);
        },
      ],
      [
        'http_request_duration_seconds_bucket',
        (s, c) =>
          emit(
            `http_request_duration_seconds_bucket{service="${s}",le="0.5"}`,
            c.fast,
          ),
      ],
      [
        'http_request_duration_seconds_count',
        (s, c) =>
          emit(`http_request_duration_seconds_count{service="${s}"}`, c.count),
      ],
    ];
    for (const [family, lines] of families) {
      write(`# TYPE ${family} unknown\n`);
      for (let i = 0; i < services; i++) {
        lines(serviceName(i), cumulative(i, times, endMs));
      }
    }
    write('# EOF\n');
  } finally {
    closeSync(fd);
  }
  return { bytes, samples, series };
}
