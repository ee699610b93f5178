import { TestDatabases } from '@backstage/backend-test-utils';
import { BackupStatus } from '@unyo/plugin-ops-common';
import {
  backupPolicy,
  backupStatus,
  serviceEntities,
} from './__testUtils__/fixtures';
import { MEMBERS } from './__testUtils__/notificationsBackend';
import { useNotificationsHarness } from './__testUtils__/notificationsHarness';

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const entities = [...serviceEntities(), backupPolicy];

describe.each(databases.eachSupportedId())(
  'backup notifications through the real notifications backend on %s (catalog: catalogServiceMock with a group of two users)',
  id => {
    const h = useNotificationsHarness(databases, id);

    it('a backup target breached: one notification per member, none while it stays breached, one on recovery', async () => {
      const backend = await h.start(entities);
      await backend.ops.backupRound([backupStatus('ok')]);
      await backend.ops.backupRound([backupStatus('breached')]);
      await backend.ops.backupRound([backupStatus('breached')]);
      // A source error in between says nothing new about the target.
      await backend.ops.backupRound([backupStatus('unknown')]);
      await backend.ops.backupRound([backupStatus('breached')]);
      expect(await h.countsOf(backend)).toEqual([1, 1, 0]);
      const [breached] = await backend.notificationsOf(MEMBERS[1]);
      expect(breached.payload).toMatchObject({
        title: 'Backup nightly of backuppolicy:default/payments-db is breached',
        description: 'Newest copy is 30 h old, RPO 1d',
        link: '/catalog/default/component/payments-api/ops',
        severity: 'high',
        topic: 'Backups',
      });
      await backend.ops.backupRound([backupStatus('ok')]);
      await backend.ops.backupRound([backupStatus('late')]);
      await backend.ops.backupRound([backupStatus('ok')]);
      expect(await h.countsOf(backend)).toEqual([2, 2, 0]);
      const payloads = (await backend.notificationsOf(MEMBERS[0])).map(
        n => n.payload,
      );
      expect(payloads).toContainEqual(
        expect.objectContaining({
          title: 'Backup nightly of backuppolicy:default/payments-db recovered',
          description: 'The latest backup is within the RPO again.',
          severity: 'normal',
          topic: 'Backups',
        }),
      );
    });

    it('restarted on the same databases while breached: no second notification, the recovery notified once by the new instance', async () => {
      const before = await h.start(entities);
      await before.ops.backupRound([backupStatus('ok')]);
      await before.ops.backupRound([backupStatus('breached')]);
      expect(await h.countsOf(before)).toEqual([1, 1, 0]);
      const backend = await h.restart(before, entities);
      await backend.ops.backupRound([backupStatus('breached')]);
      await backend.ops.backupRound([backupStatus('breached')]);
      expect(await h.countsOf(backend)).toEqual([1, 1, 0]);
      await backend.ops.backupRound([backupStatus('ok')]);
      expect(await h.countsOf(backend)).toEqual([2, 2, 0]);
    });

    it('backup kind switched off: no notification on breach nor recovery', async () => {
      const backend = await h.start(entities, {
        ops: { notifications: { backups: { enabled: false } } },
      });
      const rounds: BackupStatus['status'][] = [
        'ok',
        'breached',
        'ok',
        'failing',
        'ok',
      ];
      for (const status of rounds) {
        await backend.ops.backupRound([backupStatus(status)]);
      }
      expect(await h.countsOf(backend)).toEqual([0, 0, 0]);
    });

    it('Japanese texts with ops.notifications.locale: ja (failing, recovered)', async () => {
      const backend = await h.start(entities, {
        ops: { notifications: { locale: 'ja' } },
      });
      await backend.ops.backupRound([backupStatus('failing')]);
      await backend.ops.backupRound([backupStatus('ok')]);
      const payloads = (await backend.notificationsOf(MEMBERS[0])).map(
        n => n.payload,
      );
      expect(payloads).toHaveLength(2);
      expect(payloads).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            title:
              'バックアップ nightly（backuppolicy:default/payments-db）が failing です',
            description: 'RPO とバックアップの実行結果を確認してください。',
          }),
          expect.objectContaining({
            title:
              'バックアップ nightly（backuppolicy:default/payments-db）が回復しました',
            description: '最新のバックアップは RPO 内です。',
          }),
        ]),
      );
    });

    if (id.startsWith('POSTGRES')) {
      it('two backend instances on one PostgreSQL: one notification per member for a target first seen breached, one for its recovery, one for the next failure', async () => {
        const [a, b] = [await h.start(entities), await h.start(entities)];
        // Both replicas read the same target in the same round, at once.
        const bothRound = (status: BackupStatus['status']) =>
          Promise.all(
            [a, b].map(r => r.ops.backupRound([backupStatus(status)])),
          );
        // Nothing recorded yet: both try to record it first.
        await bothRound('breached');
        expect(await h.countsOf(a)).toEqual([1, 1, 0]);
        await bothRound('breached');
        await bothRound('ok');
        expect(await h.countsOf(b)).toEqual([2, 2, 0]);
        await bothRound('failing');
        expect(await h.countsOf(a)).toEqual([3, 3, 0]);
      });
    }
  },
);
