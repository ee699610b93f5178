import { AddressInfo } from 'node:net';
import { Server } from 'node:http';
import { ANCHOR_MS, fixtureModel } from '../__testUtils__/fixtures';
import { HOUR_MS, MINUTE_MS } from '../model/time';
import { startExporter } from './server';

describe('startExporter', () => {
  let server: Server;
  let base: string;
  let now = ANCHOR_MS;

  beforeAll(async () => {
    server = await startExporter({
      // Ten days, not the default thirty: going back in time makes the
      // exporter sum a service's counters again from the origin
      // (model/sampler.ts), which took over 5 s for 30 days on 2 busy cores.
      model: fixtureModel('metrics.yaml', { days: 10 }),
      port: 0,
      now: () => now,
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise(resolve => server.close(resolve)));

  it('serves the metrics of one service', async () => {
    const res = await fetch(`${base}/metrics?service=identity-service`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(
      /^text\/plain; version=0\.0\.4/,
    );
    expect(await res.text()).toMatch(
      /^db_pool_utilization_ratio\{.*database="event-store"\} 0\.\d+$/m,
    );
  });

  it('fails the scrape of a service that is down', async () => {
    now = ANCHOR_MS - 7.25 * 24 * HOUR_MS + 5 * MINUTE_MS;
    expect((await fetch(`${base}/metrics?service=billing-api`)).status).toBe(
      503,
    );
    expect(
      (await fetch(`${base}/metrics?service=identity-service`)).status,
    ).toBe(200);
    now = ANCHOR_MS;
    expect((await fetch(`${base}/metrics?service=billing-api`)).status).toBe(
      200,
    );
    expect((await fetch(`${base}/metrics?service=nope`)).status).toBe(404);
  });

  it('lists one scrape target per service for HTTP service discovery', async () => {
    const groups = await (await fetch(`${base}/targets`)).json();
    expect(groups).toHaveLength(3);
    expect(groups[0]).toEqual({
      targets: [base.replace('http://', '')],
      labels: {
        job: 'identity-service',
        instance: 'identity-service:8080',
        service: 'identity-service',
        system: 'elixir-cqrs',
        __param_service: 'identity-service',
      },
    });
  });
});
