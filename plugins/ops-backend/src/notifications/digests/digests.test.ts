import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { evaluateSloStatus, SloStatus } from '@unyo/plugin-ops-common';
import { Knex } from 'knex';
import { readNotificationsConfig } from '../../config/notifications';
import { DatabaseSloStore } from '../../database/DatabaseSloStore';
import { DefaultSloService } from '../../slo/DefaultSloService';
import { StatusRecorder } from '../../slo/evaluation/StatusRecorder';
import { DatabaseMonthlyRollups } from '../../slo/rollups/MonthlyRollups';
import {
  MEMBERS,
  NotificationsTestBackend,
  OUTSIDER,
  OWNERS,
  peopleEntities,
  startNotificationsBackend,
} from '../__testUtils__/notificationsBackend';
import { SloDigests, sloDigestSource } from './SloDigests';

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

/** A second owning group with one member, and a manager group with one. */
const SEARCH = 'group:default/search';
const SEARCH_MEMBER = 'user:default/dave';
const MANAGERS = 'group:default/eng-managers';
const MANAGER = 'user:default/erin';

const group = (name: string, member: string): Entity[] => [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [], members: [member] },
    relations: [{ type: 'hasMember', targetRef: `user:default/${member}` }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: member, namespace: 'default' },
    spec: { memberOf: [`group:default/${name}`] },
    relations: [{ type: 'memberOf', targetRef: `group:default/${name}` }],
  },
];

const service = (name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', owner, lifecycle: 'production' },
  relations: [{ type: 'ownedBy', targetRef: owner }],
});

const slo = (name: string, title: string, serviceName: string): Entity => ({
  apiVersion: 'openslo/v1',
  kind: 'SLO',
  metadata: { name, namespace: 'default', title },
  spec: {
    service: serviceName,
    indicatorRef: 'x',
    timeWindow: [{ duration: '30d', isRolling: true }],
    budgetingMethod: 'Occurrences',
    objectives: [{ target: 0.999 }],
  },
});

/** Two SLOs of payments' service, one of search's, and the groups. */
const entities: Entity[] = [
  ...group('search', 'dave'),
  ...group('eng-managers', 'erin'),
  service('payments-api', OWNERS),
  service('search-api', SEARCH),
  slo('payments-availability', 'Payments availability', 'payments-api'),
  slo('payments-latency', 'Payments latency', 'payments-api'),
  slo('search-availability', 'Search availability', 'search-api'),
];

/**
 * A status as an evaluation round stores it: 1,000,000 requests of which
 * `bad` failed, against 99.9 %, so 100 bad leave 90 % of the budget.
 */
function status(name: string, bad: number, now: Date): SloStatus {
  return {
    ref: `slo:default/${name}`,
    entityRef: `component:default/${name.split('-')[0]}-api`,
    ...evaluateSloStatus({
      target: 0.999,
      timeWindow: { duration: '30d', isRolling: true },
      budgetingMethod: 'Occurrences',
      counts: { good: 1_000_000 - bad, total: 1_000_000 },
      now,
    }),
  };
}

/**
 * The week of Monday 2026-11-23: payments-availability falls from 90 % of
 * its budget (normal, the Sunday before) to 30 % (feature-freeze);
 * payments-latency from 90 % to 80 %; search-availability stays at 95 %.
 */
const rounds: Array<[string, Record<string, number>]> = [
  [
    '2026-11-22T12:00:00Z',
    {
      'payments-availability': 100,
      'payments-latency': 100,
      'search-availability': 50,
    },
  ],
  [
    '2026-11-25T12:00:00Z',
    {
      'payments-availability': 700,
      'payments-latency': 150,
      'search-availability': 50,
    },
  ],
  [
    '2026-11-29T12:00:00Z',
    {
      'payments-availability': 700,
      'payments-latency': 200,
      'search-availability': 50,
    },
  ],
];

const MONDAY_RUN = new Date('2026-11-30T08:00:00Z');
const FIRST_OF_MONTH_RUN = new Date('2026-12-01T08:00:00Z');

