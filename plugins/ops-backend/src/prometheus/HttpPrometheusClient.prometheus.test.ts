import {
  describeWithPrometheus,
  linearCounter,
  prometheusForSuite,
} from '../__testUtils__/prometheus';
import { PrometheusQueryError, PrometheusUnavailableError } from './errors';
import { HttpPrometheusClient } from './HttpPrometheusClient';
import { batchIncreaseQueries, splitIncreaseResult } from './increaseBatches';
import { escapeLabelValue, increaseQuery } from './promql';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
// Recent, so that the server keeps it; whole minutes, so windows end on samples.
const end = Math.floor(Date.now() / MINUTE) * MINUTE - 5 * MINUTE;
const start = end - 3 * HOUR;
const at = new Date(end);

// Services whose names try to break out of strings and regexes.
const services: Record<string, number> = {
  'identity-service': 10,
  'a.b|c': 2,
  'odd"} or vector(1) #': 3,
  'back\\slash(': 4,
};

describeWithPrometheus('HttpPrometheusClient against a real Prometheus', () => {
  jest.setTimeout(60_000);
  const prometheus = prometheusForSuite({
    series: [
      ...Object.entries(services).map(([service, perSecond]) =>
        linearCounter({
          name: 'http_requests_total',
          labels: { service, code: '200' },
          startMs: start,
          endMs: end,
          stepMs: 15_000,
          perSecond,
        }),
      ),
      linearCounter({
        name: 'http_requests_total',
        labels: { service: 'identity-service', code: '500' },
        startMs: start + HOUR,
        endMs: end,
        stepMs: 15_000,
        perSecond: 0.5,
      }),
    ],
  });
  let client: HttpPrometheusClient;

  beforeAll(() => {
    client = new HttpPrometheusClient({
      server: {
        name: 'test',
        url: prometheus.url,
        headers: { 'X-Scope-OrgID': 'team-a' },
        timeout: { seconds: 5 },
      },
      retry: { baseDelayMs: 10, maxDelayMs: 50 },
    });
  });

  it('measures the known increase over 1h, with labels', async () => {
    const samples = await client.instantQuery(
      increaseQuery('http_requests_total{service="identity-service"}', 3600, {
        sumBy: ['code'],
      }),
      { time: at },
    );
    const byCode = Object.fromEntries(
      samples.map(s => [s.labels.code, s.value]),
    );
    expect(byCode['200']).toBeCloseTo(36_000, -1);
    expect(byCode['500']).toBeCloseTo(1_800, -1);
    expect(samples[0].timestamp).toEqual(at);
  });

  it('returns one point per step of a range query', async () => {
    const series = await client.rangeQuery(
      'sum by (code) (rate(http_requests_total{service="identity-service"}[5m]))',
      { start: new Date(end - HOUR), end: at, stepSeconds: 60 },
    );
    expect(series).toHaveLength(2);
    const ok = series.find(s => s.labels.code === '200')!;
    expect(ok.values).toHaveLength(61);
    expect(ok.values[0][0]).toEqual(new Date(end - HOUR));
    expect(ok.values[60][1]).toBeCloseTo(10, 6);
  });

  it('reads NaN and infinities', async () => {
    const [inf] = await client.instantQuery('1/0');
    const [nan] = await client.instantQuery('vector(0)/0');
    expect(inf.value).toBe(Infinity);
    expect(nan.value).toBeNaN();
  });

  it('answers batched selectors as each one alone would, escaping values', async () => {
    const requests = Object.keys(services).map(service => ({
      key: service,
      selector: `http_requests_total{service="${escapeLabelValue(
        service,
      )}",code="200"}`,
    }));
    requests.push({
      key: 'missing',
      selector: 'http_requests_total{service="nope",code="200"}',
    });
    const [batch, ...rest] = batchIncreaseQueries(requests, 3600, {
      byLabels: ['service'],
    });
    expect(rest).toEqual([]);
    const values = splitIncreaseResult(
      batch,
      await client.instantQuery(batch.query, { time: at }),
    );
    for (const [service, perSecond] of Object.entries(services)) {
      expect(values.get(service)).toBeCloseTo(perSecond * 3600, -1);
    }
    expect(values.get('missing')).toBeUndefined();
  });

  it('finds how far back a selector’s data goes', async () => {
    const first500 = await client.earliestSampleTime(
      'http_requests_total{service="identity-service",code="500"}',
      { lookbackSeconds: 86400, resolutionSeconds: 300, time: at },
    );
    expect(first500!.getTime()).toBeGreaterThanOrEqual(start + HOUR);
    expect(first500!.getTime()).toBeLessThanOrEqual(start + HOUR + 5 * MINUTE);
    await expect(
      client.earliestSampleTime('absent_total', {
        lookbackSeconds: 86400,
        time: at,
      }),
    ).resolves.toBeUndefined();
  });

  it('carries Prometheus’s message for a bad query', async () => {
    const error = await client
      .instantQuery('sum(http_requests_total) by')
      .catch(e => e);
    expect(error).toBeInstanceOf(PrometheusQueryError);
    expect(error.details.errorType).toBe('bad_data');
    expect(error.message).toMatch(
      /^Prometheus server "test" rejected the query \(bad_data\): .*parse error/,
    );
  });

  it('reports the server unavailable while it is down, and recovers', async () => {
    await prometheus.takeDown();
    const error = await client.instantQuery('up').catch(e => e);
    expect(error).toBeInstanceOf(PrometheusUnavailableError);
    expect(error.message).toContain(
      `Prometheus server "test" could not be reached: connection refused (3 attempts)`,
    );
    await prometheus.bringUp();
    await expect(
      client.instantQuery('sum(http_requests_total)', { time: at }),
    ).resolves.toHaveLength(1);
  });
});
