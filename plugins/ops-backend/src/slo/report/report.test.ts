import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { DatabaseSloStore } from '../../database/DatabaseSloStore';
import { opsPlugin } from '../../plugin';
import { CSV_COLUMNS } from './csv';

function component(name: string, owner: string, system: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', owner, system, lifecycle: 'production' },
    relations: [
      { type: 'ownedBy', targetRef: `group:default/${owner}` },
      { type: 'partOf', targetRef: `system:default/${system}` },
      { type: 'measuredBy', targetRef: `slo:default/${name}-availability` },
    ],
  };
}

function slo(service: string, target: number): Entity {
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: {
      name: `${service}-availability`,
      namespace: 'default',
      displayName: `${service}, "availability"`,
    } as Entity['metadata'],
    spec: {
      service,
      indicatorRef: 'x',
      timeWindow: [{ duration: '30d', isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [{ target }],
    },
  };
}

const entities = [
  component('api', 'team-a', 'shop'),
  slo('api', 0.999),
  component('mail', 'team-b', 'mairust'),
  slo('mail', 0.99),
];

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())('GET /slo-report on %s', id => {
  async function start() {
    const knex = await databases.init(id);
    const { server } = await startTestBackend({
      features: [
        opsPlugin,
        mockServices.database.factory({ knex }),
        catalogServiceMock.factory({ entities }),
      ],
    });
    const store = await DatabaseSloStore.create({
      database: mockServices.database({ knex }),
    });
    // March 2025, long gone from any Prometheus: 31 stored days each.
    const days = Array.from(
      { length: 31 },
      (_, i) => `2025-03-${String(i + 1).padStart(2, '0')}`,
    );
    await store.upsertDaily([
      // api: 100,000 a day, 50 bad a day → 1,550 bad of 3,100,000.
      ...days.map(day => ({
        sloRef: 'slo:default/api-availability',
        day,
        good: 99_950,
        total: 100_000,
      })),
      // mail: 10,000 a day, 150 bad on the 31st only.
      ...days.map(day => ({
        sloRef: 'slo:default/mail-availability',
        day,
        good: day === '2025-03-31' ? 9_850 : 10_000,
        total: 10_000,
      })),
      // A day of April must not count in March.
      {
        sloRef: 'slo:default/api-availability',
        day: '2025-04-01',
        good: 0,
        total: 100_000,
      },
    ]);
    return server;
  }

  it('gives each SLO its month from stored days, as computed by hand', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/ops/slo-report')
      .query({ month: '2025-03' });
    expect(res.status).toBe(200);
    const [api, mail] = res.body.items;
    expect(api).toMatchObject({
      ref: 'slo:default/api-availability',
      entityRef: 'component:default/api',
      owner: 'group:default/team-a',
      system: 'system:default/shop',
      state: 'ok',
      window: {
        duration: '1M',
        calendar: true,
        start: '2025-03-01T00:00:00.000Z',
      },
    });
    expect(api.sli.total).toBe(3_100_000);
    expect(api.sli.ratio).toBeCloseTo(1 - 1_550 / 3_100_000, 12);
    // 1,550 bad against a budget of 3,100 → half used.
    expect(api.errorBudget.consumedRatio).toBeCloseTo(0.5, 12);
    expect(api.policy).toBe('feature-freeze');
    expect(mail.errorBudget.consumedRatio).toBeCloseTo(150 / 3_100, 12);
    expect(mail.policy).toBe('normal');
  });

  it('filters by owner and system, and says no-data for a month without days', async () => {
    const server = await start();
    const byOwner = await request(server)
      .get('/api/ops/slo-report')
      .query({ month: '2025-03', owner: 'team-b' });
    expect(byOwner.body.items.map((i: any) => i.ref)).toEqual([
      'slo:default/mail-availability',
    ]);
    const bySystem = await request(server)
      .get('/api/ops/slo-report')
      .query({ system: 'system:default/shop' });
    expect(bySystem.body.items.map((i: any) => i.ref)).toEqual([
      'slo:default/api-availability',
    ]);
    const empty = await request(server)
      .get('/api/ops/slo-report')
      .query({ month: '2024-01' });
    expect(empty.body.items.map((i: any) => i.state)).toEqual([
      'no-data',
      'no-data',
    ]);
  });

  it('exports one CSV row per SLO with the page columns', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/ops/slo-report')
      .query({ month: '2025-03', format: 'csv' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(
      /^slo:default\/api-availability,"api, ""availability""",component:default\/api,group:default\/team-a,system:default\/shop,0\.999,2025-03-01T00:00:00\.000Z\/2025-04-01T00:00:00\.000Z,ok,0\.9995,0\.5/,
    );
  });

  it('refuses bad parameters with a 400 naming them', async () => {
    const server = await start();
    for (const [query, message] of [
      [{ month: '2025-13' }, 'month must be YYYY-MM'],
      [{ format: 'xml' }, 'format must be json or csv'],
      [{ owner: 'group:default/' }, 'owner is not an entity ref'],
    ] as const) {
      const res = await request(server).get('/api/ops/slo-report').query(query);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
    }
  });
});
