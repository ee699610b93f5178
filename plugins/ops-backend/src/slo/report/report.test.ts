import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { DatabaseAlertHistoryStore } from '../../alerts/AlertHistoryStore';
import { DatabaseSloStore } from '../../database/DatabaseSloStore';
import { opsPlugin } from '../../plugin';
import { SLO_REPORT_COLUMNS } from '@unyo/plugin-ops-common';
import { CSV_COLUMNS } from './csv';
import { createTestDatabases } from '@internal/ops-test-utils';

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
  component('web', 'team-a', 'shop'),
  slo('web', 0.95),
];

/** Every UTC day of a year, YYYY-MM-DD. */
function daysOf(year: number): string[] {
  const out: string[] = [];
  for (
    let t = Date.UTC(year, 0, 1);
    t < Date.UTC(year + 1, 0, 1);
    t += 86_400_000
  ) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

const DAYS_IN_2024 = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const databases = createTestDatabases();

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
      // web: 1,000 a day, all good: policy normal.
      ...days.map(day => ({
        sloRef: 'slo:default/web-availability',
        day,
        good: 1_000,
        total: 1_000,
      })),
      // A day of April must not count in March.
      {
        sloRef: 'slo:default/api-availability',
        day: '2025-04-01',
        good: 0,
        total: 100_000,
      },
    ]);
    return { server, store, knex };
  }

  /**
   * The whole of 2024, beyond any Prometheus retention: api has 10,000
   * events a day and (month number) bad ones each day; mail 10,000 a day and
   * 150 bad on each month's last day, with no stored days in June.
   */
  async function startWithYear() {
    const started = await start();
    const rows = daysOf(2024).flatMap(day => {
      const month = Number(day.slice(5, 7));
      const lastOfMonth =
        new Date(
          Date.UTC(2024, month - 1, Number(day.slice(8)) + 1),
        ).getUTCDate() === 1;
      return [
        {
          sloRef: 'slo:default/api-availability',
          day,
          good: 10_000 - month,
          total: 10_000,
        },
        ...(month === 6
          ? []
          : [
              {
                sloRef: 'slo:default/mail-availability',
                day,
                good: lastOfMonth ? 9_850 : 10_000,
                total: 10_000,
              },
            ]),
      ];
    });
    await started.store.upsertDaily(rows);
    return started;
  }

  it('gives each SLO its month from stored days, as computed by hand', async () => {
    const { server } = await start();
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
    const { server } = await start();
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
      'slo:default/web-availability',
    ]);
    const empty = await request(server)
      .get('/api/ops/slo-report')
      .query({ month: '2024-01' });
    expect(empty.body.items.map((i: any) => i.state)).toEqual([
      'no-data',
      'no-data',
      'no-data',
    ]);
  });

  it('gives a whole year of monthly attainment from stored days, as computed by hand', async () => {
    const { server } = await startWithYear();
    const res = await request(server)
      .get('/api/ops/slo-report')
      .query({ month: '2024-12', months: '12' });
    expect(res.status).toBe(200);
    const byRef = new Map<string, any>(
      res.body.items.map((i: any) => [i.ref, i]),
    );
    const api = byRef.get('slo:default/api-availability');
    const mail = byRef.get('slo:default/mail-availability');
    const months = DAYS_IN_2024.map(
      (_, m) => `2024-${String(m + 1).padStart(2, '0')}`,
    );
    expect(api.monthly.map((m: any) => m.month)).toEqual(months);
    const round = (v: number | null) => (v === null ? null : v.toFixed(12));
    // (m+1) bad of 10,000 every day: the days cancel out.
    expect(api.monthly.map((m: any) => round(m.attainment))).toEqual(
      DAYS_IN_2024.map((_, m) => round(1 - (m + 1) / 10_000)),
    );
    // 150 bad in a month of days × 10,000; June has no stored days.
    expect(mail.monthly.map((m: any) => round(m.attainment))).toEqual(
      DAYS_IN_2024.map((days, m) =>
        m === 5 ? null : round(1 - 150 / (days * 10_000)),
      ),
    );
    // December's status is the same month's figures.
    expect(api.sli.ratio).toBeCloseTo(api.monthly[11].attainment, 12);
    // web has no stored days in 2024 at all.
    expect(
      byRef
        .get('slo:default/web-availability')
        .monthly.every((m: any) => m.attainment === null),
    ).toBe(true);
    // A series ending in March 2025 runs across the year boundary.
    const across = await request(server)
      .get('/api/ops/slo-report')
      .query({ month: '2025-03', months: '4', q: 'api' });
    expect(across.body.items[0].monthly).toEqual([
      { month: '2024-12', attainment: 1 - 12 / 10_000 },
      { month: '2025-01', attainment: null },
      { month: '2025-02', attainment: null },
      { month: '2025-03', attainment: 1 - 1_550 / 3_100_000 },
    ]);
  });

  it('searches, filters by policy, sorts, groups and pages, with the total count', async () => {
    const { server } = await start();
    const get = async (query: Record<string, string>) => {
      const res = await request(server)
        .get('/api/ops/slo-report')
        .query({ month: '2025-03', ...query });
      expect(res.status).toBe(200);
      return {
        refs: res.body.items.map((i: any) =>
          i.ref.replace(/^slo:default\//, ''),
        ),
        totalCount: res.body.totalCount,
      };
    };
    // Attainment: api 0.9995, mail 1 - 150/310,000, web 1.
    expect(await get({ sort: 'attainment' })).toEqual({
      refs: ['api-availability', 'mail-availability', 'web-availability'],
      totalCount: 3,
    });
    expect((await get({ sort: 'budget', order: 'desc' })).refs).toEqual([
      'web-availability',
      'mail-availability',
      'api-availability',
    ]);
    expect(
      (await get({ groupBy: 'owner', sort: 'attainment', order: 'desc' })).refs,
    ).toEqual(['web-availability', 'api-availability', 'mail-availability']);
    expect(await get({ limit: '1', offset: '1' })).toEqual({
      refs: ['mail-availability'],
      totalCount: 3,
    });
    expect(await get({ q: 'MAIL' })).toEqual({
      refs: ['mail-availability'],
      totalCount: 1,
    });
    expect(await get({ policy: 'feature-freeze' })).toEqual({
      refs: ['api-availability'],
      totalCount: 1,
    });
  });

  it('summarises policy bands, services meeting all SLOs and MTTR; no backup targets in the catalog', async () => {
    const { server, knex } = await start();
    const history = await DatabaseAlertHistoryStore.create({
      database: mockServices.database({ knex }),
    });
    const t0 = Date.now() - 86_400_000;
    await history.record([
      {
        fingerprint: 'a',
        status: 'resolved',
        labels: { alertname: 'Down' },
        startsAt: new Date(t0),
        endsAt: new Date(t0 + 10 * 60_000),
      },
      {
        fingerprint: 'b',
        status: 'resolved',
        labels: { alertname: 'Slow' },
        startsAt: new Date(t0),
        endsAt: new Date(t0 + 30 * 60_000),
      },
    ]);
    const res = await request(server)
      .get('/api/ops/slo-report/summary')
      .query({ month: '2025-03' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      month: '2025-03',
      totalSlos: 3,
      byPolicy: {
        normal: 2,
        'feature-freeze': 1,
        'incident-only': 0,
        frozen: 0,
        none: 0,
      },
      // All three meet their targets in March 2025.
      services: { total: 3, meetingAll: 3 },
      mttr: { minutes: 20, resolved: 2, windowDays: 30 },
      // The backups feature is wired; this catalog has no backup policy.
      backupCoverage: { covered: 0, total: 0 },
    });
    const team = await request(server)
      .get('/api/ops/slo-report/summary')
      .query({ month: '2024-01', owner: 'team-a' });
    expect(team.body).toMatchObject({
      totalSlos: 2,
      byPolicy: { none: 2 },
      services: { total: 2, meetingAll: 0 },
    });
    const bad = await request(server)
      .get('/api/ops/slo-report/summary')
      .query({ month: '24-01' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('month must be YYYY-MM');
  });

  it('exports one CSV row per SLO with the page columns and the same filters', async () => {
    const { server } = await start();
    const res = await request(server)
      .get('/api/ops/slo-report')
      .query({ month: '2025-03', months: '2', format: 'csv' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toBe(SLO_REPORT_COLUMNS.map(c => c.id).join(','));
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe(
      [
        '"api, ""availability"""',
        'slo:default/api-availability',
        'component:default/api',
        'group:default/team-a',
        'system:default/shop',
        '0.999',
        String(1 - 1_550 / 3_100_000),
        '0.5',
        'feature-freeze',
        'ok',
        `2025-02= 2025-03=${1 - 1_550 / 3_100_000}`,
      ].join(','),
    );
    // The filters of the page apply to the export too.
    const filtered = await request(server)
      .get('/api/ops/slo-report')
      .query({ month: '2025-03', format: 'csv', owner: 'team-a', q: 'web' });
    expect(filtered.text.trim().split('\r\n')).toHaveLength(2);
  });

  it('refuses bad parameters with a 400 naming them', async () => {
    const { server } = await start();
    for (const [query, message] of [
      [{ month: '2025-13' }, 'month must be YYYY-MM'],
      [{ format: 'xml' }, 'format must be json or csv'],
      [{ owner: 'group:default/' }, 'owner is not an entity ref'],
      [{ months: '25' }, 'months must be an integer from 0 to 24'],
      [{ months: '1.5' }, 'months must be an integer'],
      [{ limit: '0' }, 'limit must be an integer from 1 to 5000'],
      [{ offset: '-1' }, 'offset must be an integer'],
      [{ sort: 'owner' }, 'sort must be one of name, attainment, budget'],
      [{ order: 'up' }, 'order must be one of asc, desc'],
      [{ policy: 'red' }, 'policy must be one of'],
      [{ groupBy: 'team' }, 'groupBy must be one of owner, system'],
      [{ q: 'x'.repeat(201) }, 'q must be at most 200 characters'],
    ] as const) {
      const res = await request(server).get('/api/ops/slo-report').query(query);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
    }
  });
});
