import { Entity } from '@backstage/catalog-model';
import { TestSeries } from './openmetrics';

/**
 * Data of known rates for the SLO expression tests: service `svc-x` serves
 * 10 requests/s; 0.07 % fail until 36 hours before `now`, 0.2 % after. The
 * `code="200"` counter restarts twice (3d7h and 2d5h before `now`).
 * Recording-rule series and a raw success ratio carry the same rates, as
 * Prometheus would have recorded them.
 */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const TOTAL_PER_SECOND = 10;
export const ERRORS_BEFORE = 0.007;
export const ERRORS_AFTER = 0.02;

export function sloExpressionData(now: number) {
  const start = now - 35 * DAY;
  const step = now - 36 * HOUR;
  const resets = [now - 3 * DAY - 7 * HOUR, now - 2 * DAY - 5 * HOUR];
  const errors = (t: number) => (t >= step ? ERRORS_AFTER : ERRORS_BEFORE);
  const ok = (t: number) => TOTAL_PER_SECOND - errors(t);

  /** Events in (t, t+1m] happen at the rate of t; a restart counts from 0. */
  const counter = (
    name: string,
    labels: Record<string, string>,
    rate: (t: number) => number,
    restarts: number[] = [],
  ): TestSeries => {
    const samples: Array<[number, number]> = [];
    let value = 0;
    for (let t = start; t <= now; t += MINUTE) {
      const added = rate(t - MINUTE) * 60;
      value = restarts.includes(t) ? added : value + (t > start ? added : 0);
      samples.push([t, value]);
    }
    return { name, labels, samples };
  };
  /** A gauge whose value at t is the rate of (t − 1m, t]. */
  const gauge = (
    name: string,
    labels: Record<string, string>,
    value: (t: number) => number,
  ): TestSeries => {
    const samples: Array<[number, number]> = [];
    for (let t = start; t <= now; t += MINUTE) {
      samples.push([t, value(t - MINUTE)]);
    }
    return { name, labels, samples };
  };
  const x = { service: 'svc-x' };
  const series: TestSeries[] = [
    counter('http_requests_total', { ...x, code: '200' }, ok, resets),
    counter('http_requests_total', { ...x, code: '500' }, errors),
    gauge('job:http_errors:rate5m', x, errors),
    gauge('job:http_requests:rate5m', x, () => TOTAL_PER_SECOND),
    gauge('slo:success_ratio', x, t => 1 - errors(t) / TOTAL_PER_SECOND),
  ];

  /** Errors in the last `seconds`, computed by hand. */
  const errorsIn = (seconds: number) => {
    const from = now - seconds * 1000;
    const after = Math.max(0, (now - Math.max(from, step)) / 1000);
    const before = seconds - after;
    return after * ERRORS_AFTER + before * ERRORS_BEFORE;
  };
  const burnRate = (seconds: number) =>
    errorsIn(seconds) / (TOTAL_PER_SECOND * seconds) / 0.001;
  return { series, errorsIn, burnRate };
}

export interface RatioSloOptions {
  counter?: boolean;
  good?: string;
  bad?: string;
  total?: string;
  raw?: string;
  rawType?: 'success' | 'failure';
  budgetingMethod?: string;
  objective?: { [key: string]: number | string };
  metricSourceRef?: string;
}

/** An OpenSLO v1 SLO of svc-x with an inline ratioMetric. */
export function ratioSlo(name: string, options: RatioSloOptions): Entity {
  const source = (query?: string) =>
    query === undefined
      ? undefined
      : {
          metricSource: {
            type: 'Prometheus',
            ...(options.metricSourceRef && {
              metricSourceRef: options.metricSourceRef,
            }),
            spec: { query },
          },
        };
  const ratioMetric = Object.fromEntries(
    Object.entries({
      counter: options.counter ?? true,
      good: source(options.good),
      bad: source(options.bad),
      total: source(options.total),
      raw: source(options.raw),
      rawType: options.rawType,
    }).filter(([, v]) => v !== undefined),
  );
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name, namespace: 'default' },
    spec: {
      service: 'svc-x',
      indicator: { metadata: { name: `${name}-sli` }, spec: { ratioMetric } },
      timeWindow: [{ duration: '30d', isRolling: true }],
      budgetingMethod: options.budgetingMethod ?? 'Occurrences',
      objectives: [options.objective ?? { target: 0.999 }],
    },
  };
}

/** An OpenSLO v1 DataSource document. */
export function dataSource(name: string, url: string): Entity {
  return {
    apiVersion: 'openslo/v1',
    kind: 'DataSource',
    metadata: { name, namespace: 'default' },
    spec: { type: 'Prometheus', connectionDetails: { url } },
  };
}
