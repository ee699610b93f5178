import { ConfigReader } from '@backstage/config';
import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  BackupPolicyEntity,
  BackupTarget,
  evaluateBackupTarget,
} from '@unyo/plugin-ops-common';
// The core's monitor, store and service, read from its source: this test
// follows a reading from s3rver to what the API answers.
import { BackupMonitor } from '@unyo/plugin-ops-backend/src/backups/BackupMonitor';
import { DatabaseBackupStore } from '@unyo/plugin-ops-backend/src/backups/DatabaseBackupStore';
import { DefaultBackupService } from '@unyo/plugin-ops-backend/src/backups/DefaultBackupService';
import { BackupSourceConnection } from '@unyo/plugin-ops-node';
import { S3Reader } from './S3Reader';
import {
  S3RVER_CREDENTIALS,
  startS3rver,
  TestS3,
} from './__testUtils__/s3rver';

const HOUR = 3600 * 1000;
// 12:30 in Tokyo.
const now = new Date('2026-01-10T03:30:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

const target: BackupTarget = {
  name: 'event-store-dump',
  type: 'full',
  schedule: { cron: '0 * * * *', timezone: 'Asia/Tokyo' },
  retention: '7d',
  source: {
    type: 's3',
    connection: 'backups',
    bucket: 'backup-bucket',
    prefix: 'event_store_',
    pattern: '\\.sql$',
  },
};

function policy(rpo: string): BackupPolicyEntity {
  return {
    apiVersion: 'unyo.dev/v1alpha1',
    kind: 'BackupPolicy',
    metadata: { name: 'elixir-cqrs-db-backups', namespace: 'default' },
    spec: {
      owner: 'group:default/elixir-cqrs-team',
      protects: ['resource:default/elixir-cqrs-event-store-db'],
      rpo,
      rto: '4h',
      targets: [target],
    },
  };
}

describe('S3Reader against s3rver', () => {
  let s3: TestS3;
  let connection: BackupSourceConnection;
  const reader = new S3Reader({ logger: mockServices.logger.mock() });

  beforeAll(async () => {
    s3 = await startS3rver();
    connection = {
      name: 'backups',
      type: 's3',
      config: new ConfigReader({
        type: 's3',
        endpoint: s3.endpoint,
        region: 'us-east-1',
        forcePathStyle: true,
        ...S3RVER_CREDENTIALS,
      }),
    };
    await s3.createBucket('backup-bucket');
    // Hourly dumps at hh:05 for the last ten hours: 03:05 back to 18:05.
    for (let i = 0; i < 10; i++) {
      const at = new Date(Date.UTC(2026, 0, 10, 3 - i, 5));
      await s3.putObject(
        'backup-bucket',
        `event_store_${at.toISOString().slice(0, 13)}.sql`,
        at,
      );
    }
    // Two dumps older than the 7-day retention.
    await s3.putObject(
      'backup-bucket',
      'event_store_old1.sql',
      ago(8 * 24 * HOUR),
    );
    await s3.putObject(
      'backup-bucket',
      'event_store_old2.sql',
      ago(9 * 24 * HOUR),
    );
    // Newer, but not matching the prefix or the pattern.
    await s3.putObject(
      'backup-bucket',
      'event_store_upload.sql.part',
      ago(60_000),
    );
    await s3.putObject('backup-bucket', 'query_db_latest.sql', ago(60_000));
  }, 30_000);
  afterAll(async () => {
    await s3.stop();
  });

  it('lists matching objects newest first, LastModified as written', async () => {
    const reading = await reader.read({
      policy: policy('1h'),
      target,
      connection,
      now,
    });
    expect(reading.copies).toHaveLength(12);
    expect(reading.copies[0]).toMatchObject({
      status: 'succeeded',
      type: 'full',
      finishedAt: new Date('2026-01-10T03:05:00Z'),
      sizeBytes: 4,
      location: 's3://backup-bucket/event_store_2026-01-10T03.sql',
    });
    expect(reading.copies[11].finishedAt).toEqual(ago(9 * 24 * HOUR));
    expect(reading.details).toMatchObject({
      bucket: 'backup-bucket',
      objectsListed: 13,
    });
  });

  it('pages through the listing and stops at maxObjects', async () => {
    const paged = new S3Reader({
      logger: mockServices.logger.mock(),
      pageSize: 3,
    });
    const all = await paged.read({
      policy: policy('1h'),
      target,
      connection,
      now,
    });
    // 13 objects under the prefix, five pages of three.
    expect(all.copies).toHaveLength(12);
    expect(all.details).toMatchObject({ objectsListed: 13 });
    const small = {
      ...connection,
      config: new ConfigReader({
        ...(connection.config.get() as object),
        maxObjects: 5,
      }),
    };
    const cut = await paged.read({
      policy: policy('1h'),
      target,
      connection: small,
      now,
    });
    expect(cut.details).toMatchObject({ objectsListed: 5, truncated: true });
  });

  it('gives the expected age, retention count and status', async () => {
    const reading = await reader.read({
      policy: policy('1h'),
      target,
      connection,
      now,
    });
    const facts = { rpo: '1h', rto: '4h', protects: [] };
    const status = evaluateBackupTarget({
      policyRef: 'backuppolicy:default/elixir-cqrs-db-backups',
      policy: facts,
      target,
      reading: { value: reading, checkedAt: now },
      now,
    });
    expect(status).toMatchObject({
      lastSuccessAt: '2026-01-10T03:05:00.000Z',
      ageSeconds: 25 * 60,
      rpoSeconds: 3600,
      status: 'ok',
      // 168 hourly runs in 7 days; 10 dumps inside them, 2 older.
      retention: { expected: 168, found: 10 },
      nextDueAt: '2026-01-10T04:00:00.000Z',
    });
    // Fifty minutes later the 04:00 dump has not come: past the RPO.
    const later = new Date(now.getTime() + 50 * 60 * 1000);
    expect(
      evaluateBackupTarget({
        policyRef: 'backuppolicy:default/elixir-cqrs-db-backups',
        policy: facts,
        target,
        reading: { value: reading, checkedAt: later },
        now: later,
      }),
    ).toMatchObject({ ageSeconds: 75 * 60, status: 'breached' });
    // Under a 1 d RPO the same is only late.
    expect(
      evaluateBackupTarget({
        policyRef: 'backuppolicy:default/elixir-cqrs-db-backups',
        policy: { ...facts, rpo: '1d' },
        target,
        reading: { value: reading, checkedAt: later },
        now: later,
      }).status,
    ).toBe('late');
  });

  it('names a missing bucket and a bad pattern', async () => {
    await expect(
      reader.read({
        policy: policy('1h'),
        target: {
          ...target,
          source: { ...target.source, bucket: 'no-such-bucket' },
        },
        connection,
        now,
      }),
    ).rejects.toThrow(/bucket/i);
    await expect(
      reader.read({
        policy: policy('1h'),
        target: { ...target, source: { ...target.source, pattern: '(' } },
        connection,
        now,
      }),
    ).rejects.toThrow('source.pattern is not a regular expression');
  });
});

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'backup task and service over s3rver on %s',
  id => {
    let s3: TestS3;
    beforeAll(async () => {
      s3 = await startS3rver();
      await s3.createBucket('backup-bucket');
      for (let i = 0; i < 3; i++) {
        await s3.putObject(
          'backup-bucket',
          `event_store_${i}.sql`,
          ago((i + 0.5) * HOUR),
        );
      }
    }, 30_000);
    afterAll(async () => {
      await s3.stop();
    });

    it('stores the reading; when s3 goes down, shows the last one with its error and age', async () => {
      const knex = await databases.init(id);
      const store = await DatabaseBackupStore.create({
        database: mockServices.database({ knex }),
      });
      const entity = policy('1h');
      const catalog = catalogServiceMock({ entities: [entity] });
      const connections: BackupSourceConnection[] = [
        {
          name: 'backups',
          type: 's3',
          config: new ConfigReader({
            type: 's3',
            endpoint: s3.endpoint,
            forcePathStyle: true,
            ...S3RVER_CREDENTIALS,
          }),
        },
      ];
      const readers = new Map([
        ['s3' as const, new S3Reader({ logger: mockServices.logger.mock() })],
      ]);
      let clock = now;
      const options = {
        catalog,
        auth: mockServices.auth(),
        store,
        readers,
        connections,
        now: () => clock,
      };
      const monitor = new BackupMonitor({
        ...options,
        logger: mockServices.logger.mock(),
        timeoutMs: 5000,
      });
      const service = new DefaultBackupService({
        ...options,
        notReadYetMessage: 'Not read yet',
      });
      const list = async () =>
        (
          await service.listForEntity(
            'backuppolicy:default/elixir-cqrs-db-backups',
            mockCredentials.user(),
          )
        ).items;

      expect((await list())[0]).toMatchObject({
        status: 'unknown',
        message: 'Not read yet',
      });

      expect(await monitor.readAll()).toMatchObject({ targets: 1, errors: 0 });
      expect((await list())[0]).toMatchObject({
        policyRef: 'backuppolicy:default/elixir-cqrs-db-backups',
        target: 'event-store-dump',
        source: { type: 's3', connection: 'backups' },
        lastSuccessAt: ago(0.5 * HOUR).toISOString(),
        ageSeconds: 1800,
        rpoSeconds: 3600,
        status: 'ok',
        retention: { expected: 168, found: 3 },
        lastRestoreTestAt: null,
        checkedAt: now.toISOString(),
      });

      await s3.takeDown();
      clock = new Date(now.getTime() + HOUR);
      expect(await monitor.readAll()).toMatchObject({ targets: 1, errors: 1 });
      const down = (await list())[0];
      expect(down).toMatchObject({
        // The last good reading, judged now: 1 h 30 min old.
        lastSuccessAt: ago(0.5 * HOUR).toISOString(),
        ageSeconds: 5400,
        status: 'breached',
        retention: { expected: 168, found: 3 },
        checkedAt: now.toISOString(),
        staleSeconds: 3600,
      });
      expect(down.sourceError).toMatch(/ECONNREFUSED|connect/i);

      await s3.bringUp();
      expect(await monitor.readAll()).toMatchObject({ errors: 0 });
      const back = (await list())[0];
      expect(back.sourceError).toBeUndefined();
      expect(back.checkedAt).toBe(clock.toISOString());
    }, 60_000);
  },
);
