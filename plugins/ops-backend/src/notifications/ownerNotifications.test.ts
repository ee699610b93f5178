import { TestDatabases } from '@backstage/backend-test-utils';
import { Execution } from '@unyo/plugin-ops-common';
import {
  backupPolicy,
  backupStatus,
  minutes,
  serviceEntities,
  sloStatusWithBad,
  t0,
} from './__testUtils__/fixtures';
import { MEMBERS } from './__testUtils__/notificationsBackend';
import { useNotificationsHarness } from './__testUtils__/notificationsHarness';

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

/** A restart action that alice started and that failed. */
const failedExecution: Execution = {
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

// Each kind's transitions, restarts and replicas: sloNotifications,
// backupNotifications and healthNotifications tests.
describe.each(databases.eachSupportedId())(
  'owner notifications through the real notifications backend on %s (catalog: catalogServiceMock with a group of two users)',
  id => {
    const h = useNotificationsHarness(databases, id);

    it('switched off in config: no notification of any kind', async () => {
      const backend = await h.start([...serviceEntities(), backupPolicy], {
        ops: { notifications: { enabled: false } },
      });
      await backend.ops.sloRound([sloStatusWithBad(100, h.clock)]);
      await backend.ops.sloRound([
        sloStatusWithBad(700, h.clock, { pageBurn: true }),
      ]);
      await backend.ops.backupRound([backupStatus('ok')]);
      await backend.ops.backupRound([backupStatus('failing')]);
      await backend.ops.executionFinished(failedExecution);
      expect(await h.countsOf(backend)).toEqual([0, 0, 0]);
    });

    it('one kind switched off: the others still notify', async () => {
      const backend = await h.start([...serviceEntities(), backupPolicy], {
        ops: { notifications: { sloPolicy: { enabled: false } } },
      });
      await backend.ops.sloRound([sloStatusWithBad(100, h.clock)]);
      await backend.ops.sloRound([sloStatusWithBad(700, h.clock)]);
      await backend.ops.backupRound([backupStatus('failing')]);
      const titles = (await backend.notificationsOf(MEMBERS[0])).map(
        n => n.payload.title,
      );
      expect(titles).toEqual([
        'Backup nightly of backuppolicy:default/payments-db is failing',
      ]);
    });

    it('a finished runbook execution is notified to the user who started it only', async () => {
      const backend = await h.start(serviceEntities());
      await backend.ops.executionFinished(failedExecution);
      expect(await h.countsOf(backend)).toEqual([1, 0, 0]);
      const [finished] = await backend.notificationsOf(MEMBERS[0]);
      expect(finished.origin).toBe('plugin:ops');
      expect(finished.payload).toMatchObject({
        title: 'Runbook runbook:default/restart-payments action restart failed',
        description: 'HTTP 502 from the target',
        link: '/catalog/default/runbook/restart-payments',
        severity: 'high',
        topic: 'Runbook executions',
      });
    });

    it('runbooks kind switched off: a finished execution is not notified', async () => {
      const backend = await h.start(serviceEntities(), {
        ops: { notifications: { runbooks: { enabled: false } } },
      });
      await backend.ops.executionFinished(failedExecution);
      expect(await h.countsOf(backend)).toEqual([0, 0, 0]);
    });

    it('Japanese text of a finished runbook execution with ops.notifications.locale: ja', async () => {
      const backend = await h.start(serviceEntities(), {
        ops: { notifications: { locale: 'ja' } },
      });
      await backend.ops.executionFinished(failedExecution);
      const [finished] = await backend.notificationsOf(MEMBERS[0]);
      expect(finished.payload).toMatchObject({
        title:
          'ランブック runbook:default/restart-payments のアクション restart が終了しました（failed）',
        description: 'HTTP 502 from the target',
      });
    });
  },
);
