import { mockServices } from '@backstage/backend-test-utils';
import { readingKey } from './BackupStore';
import { DatabaseBackupStore } from './DatabaseBackupStore';
import { BackupReading } from '@unyo/plugin-ops-node';
import { createTestDatabases } from '@internal/ops-test-utils';

const databases = createTestDatabases();
const P = 'backuppolicy:default/mairust-db-backups';
const Q = 'backuppolicy:default/mairust-config-backups';

describe.each(databases.eachSupportedId())('DatabaseBackupStore on %s', id => {
  async function createStore() {
    const knex = await databases.init(id);
    return DatabaseBackupStore.create({
      database: mockServices.database({ knex }),
    });
  }
  const report = (
    policyRef: string,
    target: string,
    finishedAt: string,
    extra: object = {},
  ) => ({
    policyRef,
    target,
    status: 'succeeded' as const,
    startedAt: new Date(new Date(finishedAt).getTime() - 60_000),
    finishedAt: new Date(finishedAt),
    receivedAt: new Date('2026-11-23T00:00:00Z'),
    ...extra,
  });

  it('stores reports and lists them newest first, by target, since, limit', async () => {
    const store = await createStore();
    const stored = await store.addReport(
      report(P, 'restore-test', '2026-11-20T10:00:00Z', {
        status: 'failed',
        sizeBytes: 5_000_000_000,
        location: 's3://b/k',
        message: 'pg_restore: error',
      }),
    );
    expect(stored).toMatchObject({
      policyRef: P,
      target: 'restore-test',
      status: 'failed',
      sizeBytes: 5_000_000_000,
      location: 's3://b/k',
      message: 'pg_restore: error',
      finishedAt: new Date('2026-11-20T10:00:00Z'),
    });
    await store.addReport(report(P, 'daily-dump', '2026-11-22T10:00:00Z'));
    await store.addReport(report(P, 'daily-dump', '2026-11-21T10:00:00Z'));
    await store.addReport(report(Q, 'daily-config', '2026-11-23T10:00:00Z'));

    const all = await store.listReports([P]);
    expect(all.map(r => r.finishedAt.toISOString())).toEqual([
      '2026-11-22T10:00:00.000Z',
      '2026-11-21T10:00:00.000Z',
      '2026-11-20T10:00:00.000Z',
    ]);
    expect(
      (await store.listReports([P], { target: 'daily-dump', limit: 1 })).map(
        r => r.finishedAt.toISOString(),
      ),
    ).toEqual(['2026-11-22T10:00:00.000Z']);
    expect(
      await store.listReports([P, Q], {
        since: new Date('2026-11-21T12:00:00Z'),
      }),
    ).toHaveLength(2);
    expect(await store.pruneReports(new Date('2026-11-21T12:00:00Z'))).toBe(2);
    expect(await store.listReports([P, Q])).toHaveLength(2);
  });

  it('keeps the last good reading when a later attempt fails', async () => {
    const store = await createStore();
    const at = new Date('2026-11-23T01:00:00Z');
    await store.saveError(P, 'wal', 'connect ECONNREFUSED', at);
    let readings = await store.getReadings([P]);
    expect(readings.get(readingKey(P, 'wal'))).toEqual({
      policyRef: P,
      target: 'wal',
      reading: null,
      checkedAt: null,
      attemptedAt: at,
      error: 'connect ECONNREFUSED',
    });

    const good = new Date('2026-11-23T01:05:00Z');
    const reading: BackupReading = {
      copies: [
        {
          status: 'succeeded',
          finishedAt: new Date('2026-11-23T01:00:00Z'),
          startedAt: new Date('2026-11-23T00:59:00Z'),
          sizeBytes: 16777216,
        },
      ],
      lastSuccessAt: new Date('2026-11-23T01:04:00Z'),
      lastFailureAt: null,
      details: { archived: 42 },
    };
    await store.saveReading(P, 'wal', reading, good);
    const failed = new Date('2026-11-23T01:10:00Z');
    await store.saveError(P, 'wal', 'timed out', failed);
    readings = await store.getReadings([P, Q]);
    expect(readings.size).toBe(1);
    expect(readings.get(readingKey(P, 'wal'))).toEqual({
      policyRef: P,
      target: 'wal',
      // Dates and all, as it was saved.
      reading,
      checkedAt: good,
      attemptedAt: failed,
      error: 'timed out',
    });
  });
});
