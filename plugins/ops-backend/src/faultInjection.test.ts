import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { SchedulerServiceTaskFunction } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  alertmanagerRequirement,
  describeNeeding,
  startAlertmanager,
  TestAlertmanager,
} from '@internal/ops-test-utils';
import knexFactory, { Knex } from 'knex';
import request from 'supertest';
import {
  postgresServerRequirement,
  startPostgresCluster,
  TestPostgresCluster,
} from './__testUtils__/postgresCluster';
import {
  prometheusRequirement,
  requestCounters,
  startPrometheus,
  TestPrometheus,
  TestSeries,
} from './__testUtils__/prometheus';
import { opsPlugin } from './plugin';

/*
 * The whole backend (the real plugin, its scheduled tasks, its router) on a
 * PostgreSQL, two Prometheus servers (metrics; backup timestamps) and an
 * Alertmanager of its own, each stopped and started again between and during
 * the rounds. The clock (Date only) is the test's, so days pass in seconds.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// Day 0 is twelve days ago: every day the test visits is in Prometheus's past.
const DAY0 = Math.floor(Date.now() / DAY) * DAY - 12 * DAY;
const at = (day: number, hours = 12) => DAY0 + day * DAY + hours * HOUR;
const SERIES_START = DAY0 - 16 * DAY;
const SERIES_END = DAY0 + 10 * DAY;

const USER = mockCredentials.user.header('user:default/alice');
const SLO_REF = 'slo:default/svc-availability';
const COMPONENT = 'component:default/svc';
const DATABASE = 'resource:default/svc-db';
const POLICY = 'backuppolicy:default/svc-db-backups';

// 10 requests a second, 0.1 % of them errors: 90 % of a 99 % budget left.
const metrics = requestCounters({
  service: 'svc',
  perSecond: 10,
  errorRatio: 0.001,
  startMs: SERIES_START,
  endMs: SERIES_END,
  stepMs: MINUTE,
});

// The backup job's exporter: its last good run is always 30 minutes old.
const backupTimestamps: TestSeries[] = [
  {
    name: 'backup_last_success_timestamp_seconds',
    labels: { service: 'svc' },
    samples: Array.from(
      { length: (SERIES_END - (DAY0 - DAY)) / MINUTE + 1 },
      (_, i) => {
        const t = DAY0 - DAY + i * MINUTE;
        return [t, (t - 30 * MINUTE) / 1000] as [number, number];
      },
    ),
  },
];

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'svc',
      namespace: 'default',
      annotations: { 'unyo.dev/alert-selector': 'service="svc"' },
    },
    spec: { type: 'service', owner: 'group:default/sre', lifecycle: 'prod' },
    relations: [{ type: 'measuredBy', targetRef: SLO_REF }],
  },
  {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: 'svc-availability', namespace: 'default' },
    spec: {
      service: 'svc',
      indicator: {
        metadata: { name: 'svc-sli' },
        spec: {
          ratioMetric: {
            counter: true,
            good: {
              metricSource: {
                type: 'Prometheus',
                spec: {
                  query: 'http_requests_total{service="svc",code!~"5.."}',
                },
              },
            },
            total: {
              metricSource: {
                type: 'Prometheus',
                spec: { query: 'http_requests_total{service="svc"}' },
              },
            },
          },
        },
      },
      timeWindow: [{ duration: '7d', isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [{ target: 0.99 }],
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'svc-db', namespace: 'default' },
    spec: { type: 'database', owner: 'group:default/sre' },
    relations: [{ type: 'protectedBy', targetRef: POLICY }],
  },
  {
    apiVersion: 'unyo.dev/v1alpha1',
    kind: 'BackupPolicy',
    metadata: { name: 'svc-db-backups', namespace: 'default' },
    spec: {
      owner: 'group:default/sre',
      protects: [DATABASE],
      rpo: '1h',
      targets: [
        {
          name: 'dump',
          type: 'full',
          schedule: { every: '1h' },
          retention: '1d',
          source: {
            type: 'prometheus',
            connection: 'backup-metrics',
            query: 'max(backup_last_success_timestamp_seconds{service="svc"})',
          },
        },
      ],
    },
    relations: [{ type: 'protects', targetRef: DATABASE }],
  },
];

const describeWithServers = describeNeeding(
  prometheusRequirement,
  alertmanagerRequirement,
  postgresServerRequirement,
);

describeWithServers('the backend through source and database outages', () => {
  jest.setTimeout(120_000);
  let postgres: TestPostgresCluster;
  let metricsServer: TestPrometheus;
  let backupServer: TestPrometheus;
  let alertmanager: TestAlertmanager;
  let knex: Knex;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  const tasks = new Map<string, SchedulerServiceTaskFunction>();

  const round = (id: 'unyo-slo-evaluation' | 'unyo-backup-status') =>
    Promise.resolve(tasks.get(id)!(new AbortController().signal));
  const get = (path: string, query: Record<string, string> = {}) =>
    request(backend.server)
      .get(`/api/ops${path}`)
      .query(query)
      .set('Authorization', USER);
  const slo = async () => {
    const res = await get('/slos', { entityRef: COMPONENT });
    expect(res.status).toBe(200);
    return res.body.items[0];
  };
  const backup = async () => {
    const res = await get('/backups', { entityRef: DATABASE });
    expect(res.status).toBe(200);
    return res.body.items.find((i: any) => i.target === 'dump');
  };
  /** The stored daily rollups of the SLO: day → total. */
  const dailyTotals = async () =>
    new Map<string, number>(
      (await knex('ops_slo_daily').where('slo_ref', SLO_REF)).map(r => [
        String(r.day).slice(0, 10),
        Number(r.total),
      ]),
    );
  const day = (n: number) =>
    new Date(DAY0 + n * DAY).toISOString().slice(0, 10);
  /** The clock runs on from each time set, so instants are within a minute. */
  const expectAbout = (iso: string | undefined, ms: number) =>
    expect(Math.abs(Date.parse(iso ?? '') - ms)).toBeLessThan(MINUTE);
  const expectSecondsAbout = (seconds: number | undefined, expected: number) =>
    expect(Math.abs((seconds ?? NaN) - expected)).toBeLessThan(60);
  const postAlert = () =>
    alertmanager.postAlerts([
      {
        labels: {
          alertname: 'HighErrorRate',
          service: 'svc',
          severity: 'page',
        },
      },
    ]);

  beforeAll(async () => {
    // Assigned one by one, so that afterAll stops those that did start.
    await Promise.all([
      startPostgresCluster().then(s => (postgres = s)),
      startPrometheus({ series: metrics }).then(s => (metricsServer = s)),
      startPrometheus({ series: backupTimestamps }).then(
        s => (backupServer = s),
      ),
      startAlertmanager().then(s => (alertmanager = s)),
    ]);
    await postAlert();
    knex = knexFactory({
      client: 'pg',
      connection: postgres.connectionString,
      pool: { min: 0, max: 5 },
      acquireConnectionTimeout: 10_000,
      // "Acquire connection error" while the test has the database down.
      log: { warn: () => {} },
    });
    // Only Date is the test's: timers, sockets and child processes run as usual.
    jest.useFakeTimers({
      now: at(0),
      advanceTimers: true,
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
    const scheduler = mockServices.scheduler.mock({
      scheduleTask: async task => {
        tasks.set(task.id, task.fn as SchedulerServiceTaskFunction);
      },
    });
    backend = await startTestBackend({
      features: [
        opsPlugin,
        mockServices.database.factory({ knex }),
        scheduler.factory,
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({
          data: {
            ops: {
              prometheus: {
                servers: [
                  { name: 'metrics', url: metricsServer.url },
                  { name: 'backups', url: backupServer.url },
                ],
              },
              alertmanager: {
                servers: [{ name: 'default', url: alertmanager.url }],
              },
              slo: { evaluationInterval: { minutes: 10 } },
              backups: {
                interval: { minutes: 5 },
                sources: {
                  'backup-metrics': { type: 'prometheus', server: 'backups' },
                },
              },
            },
          },
        }),
      ],
    });
  });

  afterAll(async () => {
    jest.useRealTimers();
    await backend?.stop();
    await knex?.destroy();
    await Promise.all([
      postgres?.stop(),
      metricsServer?.stop(),
      backupServer?.stop(),
      alertmanager?.stop(),
    ]);
  });

  it('answers throughout, shows last values with their age, recovers in one round and leaves no day out', async () => {
    // Day 0: everything up.
    await round('unyo-slo-evaluation');
    await round('unyo-backup-status');
    const first = await slo();
    expect(first.state).toBe('ok');
    expect(first.errorBudget.remainingRatio).toBeCloseTo(0.9, 2);
    expect((await backup()).status).toBe('ok');

    // Prometheus down for three daily rounds: the last good figures, aged.
    await metricsServer.takeDown();
    for (const n of [1, 2, 3]) {
      jest.setSystemTime(at(n));
      await round('unyo-slo-evaluation');
      const down = await slo();
      expect(down.state).toBe('error');
      expect(down.message).toMatch(/metrics/);
      expect(down.errorBudget.remainingRatio).toBeCloseTo(0.9, 2);
      expectAbout(down.lastSuccessAt, at(0));
      expectSecondsAbout(down.staleSeconds, n * 86400);
    }
    expect([...(await dailyTotals()).keys()]).not.toContain(day(0));

    // Back: the next round is good, and days 0-3 are filled from Prometheus.
    await metricsServer.bringUp();
    jest.setSystemTime(at(4));
    await round('unyo-slo-evaluation');
    const recovered = await slo();
    expect(recovered.state).toBe('ok');
    expect(recovered.staleSeconds).toBeUndefined();
    expect(recovered.errorBudget.remainingRatio).toBeCloseTo(0.9, 2);
    const afterPrometheus = await dailyTotals();
    for (const n of [0, 1, 2, 3]) {
      expect(afterPrometheus.get(day(n))).toBeCloseTo(864_000, -3);
    }

    // The backup source down: the last good reading, its age and the error.
    await round('unyo-backup-status');
    await backupServer.takeDown();
    jest.setSystemTime(at(4) + 20 * MINUTE);
    await round('unyo-backup-status');
    const stale = await backup();
    expect(stale.status).toBe('ok');
    expect(stale.sourceError).toMatch(/backups/);
    expectAbout(stale.checkedAt, at(4));
    expectSecondsAbout(stale.staleSeconds, 20 * 60);
    expectSecondsAbout(stale.ageSeconds, 50 * 60);
    expectAbout(stale.lastSuccessAt, at(4) - 30 * MINUTE);
    await backupServer.bringUp();
    jest.setSystemTime(at(4) + 25 * MINUTE);
    await round('unyo-backup-status');
    const fresh = await backup();
    expect(fresh.sourceError).toBeUndefined();
    expect(fresh.staleSeconds).toBeUndefined();
    expectAbout(fresh.checkedAt, at(4) + 25 * MINUTE);
    expectSecondsAbout(fresh.ageSeconds, 30 * 60);

    // Alertmanager down: its last answer, its age and the error.
    const alertsBefore = await get('/alerts', { entityRef: COMPONENT });
    expect(alertsBefore.body.items.map((a: any) => a.alertname)).toContain(
      'HighErrorRate',
    );
    await alertmanager.takeDown();
    jest.setSystemTime(at(4, 14));
    const noAlertmanager = await get('/alerts', { entityRef: COMPONENT });
    expect(noAlertmanager.status).toBe(200);
    expect(noAlertmanager.body.items.map((a: any) => a.alertname)).toContain(
      'HighErrorRate',
    );
    const [amError] = noAlertmanager.body.sourceErrors;
    expect(noAlertmanager.body.sourceErrors).toHaveLength(1);
    expect(amError).toMatchObject({
      source: 'alertmanager',
      server: 'default',
    });
    expect(amError.message).toMatch(/default/);
    expectAbout(amError.lastSuccessAt, at(4) + 25 * MINUTE);
    expectSecondsAbout(amError.staleSeconds, 95 * 60);
    await alertmanager.bringUp();
    // Prometheus sends its firing alerts again every resend interval.
    await postAlert();
    jest.setSystemTime(at(4, 14) + MINUTE);
    const alertsAfter = await get('/alerts', { entityRef: COMPONENT });
    expect(alertsAfter.body.sourceErrors).toEqual([]);
    expect(alertsAfter.body.items.map((a: any) => a.alertname)).toContain(
      'HighErrorRate',
    );

    // The database stops in the middle of a round: the round ends, it does not hang.
    jest.setSystemTime(at(5));
    const inFlight = Promise.allSettled([round('unyo-slo-evaluation')]);
    await postgres.takeDown();
    await inFlight;

    // While it is down: 503 saying so where the database is needed, the rest answers.
    jest.setSystemTime(at(6));
    for (const [path, query] of [
      ['/slos', { entityRef: COMPONENT }],
      ['/backups', { entityRef: DATABASE }],
    ] as const) {
      const res = await get(path, query);
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('30');
      expect(res.body.error.message).toMatch(
        /^The operations database is unavailable; try again shortly \(log id [0-9a-f-]{36}\)$/,
      );
      expect(res.body.error.stack).toBeUndefined();
    }
    expect((await get('/status')).status).toBe(200);
    expect((await get('/alerts', { entityRef: COMPONENT })).status).toBe(200);
    // The scheduler logs a failed round and runs the next one on time.
    await expect(round('unyo-slo-evaluation')).rejects.toThrow();
    await expect(round('unyo-backup-status')).rejects.toThrow();

    // Back: the next rounds are good, and the days it missed are filled.
    await postgres.bringUp();
    jest.setSystemTime(at(7));
    await round('unyo-slo-evaluation');
    await round('unyo-backup-status');
    const afterDatabase = await slo();
    expect(afterDatabase.state).toBe('ok');
    expect(afterDatabase.staleSeconds).toBeUndefined();
    expect((await backup()).sourceError).toBeUndefined();

    // No hole: every day from the first stored one to yesterday.
    const totals = await dailyTotals();
    const days = [...totals.keys()].sort();
    const expected: string[] = [];
    for (let t = Date.parse(days[0]); t <= DAY0 + 6 * DAY; t += DAY) {
      expected.push(new Date(t).toISOString().slice(0, 10));
    }
    expect(days).toEqual(expected);
    for (const n of [4, 5, 6]) {
      expect(totals.get(day(n))).toBeCloseTo(864_000, -3);
    }
  });
});
