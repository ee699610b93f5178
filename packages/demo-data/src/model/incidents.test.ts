import { ANCHOR_MS, findSeries, fixtureModel } from '../__testUtils__/fixtures';
import { DemoModel } from './model';
import { createSampler } from './sampler';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './time';

const model = fixtureModel();
const origin = model.options.originMs;

/** Share of failing requests between two instants. */
function errorRatio(m: DemoModel, service: string, from: number, to: number) {
  let errors = 0;
  let total = 0;
  for (const s of findSeries(m, 'http_requests_total', { service })) {
    const sampler = createSampler(s, origin);
    const delta = sampler.sampleAt(to)![0] - sampler.sampleAt(from)![0];
    total += delta;
    if (s.labels.code.startsWith('5')) errors += delta;
  }
  return errors / total;
}

function gaugeAt(name: string, service: string, t: number) {
  const [series] = findSeries(model, name, { service });
  return createSampler(series, origin).sampleAt(t)?.[0];
}

describe('an incident', () => {
  // identity-service: 12.5 days before the anchor, 40 minutes, 8 % errors.
  const start = ANCHOR_MS - 12.5 * DAY_MS;
  const end = start + 40 * MINUTE_MS;

  it('raises the error ratio inside its window only', () => {
    const during = errorRatio(model, 'identity-service', start, end);
    expect(during).toBeGreaterThan(0.07);
    expect(during).toBeLessThan(0.09);
    const before = errorRatio(
      model,
      'identity-service',
      start - 2 * HOUR_MS,
      start,
    );
    const after = errorRatio(model, 'identity-service', end, end + 2 * HOUR_MS);
    expect(before).toBeLessThan(0.001);
    expect(after).toBeLessThan(0.001);
  });

  it('gives the metrics it names their incident value', () => {
    const ratio = 'db_pool_utilization_ratio';
    expect(
      gaugeAt(ratio, 'identity-service', start + 10 * MINUTE_MS),
    ).toBeGreaterThan(0.85);
    expect(
      gaugeAt(ratio, 'identity-service', start - 10 * MINUTE_MS),
    ).toBeLessThan(0.5);
  });

  it('slows requests down by its latency factor', () => {
    const [histogram] = findSeries(model, 'http_request_duration_seconds', {
      service: 'identity-service',
    });
    const sampler = createSampler(histogram, origin);
    const fast = (from: number, to: number) => {
      const a = sampler.sampleAt(from)!;
      const b = sampler.sampleAt(to)!;
      return (b[1] - a[1]) / (b[10] - a[10]); // share at or below 0.1 s
    };
    expect(fast(start, end)).toBeLessThan(fast(start - HOUR_MS, start) - 0.3);
  });
});

describe('a down incident', () => {
  // billing-api: 7.25 days before the anchor, 30 minutes, down.
  const start = ANCHOR_MS - 7.25 * DAY_MS;
  const end = start + 30 * MINUTE_MS;

  it('sets up to 0 while it lasts', () => {
    expect(gaugeAt('up', 'billing-api', start + MINUTE_MS)).toBe(0);
    expect(gaugeAt('up', 'billing-api', end - MINUTE_MS)).toBe(0);
    expect(gaugeAt('up', 'billing-api', start - MINUTE_MS)).toBe(1);
    expect(gaugeAt('up', 'billing-api', end + MINUTE_MS)).toBe(1);
  });

  it('leaves no samples of the service and stops counting requests', () => {
    for (const s of findSeries(model, 'http_requests_total', {
      service: 'billing-api',
    })) {
      const sampler = createSampler(s, origin);
      expect(sampler.sampleAt(start + 10 * MINUTE_MS)).toBeUndefined();
      // The last sample before the outage equals the first after it, up to 1 ms of traffic.
      expect(sampler.sampleAt(end)![0]).toBeCloseTo(
        sampler.sampleAt(start - 1)![0],
        1,
      );
    }
  });
});

describe('an ongoing incident', () => {
  it('stays active after the anchor, so the live exporter continues it', () => {
    const later = ANCHOR_MS + 3 * DAY_MS;
    const ratio = (from: number, to: number) => {
      let errors = 0;
      let total = 0;
      for (const s of findSeries(model, 'grpc_server_handled_total', {
        service: 'command-gateway',
      })) {
        const sampler = createSampler(s, origin);
        const delta = sampler.sampleAt(to)![0] - sampler.sampleAt(from)![0];
        total += delta;
        if (s.labels.grpc_code !== 'OK') errors += delta;
      }
      return errors / total;
    };
    expect(ratio(later, later + HOUR_MS)).toBeGreaterThan(0.04);
    expect(ratio(ANCHOR_MS - DAY_MS, ANCHOR_MS - 0.5 * DAY_MS)).toBeLessThan(
      0.003,
    );
  });
});