describe.each(databases.eachSupportedId())(
  'SLO digests through the real notifications backend on %s (catalog: catalogServiceMock)',
  id => {
    let dbs: Record<string, Knex>;
    const started: NotificationsTestBackend[] = [];

    /** A backend and its digests over the shared databases, as plugin.ts wires them. */
    async function start(digestsConfig: object = {}, locale?: string) {
      const backend = await startNotificationsBackend({
        databases: dbs,
        entities,
        now: () => MONDAY_RUN,
      });
      started.push(backend);
      const database = mockServices.database({ knex: dbs.ops });
      const catalog = catalogServiceMock({
        entities: [...peopleEntities, ...entities],
      });
      const store = await DatabaseSloStore.create({ database });
      const slos = new DefaultSloService({
        catalog,
        store,
        rollups: await DatabaseMonthlyRollups.create({ database }),
        notEvaluatedMessage: () => 'not evaluated',
        now: () => MONDAY_RUN,
      });
      const digests = await SloDigests.create({
        config: readNotificationsConfig(
          mockServices
            .rootConfig({
              data: {
                ops: { notifications: { locale, digests: digestsConfig } },
              },
            })
            .getOptionalConfig('ops.notifications'),
        ),
        database,
        source: sloDigestSource({ slos, store, auth: mockServices.auth() }),
        notifier: backend.ops.notifier,
        logger: mockServices.logger.mock(),
      });
      return { backend, digests, store };
    }

    async function recordRounds(store: DatabaseSloStore) {
      for (const [t, bad] of rounds) {
        const recorder = new StatusRecorder(store);
        recorder.add(
          Object.entries(bad).map(([name, n]) => status(name, n, new Date(t))),
        );
        await recorder.flush();
      }
    }

    const users = [...MEMBERS, SEARCH_MEMBER, OUTSIDER, MANAGER];
    const countsOf = (backend: NotificationsTestBackend) =>
      Promise.all(
        users.map(async u => (await backend.notificationsOf(u)).length),
      );

    beforeEach(async () => {
      dbs = {
        ops: await databases.init(id),
        notifications: await databases.init(id),
      };
    });
    afterEach(async () => {
      while (started.length) await started.pop()!.stop();
    });

    it('weekly: one digest per owning group with the moved SLOs, budget left and top burners; none again that week nor after a restart', async () => {
      const { backend, digests, store } = await start();
      await recordRounds(store);
      expect(await digests.send('weekly', MONDAY_RUN)).toBe(2);
      // alice, bob (payments), dave (search); not carol nor the manager.
      expect(await countsOf(backend)).toEqual([1, 1, 1, 0, 0]);
      const [payments] = await backend.notificationsOf(MEMBERS[0]);
      expect(payments.payload).toMatchObject({
        title:
          'Weekly SLO digest of group:default/payments, week of 2026-11-23: 1 of 2 SLOs moved band',
        description: [
          'Moved band: Payments availability: normal → feature-freeze',
          'Budget left: Payments availability 30%, Payments latency 80%',
          'Top burners: Payments availability: 60% consumed; Payments latency: 10% consumed',
        ].join('\n'),
        link: '/catalog/default/group/payments/slo-report',
        severity: 'low',
        topic: 'SLO digests',
      });
      const [search] = await backend.notificationsOf(SEARCH_MEMBER);
      expect(search.payload.description).toBe(
        [
          'No SLO moved band',
          'Budget left: Search availability 95%',
          'No SLO burned budget',
        ].join('\n'),
      );

      // A second run the same week (a retry, a manual trigger): nothing new.
      expect(
        await digests.send('weekly', new Date('2026-12-02T10:00:00Z')),
      ).toBe(0);
      await started.pop()!.stop();
      const restarted = await start();
      expect(await restarted.digests.send('weekly', MONDAY_RUN)).toBe(0);
      expect(await countsOf(restarted.backend)).toEqual([1, 1, 1, 0, 0]);
      // The next week is a new period.
      await restarted.digests.send('weekly', new Date('2026-12-07T08:00:00Z'));
      expect(await countsOf(restarted.backend)).toEqual([2, 2, 2, 0, 0]);
    });

    it('monthly: only to the configured manager groups, once, with every owner', async () => {
      const { backend, digests, store } = await start({
        monthly: { recipients: [MANAGERS] },
        topBurners: 1,
      });
      await recordRounds(store);
      expect(await digests.send('monthly', FIRST_OF_MONTH_RUN)).toBe(1);
      expect(await digests.send('monthly', FIRST_OF_MONTH_RUN)).toBe(0);
      expect(await countsOf(backend)).toEqual([0, 0, 0, 0, 1]);
      const [digest] = await backend.notificationsOf(MANAGER);
      expect(digest.payload).toMatchObject({
        title: 'Monthly SLO digest, 2026-11: 1 of 3 SLOs moved band',
        description: [
          'Moved band: Payments availability (group:default/payments): normal → feature-freeze',
          'SLOs by band: feature-freeze 1, normal 2',
          'Top burners: Payments availability (group:default/payments): 60% consumed',
        ].join('\n'),
        link: '/slo-report',
        topic: 'SLO digests',
      });
    });

    it('switched off: no weekly digest, and no monthly one without recipients', async () => {
      const off = await start({ weekly: { enabled: false } });
      await recordRounds(off.store);
      expect(await off.digests.send('weekly', MONDAY_RUN)).toBe(0);
      expect(await off.digests.send('monthly', FIRST_OF_MONTH_RUN)).toBe(0);
      expect(await countsOf(off.backend)).toEqual([0, 0, 0, 0, 0]);
    });

    it('Japanese text with ops.notifications.locale: ja', async () => {
      const { backend, digests, store } = await start({}, 'ja');
      await recordRounds(store);
      await digests.send('weekly', MONDAY_RUN);
      const [payments] = await backend.notificationsOf(MEMBERS[1]);
      expect(payments.payload.title).toBe(
        'group:default/payments の SLO 週次ダイジェスト（2026-11-23 の週）: 2 件中 1 件のポリシーが変化',
      );
      expect(payments.payload.description).toContain(
        'ポリシーが変わった SLO: Payments availability: normal → feature-freeze',
      );
      expect(payments.payload.description).toContain(
        'エラーバジェット残り: Payments availability 30%, Payments latency 80%',
      );
    });

    it('scheduled on the configured crons with the Backstage scheduler; a run sends the digest', async () => {
      const { backend, digests, store } = await start({
        weekly: { cron: '0 6 * * 1' },
        monthly: { recipients: [MANAGERS] },
      });
      await recordRounds(store);
      // A mock scheduler, to run the scheduled task at a chosen time.
      const scheduler = mockServices.scheduler.mock();
      await digests.schedule(scheduler, () => MONDAY_RUN);
      const tasks = scheduler.scheduleTask.mock.calls.map(([task]) => task);
      expect(tasks.map(t => [t.id, t.frequency])).toEqual([
        ['ops-slo-digest-weekly', { cron: '0 6 * * 1' }],
        ['ops-slo-digest-monthly', { cron: '0 8 1 * *' }],
      ]);
      await tasks[0].fn(new AbortController().signal);
      expect(await countsOf(backend)).toEqual([1, 1, 1, 0, 0]);
    });

    if (id.startsWith('POSTGRES')) {
      it('two backend instances on one PostgreSQL send each digest once', async () => {
        const a = await start({ monthly: { recipients: [MANAGERS] } });
        const b = await start({ monthly: { recipients: [MANAGERS] } });
        await recordRounds(a.store);
        const sent = await Promise.all([
          a.digests.send('weekly', MONDAY_RUN),
          b.digests.send('weekly', MONDAY_RUN),
          a.digests.send('monthly', FIRST_OF_MONTH_RUN),
          b.digests.send('monthly', FIRST_OF_MONTH_RUN),
        ]);
        expect(sent[0] + sent[1]).toBe(2);
        expect(sent[2] + sent[3]).toBe(1);
        expect(await countsOf(a.backend)).toEqual([1, 1, 1, 0, 1]);
      });
    }
  },
);
