import { ANCHOR_MS, findSeries, fixtureModel } from '../__testUtils__/fixtures';
import { createSampler } from './sampler';
import { CumulativeSeries } from './series';
import { DAY_MS, HOUR_MS, MINUTE_MS, TICK_MS } from './time';

const model = fixtureModel();
const origin = model.options.originMs;

/** Reference integral of the rates over [fromMs, toMs], clipped to each tick. */
function integrate(
  series: CumulativeSeries,
  fromMs: number,
  toMs: number,
): number[] {
  const totals = series.ratesAt(0).map(() => 0);
  for (let tick = Math.floor(fromMs / TICK_MS); tick * TICK_MS < toMs; tick++) {
    const start = Math.max(fromMs, tick * TICK_MS);
    const end = Math.min(toMs, (tick + 1) * TICK_MS);
    series
      .ratesAt(tick)
      .forEach((r, i) => (totals[i] += (r * (end - start)) / 1000));
  }
  return totals;
}

describe('counters', () => {
  const series = findSeries(model, 'http_requests_total', {
    service: 'identity-service',
  }) as CumulativeSeries[];

  it('start at zero at the origin and never decrease', () => {
    for (const s of series) {
      const sampler = createSampler(s, origin);
      expect(sampler.sampleAt(origin)).toEqual([0]);
      let last = 0;
      for (let t = origin; t <= ANCHOR_MS; t += 7 * MINUTE_MS + 13_000) {
        const [value] = sampler.sampleAt(t)!;
        expect(value).toBeGreaterThanOrEqual(last);
        last = value;
      }
      expect(last).toBeGreaterThan(0);
    }
  });

  it('equal the integral of their rates, also between tick boundaries', () => {
    const s = series[0];
    const sampler = createSampler(s, origin);
    for (const t of [
      origin + 90_000,
      ANCHOR_MS - 2 * DAY_MS + 12_345,
      ANCHOR_MS,
    ]) {
      const [value] = sampler.sampleAt(t)!;
      const [expected] = integrate(s, origin, t);
      expect(value).toBeCloseTo(expected, 6);
    }
  });

  it('average the configured traffic over whole days', () => {
    const total = series
      .map(s => createSampler(s, origin).sampleAt(ANCHOR_MS - 20 * DAY_MS)![0])
      .reduce((a, b) => a + b, 0);
    const perSecond = total / (10 * 24 * 3600);
    expect(perSecond).toBeGreaterThan(40 * 0.9);
    expect(perSecond).toBeLessThan(40 * 1.1);
  });

  it('give the same value whichever path the sampler took', () => {
    const t = ANCHOR_MS - 3 * HOUR_MS + 20_000;
    const walked = createSampler(series[1], origin);
    walked.sampleAt(ANCHOR_MS); // past t, forcing a restart from the origin
    expect(walked.sampleAt(t)).toEqual(
      createSampler(series[1], origin).sampleAt(t),
    );
  });

  it('depend on the seed and nothing else', () => {
    const same = fixtureModel();
    const other = fixtureModel('metrics.yaml', { seed: 2 });
    const at = (m: typeof model) =>
      createSampler(
        findSeries(m, 'http_requests_total', { service: 'billing-api' })[0],
        origin,
      ).sampleAt(ANCHOR_MS)![0];
    expect(at(same)).toBe(at(model));
    expect(at(other)).not.toBe(at(model));
  });
});

describe('histograms', () => {
  const [histogram] = findSeries(model, 'http_request_duration_seconds', {
    service: 'identity-service',
  });
  const sampler = createSampler(histogram, origin);
  const buckets = 11; // ten bounds and +Inf

  it('have cumulative buckets and +Inf equal to _count', () => {
    for (let t = origin + HOUR_MS; t <= ANCHOR_MS; t += 5 * HOUR_MS + 7_000) {
      const values = sampler.sampleAt(t)!;
      for (let i = 1; i < buckets; i++) {
        expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]);
      }
      expect(values[buckets - 1]).toBe(values[buckets]);
      expect(values[buckets + 1]).toBeGreaterThan(0); // _sum
    }
  });

  it('count every request of the service', () => {
    const count = sampler.sampleAt(ANCHOR_MS)![buckets];
    const requests = findSeries(model, 'http_requests_total', {
      service: 'identity-service',
    })
      .map(s => createSampler(s, origin).sampleAt(ANCHOR_MS)![0])
      .reduce((a, b) => a + b, 0);
    expect(count / requests).toBeCloseTo(1, 9);
  });

  it('put about half the requests below p50 and 99 % below p99', () => {
    const from = sampler.sampleAt(ANCHOR_MS - 2 * DAY_MS)!;
    const to = sampler.sampleAt(ANCHOR_MS - DAY_MS)!;
    const share = (i: number) =>
      (to[i] - from[i]) / (to[buckets] - from[buckets]);
    // p50 0.04 s lies below the 0.05 bucket, p99 0.35 s between 0.25 and 0.5.
    expect(share(0)).toBeGreaterThan(0.5);
    expect(share(0)).toBeLessThan(0.75);
    expect(share(3)).toBeLessThan(0.99);
    expect(share(4)).toBeGreaterThan(0.99);
  });
});
