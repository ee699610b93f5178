import { TestDatabases } from '@backstage/backend-test-utils';
import {
  minutes,
  serviceEntities,
  sloStatusWithBad,
} from './__testUtils__/fixtures';
import {
  MEMBERS,
  NotificationsTestBackend,
} from './__testUtils__/notificationsBackend';
import { useNotificationsHarness } from './__testUtils__/notificationsHarness';

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const titlesOf = async (backend: NotificationsTestBackend, user: string) =>
  (await backend.notificationsOf(user)).map(n => n.payload.title);

describe.each(databases.eachSupportedId())(
  'SLO notifications through the real notifications backend on %s (catalog: catalogServiceMock with a group of two users)',
  id => {
    const h = useNotificationsHarness(databases, id);

    it('an SLO pushed into feature-freeze: one notification per group member, none on later rounds nor after a restart, one on recovery', async () => {
      const before = await h.start(serviceEntities());
      await before.ops.sloRound([sloStatusWithBad(100, h.clock)]);
      expect(await h.countsOf(before)).toEqual([0, 0, 0]);
      h.clock = minutes(1);
      await before.ops.sloRound([sloStatusWithBad(700, h.clock)]);
      expect(await h.countsOf(before)).toEqual([1, 1, 0]);
      // Restarted on the same databases: the state it notified is remembered.
      const backend = await h.restart(before, serviceEntities());
      h.clock = minutes(5);
      await backend.ops.sloRound([sloStatusWithBad(700, h.clock)]);
      expect(await h.countsOf(backend)).toEqual([1, 1, 0]);
      for (const round of [20, 30]) {
        h.clock = minutes(round);
        await backend.ops.sloRound([sloStatusWithBad(700, h.clock)]);
      }
      expect(await h.countsOf(backend)).toEqual([1, 1, 0]);
      const [entered] = await backend.notificationsOf(MEMBERS[0]);
      expect(entered.origin).toBe('plugin:ops');
      expect(entered.payload).toMatchObject({
        title:
          'SLO Payments availability entered error-budget policy feature-freeze',
        link: '/catalog/default/component/payments-api/ops',
        severity: 'high',
        topic: 'SLO error budget',
      });

      h.clock = minutes(40);
      await backend.ops.sloRound([sloStatusWithBad(100, h.clock)]);
      h.clock = minutes(50);
      await backend.ops.sloRound([sloStatusWithBad(100, h.clock)]);
      expect(await h.countsOf(backend)).toEqual([2, 2, 0]);
      expect(await titlesOf(backend, MEMBERS[1])).toContain(
        'SLO Payments availability is back to normal',
      );
    });

    it('a page-level burn-rate alert starting: one notification per member, none while it fires on nor after a restart, one more when it starts again', async () => {
      const before = await h.start(serviceEntities());
      await before.ops.sloRound([sloStatusWithBad(100, h.clock)]);
      h.clock = minutes(1);
      await before.ops.sloRound([
        sloStatusWithBad(100, h.clock, { pageBurn: true }),
      ]);
      expect(await h.countsOf(before)).toEqual([1, 1, 0]);
      const [paged] = await before.notificationsOf(MEMBERS[0]);
      expect(paged.payload).toMatchObject({
        title: 'Page-level burn-rate alert on SLO Payments availability',
        description:
          'The error budget is burning at 14.4× the sustainable rate or faster.',
        link: '/catalog/default/component/payments-api/ops',
        severity: 'critical',
        topic: 'SLO burn rate',
      });
      h.clock = minutes(2);
      await before.ops.sloRound([
        sloStatusWithBad(100, h.clock, { pageBurn: true }),
      ]);
      const backend = await h.restart(before, serviceEntities());
      h.clock = minutes(3);
      await backend.ops.sloRound([
        sloStatusWithBad(100, h.clock, { pageBurn: true }),
      ]);
      expect(await h.countsOf(backend)).toEqual([1, 1, 0]);
      // The alert ending is not news; a new start is.
      h.clock = minutes(30);
      await backend.ops.sloRound([sloStatusWithBad(100, h.clock)]);
      expect(await h.countsOf(backend)).toEqual([1, 1, 0]);
      h.clock = minutes(60);
      await backend.ops.sloRound([
        sloStatusWithBad(100, h.clock, { pageBurn: true }),
      ]);
      expect(await h.countsOf(backend)).toEqual([2, 2, 0]);
    });

    it('burn-rate kind switched off: no burn-rate notification, the error-budget policy still notifies', async () => {
      const backend = await h.start(serviceEntities(), {
        ops: { notifications: { burnRate: { enabled: false } } },
      });
      await backend.ops.sloRound([sloStatusWithBad(100, h.clock)]);
      h.clock = minutes(1);
      await backend.ops.sloRound([
        sloStatusWithBad(100, h.clock, { pageBurn: true }),
      ]);
      expect(await h.countsOf(backend)).toEqual([0, 0, 0]);
      h.clock = minutes(2);
      await backend.ops.sloRound([
        sloStatusWithBad(700, h.clock, { pageBurn: true }),
      ]);
      expect(await titlesOf(backend, MEMBERS[0])).toEqual([
        'SLO Payments availability entered error-budget policy feature-freeze',
      ]);
    });

    it('Japanese texts with ops.notifications.locale: ja (policy entered, burn-rate alert, recovered)', async () => {
      const backend = await h.start(serviceEntities(), {
        ops: { notifications: { locale: 'ja' } },
      });
      await backend.ops.sloRound([
        sloStatusWithBad(700, h.clock, { pageBurn: true }),
      ]);
      h.clock = minutes(30);
      await backend.ops.sloRound([sloStatusWithBad(100, h.clock)]);
      const payloads = (await backend.notificationsOf(MEMBERS[0])).map(
        n => n.payload,
      );
      expect(payloads).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            title:
              'SLO「Payments availability」がエラーバジェットポリシー feature-freeze に入りました',
            description:
              'normal から feature-freeze へ悪化しました。エラーバジェットの残りとポリシーを確認してください。',
          }),
          expect.objectContaining({
            title:
              'SLO「Payments availability」でページ級のバーンレートアラートが発生しました',
            description: 'エラーバジェットを 14.4 倍の速さで消費しています。',
          }),
          expect.objectContaining({
            title: 'SLO「Payments availability」が normal に戻りました',
            description:
              'エラーバジェットポリシーが feature-freeze から normal に回復しました。',
          }),
        ]),
      );
      expect(payloads).toHaveLength(3);
    });

    if (id.startsWith('POSTGRES')) {
      it('two backend instances on one PostgreSQL: one notification per member for each band move and burn-rate start', async () => {
        const [a, b] = [
          await h.start(serviceEntities()),
          await h.start(serviceEntities()),
        ];
        // Both replicas evaluate the same SLO in the same round, at once.
        const bothRound = (bad: number, pageBurn = false) =>
          Promise.all(
            [a, b].map(r =>
              r.ops.sloRound([sloStatusWithBad(bad, h.clock, { pageBurn })]),
            ),
          );
        await bothRound(100);
        expect(await h.countsOf(a)).toEqual([0, 0, 0]);
        h.clock = minutes(10);
        await bothRound(700, true);
        expect(await h.countsOf(a)).toEqual([2, 2, 0]);
        h.clock = minutes(20);
        await bothRound(700, true);
        h.clock = minutes(30);
        await bothRound(100);
        expect(await h.countsOf(b)).toEqual([3, 3, 0]);
        expect((await titlesOf(a, MEMBERS[0])).sort()).toEqual([
          'Page-level burn-rate alert on SLO Payments availability',
          'SLO Payments availability entered error-budget policy feature-freeze',
          'SLO Payments availability is back to normal',
        ]);
      });
    }
  },
);
