import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { startTestHttpServer, TestHttpServer } from '@internal/ops-test-utils';
import {
  BackupStatus,
  evaluateSloStatus,
  Execution,
  SloStatus,
} from '@unyo/plugin-ops-common';
import { Knex } from 'knex';
import { DatabaseHealthStore } from '../health/DatabaseHealthStore';
import { HealthMonitor } from '../health/HealthMonitor';
import { HealthProber } from '../health/HealthProber';
import {
  MEMBERS,
  OUTSIDER,
  OWNERS,
  NotificationsTestBackend,
  startNotificationsBackend,
} from './__testUtils__/notificationsBackend';

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const SLO_REF = 'slo:default/payments-availability';
const SERVICE_REF = 'component:default/payments-api';

/** The measured service (owner by spec.owner) and its SLO (owner by relation, as the catalog module adds). */
const serviceEntities = (healthUrl = 'http://127.0.0.1:1/health'): Entity[] => [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'payments-api',
      namespace: 'default',
      annotations: { 'unyo.dev/health-url': healthUrl },
    },
    spec: { type: 'service', owner: 'payments', lifecycle: 'production' },
  },
  {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: 'payments-availability', namespace: 'default' },
    spec: { service: 'payments-api' },
    relations: [{ type: 'ownedBy', targetRef: OWNERS }],
  },
];

const t0 = new Date('2026-12-01T00:00:00Z');
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

/**
 * The status an evaluation round stores for 1,000,000 requests of which
 * `bad` failed, against 99.9 %: 100 bad leaves 90 % of the budget
 * (`normal`), 700 leaves 30 % (`feature-freeze`), by the SLO maths of ops-common.
 */
function sloStatusWithBad(bad: number, now: Date): SloStatus {
  return {
    ref: SLO_REF,
    entityRef: SERVICE_REF,
    title: 'Payments availability',
    ...evaluateSloStatus({
      target: 0.999,
      timeWindow: { duration: '30d', isRolling: true },
      budgetingMethod: 'Occurrences',
      counts: { good: 1_000_000 - bad, total: 1_000_000 },
      now,
    }),
  };
}

/** A backup target's status as the backup round computes it, in the given state. */
function backupStatus(status: BackupStatus['status']): BackupStatus {
  return {
    policyRef: 'backuppolicy:default/payments-db',
    target: 'nightly',
    source: { type: 'push' },
    lastSuccessAt: null,
    ageSeconds: null,
    rpoSeconds: 86400,
    status,
    retention: { expected: null, found: null },
    lastRestoreTestAt: null,
    message:
      status === 'breached' ? 'Newest copy is 30 h old, RPO 1d' : undefined,
    checkedAt: null,
    protects: [SERVICE_REF],
  };
}

const backupPolicy: Entity = {
  apiVersion: 'unyo.dev/v1alpha1',
  kind: 'BackupPolicy',
  metadata: { name: 'payments-db', namespace: 'default' },
  spec: {
    owner: 'group:default/payments',
    protects: [SERVICE_REF],
    rpo: '1d',
    targets: [{ name: 'nightly', source: { type: 'push' } }],
  },
};

