import { Writable } from 'node:stream';
import { ANCHOR_MS, fixtureModel } from '../__testUtils__/fixtures';
import { HOUR_MS, MINUTE_MS } from '../model/time';
import { writeHistory } from '../openmetrics/writeHistory';
import { createExposition } from './exposition';

/** Sample lines of a text as `name{labels}` → value. */
function samples(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [series, value] = line.split(' ');
    map.set(series, value);
  }
  return map;
}

describe('createExposition', () => {
  const model = fixtureModel('metrics.yaml', { days: 2 });

  it('agrees with the backfilled history at the same instant', async () => {
    // A mid-tick instant after the anchor, as the live exporter would see it.
    const t = ANCHOR_MS + 17 * MINUTE_MS + 42_000;
    let history = '';
    const sink = new Writable({
      write(chunk, _enc, done) {
        history += chunk.toString();
        done();
      },
    });
    await writeHistory(model, [t - HOUR_MS, t], sink);
    const backfilled = new Map(
      history
        .split('\n')
        .filter(l => l.endsWith(` ${t / 1000}`))
        .map(l => {
          const [series, value] = l.split(' ');
          return [series, value] as const;
        }),
    );

    const live = samples(createExposition(model).render(t));
    expect(live.size).toBeGreaterThan(50);
    expect(live).toEqual(backfilled);
  });

  it('renders one service without up, in Prometheus text format', () => {
    const text = createExposition(model).render(ANCHOR_MS, 'identity-service');
    expect(text).toContain('# TYPE http_requests_total counter\n');
    expect(text).toContain('# TYPE http_request_duration_seconds histogram\n');
    expect(text).not.toContain('billing-api');
    expect(text).not.toMatch(/^up[{ ]/m);
    expect(text).not.toMatch(/ \d+ \d+$/m); // no timestamps
  });

  it('knows which services are down', () => {
    const exposition = createExposition(fixtureModel());
    const outage = ANCHOR_MS - 7.25 * 24 * HOUR_MS + 10 * MINUTE_MS;
    expect(exposition.isDown('billing-api', outage)).toBe(true);
    expect(exposition.isDown('billing-api', ANCHOR_MS)).toBe(false);
    expect(exposition.render(outage)).toMatch(
      /^up\{job="billing-api",.*\} 0$/m,
    );
    expect(exposition.render(outage, 'billing-api')).toBe('');
  });
});