describe.each(databases.eachSupportedId())(
  'owner notifications through the real notifications backend on %s (catalog: catalogServiceMock with a group of two users)',
  id => {
    let dbs: Record<string, Knex>;
    let clock: Date;
    const started: NotificationsTestBackend[] = [];
    const start = async (entities: Entity[], notificationsConfig?: object) => {
      const backend = await startNotificationsBackend({
        databases: dbs,
        entities,
        notificationsConfig,
        now: () => clock,
      });
      started.push(backend);
      return backend;
    };
    const countsOf = async (backend: NotificationsTestBackend) =>
      Promise.all(
        [...MEMBERS, OUTSIDER].map(
          async u => (await backend.notificationsOf(u)).length,
        ),
      );

    beforeEach(async () => {
      dbs = {
        ops: await databases.init(id),
        notifications: await databases.init(id),
      };
      clock = t0;
    });
    afterEach(async () => {
      while (started.length) await started.pop()!.stop();
    });

    it('an SLO pushed into feature-freeze: one notification per group member, none on later rounds nor after a restart, one on recovery', async () => {
      const before = await start(serviceEntities());
      await before.ops.sloRound([sloStatusWithBad(100, clock)]);
      expect(await countsOf(before)).toEqual([0, 0, 0]);
      clock = minutes(1);
      await before.ops.sloRound([sloStatusWithBad(700, clock)]);
      expect(await countsOf(before)).toEqual([1, 1, 0]);
      // Restarted on the same databases: the state it notified is remembered.
      await started.pop()!.stop();
      const backend = await start(serviceEntities());
      clock = minutes(5);
      await backend.ops.sloRound([sloStatusWithBad(700, clock)]);
      expect(await countsOf(backend)).toEqual([1, 1, 0]);
      for (const round of [20, 30]) {
        clock = minutes(round);
        await backend.ops.sloRound([sloStatusWithBad(700, clock)]);
      }
      expect(await countsOf(backend)).toEqual([1, 1, 0]);
      const [entered] = await backend.notificationsOf(MEMBERS[0]);
      expect(entered.origin).toBe('plugin:ops');
      expect(entered.payload).toMatchObject({
        title:
          'SLO Payments availability entered error-budget policy feature-freeze',
        link: '/catalog/default/component/payments-api/ops',
        severity: 'high',
        topic: 'SLO error budget',
      });

      clock = minutes(40);
      await backend.ops.sloRound([sloStatusWithBad(100, clock)]);
      clock = minutes(50);
      await backend.ops.sloRound([sloStatusWithBad(100, clock)]);
      expect(await countsOf(backend)).toEqual([2, 2, 0]);
      const titles = (await backend.notificationsOf(MEMBERS[1])).map(
        n => n.payload.title,
      );
      expect(titles).toContain('SLO Payments availability is back to normal');
    });

    it('a backup target breached: one notification per member, none while it stays breached, one on recovery', async () => {
      const backend = await start([...serviceEntities(), backupPolicy]);
      await backend.ops.backupRound([backupStatus('ok')]);
      await backend.ops.backupRound([backupStatus('breached')]);
      await backend.ops.backupRound([backupStatus('breached')]);
      // A source error in between says nothing new about the target.
      await backend.ops.backupRound([backupStatus('unknown')]);
      await backend.ops.backupRound([backupStatus('breached')]);
      expect(await countsOf(backend)).toEqual([1, 1, 0]);
      const [breached] = await backend.notificationsOf(MEMBERS[1]);
      expect(breached.payload).toMatchObject({
        title: 'Backup nightly of backuppolicy:default/payments-db is breached',
        description: 'Newest copy is 30 h old, RPO 1d',
        link: '/catalog/default/component/payments-api/ops',
        topic: 'Backups',
      });
      await backend.ops.backupRound([backupStatus('ok')]);
      expect(await countsOf(backend)).toEqual([2, 2, 0]);
    });

    describe('a health endpoint down (a real HTTP server, probed by the health monitor)', () => {
      let endpoint: TestHttpServer;
      let up = true;
      beforeAll(async () => {
        endpoint = await startTestHttpServer((_req, res) => {
          res.writeHead(up ? 200 : 503).end(up ? 'ok' : 'unavailable');
        });
      });
      afterAll(() => endpoint.close());

      it('is notified once when down longer than ops.notifications.health.outageMinutes, and once when up again', async () => {
        const url = `${endpoint.url}/health`;
        const entities = serviceEntities(url);
        const backend = await start(entities, {
          ops: { notifications: { health: { outageMinutes: 5 } } },
        });
        const monitor = new HealthMonitor({
          catalog: catalogServiceMock({ entities }),
          auth: mockServices.auth(),
          store: await DatabaseHealthStore.create({
            database: mockServices.database({ knex: dbs.ops }),
          }),
          prober: new HealthProber({
            allowedHosts: ['127.0.0.1'],
            timeoutMs: 2000,
          }),
          logger: mockServices.logger.mock(),
          onRound: probes => backend.ops.healthRound(probes),
          now: () => clock,
        });
        const roundAt = async (minute: number, isUp: boolean) => {
          clock = minutes(minute);
          up = isUp;
          await monitor.probeAll();
        };
        await roundAt(0, true);
        await roundAt(1, false);
        await roundAt(4, false);
        expect(await countsOf(backend)).toEqual([0, 0, 0]);
        await roundAt(6, false);
        await roundAt(7, false);
        expect(await countsOf(backend)).toEqual([1, 1, 0]);
        const [outage] = await backend.notificationsOf(MEMBERS[0]);
        expect(outage.payload).toMatchObject({
          title: `${SERVICE_REF} health endpoint down for 5 minutes or more`,
          link: '/catalog/default/component/payments-api/ops',
          severity: 'critical',
          topic: 'Health',
        });
        expect(outage.payload.description).toContain(url);
        await roundAt(8, true);
        await roundAt(9, true);
        expect(await countsOf(backend)).toEqual([2, 2, 0]);
      });
    });

    it('switched off in config: no notification of any kind', async () => {
      const backend = await start([...serviceEntities(), backupPolicy], {
        ops: { notifications: { enabled: false } },
      });
      await backend.ops.sloRound([sloStatusWithBad(100, clock)]);
      await backend.ops.sloRound([sloStatusWithBad(700, clock)]);
      await backend.ops.backupRound([backupStatus('ok')]);
      await backend.ops.backupRound([backupStatus('failing')]);
      expect(await countsOf(backend)).toEqual([0, 0, 0]);
    });

    it('one kind switched off: the others still notify', async () => {
      const backend = await start([...serviceEntities(), backupPolicy], {
        ops: { notifications: { sloPolicy: { enabled: false } } },
      });
      await backend.ops.sloRound([sloStatusWithBad(100, clock)]);
      await backend.ops.sloRound([sloStatusWithBad(700, clock)]);
      await backend.ops.backupRound([backupStatus('failing')]);
      const titles = (await backend.notificationsOf(MEMBERS[0])).map(
        n => n.payload.title,
      );
      expect(titles).toEqual([
        'Backup nightly of backuppolicy:default/payments-db is failing',
      ]);
    });

    it('Japanese text with ops.notifications.locale: ja', async () => {
      const backend = await start(serviceEntities(), {
        ops: { notifications: { locale: 'ja' } },
      });
      await backend.ops.sloRound([sloStatusWithBad(700, clock)]);
      const [entered] = await backend.notificationsOf(MEMBERS[0]);
      expect(entered.payload.title).toBe(
        'SLO「Payments availability」がエラーバジェットポリシー feature-freeze に入りました',
      );
    });

    it('a finished runbook execution is notified to the user who started it only', async () => {
      const backend = await start(serviceEntities());
      const execution: Execution = {
        id: 'e1',
        runbookRef: 'runbook:default/restart-payments',
        actionId: 'restart',
        actor: MEMBERS[0],
        parameters: {},
        status: 'failed',
        output: { summary: 'HTTP 502 from the target' },
        createdAt: t0.toISOString(),
        finishedAt: minutes(1).toISOString(),
      };
      await backend.ops.executionFinished(execution);
      expect(await countsOf(backend)).toEqual([1, 0, 0]);
      const [finished] = await backend.notificationsOf(MEMBERS[0]);
      expect(finished.payload).toMatchObject({
        title: 'Runbook runbook:default/restart-payments action restart failed',
        description: 'HTTP 502 from the target',
        link: '/catalog/default/runbook/restart-payments',
        severity: 'high',
        topic: 'Runbook executions',
      });
    });

    if (id.startsWith('POSTGRES')) {
      it('two backend instances on one PostgreSQL send one notification per transition', async () => {
        const [a, b] = [
          await start([...serviceEntities(), backupPolicy]),
          await start([...serviceEntities(), backupPolicy]),
        ];
        await Promise.all([
          a.ops.sloRound([sloStatusWithBad(100, clock)]),
          b.ops.sloRound([sloStatusWithBad(100, clock)]),
        ]);
        clock = minutes(10);
        // Both replicas see the same move in the same round, at once.
        await Promise.all([
          a.ops.sloRound([sloStatusWithBad(700, clock)]),
          b.ops.sloRound([sloStatusWithBad(700, clock)]),
          a.ops.backupRound([backupStatus('failing')]),
          b.ops.backupRound([backupStatus('failing')]),
        ]);
        expect(await countsOf(a)).toEqual([2, 2, 0]);
        expect(await countsOf(b)).toEqual([2, 2, 0]);
      });
    }
  },
);
