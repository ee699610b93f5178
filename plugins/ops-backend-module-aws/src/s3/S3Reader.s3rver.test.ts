import { ConfigReader } from '@backstage/config';
import {
  mockCredentials,
  startTestBackend,
  mockServices,
} from '@backstage/backend-test-utils';
import {
  coreServices,
  createServiceFactory,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import opsPlugin from '@unyo/plugin-ops-backend';
import request from 'supertest';
import { opsModuleAws } from '../module';
import {
  BackupPolicyEntity,
  BackupTarget,
  evaluateBackupTarget,
} from '@unyo/plugin-ops-common';
import { BackupSourceConnection } from '@unyo/plugin-ops-node';
import { S3Reader } from './S3Reader';
import {
  S3RVER_CREDENTIALS,
  startS3rver,
  TestS3,
} from './__testUtils__/s3rver';
import { createTestDatabases } from '@internal/ops-test-utils';

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

const databases = createTestDatabases();

/** A scheduler whose tasks the test runs when it wants, by id. */
function manualScheduler() {
  const tasks = new Map<string, () => Promise<void>>();
  const factory = createServiceFactory({
    service: coreServices.scheduler,
    deps: {},
    factory: () =>
      ({
        scheduleTask: async (task: any) => {
          tasks.set(task.id, () => task.fn(new AbortController().signal));
        },
        triggerTask: async (taskId: string) => tasks.get(taskId)?.(),
        getScheduledTasks: async () => [],
        createScheduledTaskRunner: () => ({ run: async () => {} }),
      } as unknown as SchedulerService),
  });
  return { factory, run: (taskId: string) => tasks.get(taskId)!() };
}

describe.each(databases.eachSupportedId())(
  'the ops backend with this module over s3rver on %s',
  id => {
    let s3: TestS3;
    // The dumps are written on the hour, as the hourly schedule wants: the
    // newest at the start of this hour, so the status is `ok` at any minute
    // (a dump half an hour old is late when the hour has just turned).
    const hourStart = Math.floor(Date.now() / HOUR) * HOUR;
    beforeAll(async () => {
      s3 = await startS3rver();
      await s3.createBucket('backup-bucket');
      for (let i = 0; i < 3; i++) {
        await s3.putObject(
          'backup-bucket',
          `event_store_${i}.sql`,
          new Date(hourStart - i * HOUR),
        );
      }
    }, 30_000);
    afterAll(async () => {
      await s3.stop();
    });

    it('serves the reading; when s3 goes down, the last one with its error', async () => {
      const knex = await databases.init(id);
      const scheduler = manualScheduler();
      const { server } = await startTestBackend({
        features: [
          opsPlugin,
          opsModuleAws,
          scheduler.factory,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              ops: {
                backups: {
                  sources: {
                    backups: {
                      type: 's3',
                      endpoint: s3.endpoint,
                      forcePathStyle: true,
                      ...S3RVER_CREDENTIALS,
                    },
                  },
                },
              },
            },
          }),
          catalogServiceMock.factory({ entities: [policy('1h')] }),
        ],
      });
      const list = async () =>
        (
          await request(server)
            .get('/api/ops/backups')
            .query({ entityRef: 'backuppolicy:default/elixir-cqrs-db-backups' })
            .set('Authorization', mockCredentials.user.header())
            .expect(200)
        ).body.items;

      expect((await list())[0]).toMatchObject({ status: 'unknown' });

      await scheduler.run('unyo-backup-status');
      const lastSuccessAt = new Date(hourStart).toISOString();
      expect((await list())[0]).toMatchObject({
        policyRef: 'backuppolicy:default/elixir-cqrs-db-backups',
        target: 'event-store-dump',
        source: { type: 's3', connection: 'backups' },
        lastSuccessAt,
        rpoSeconds: 3600,
        status: 'ok',
        retention: { expected: 168, found: 3 },
      });

      await s3.takeDown();
      await scheduler.run('unyo-backup-status');
      const down = (await list())[0];
      // The last good reading stays, with the error of the failed one.
      expect(down).toMatchObject({ lastSuccessAt, status: 'ok' });
      expect(down.sourceError).toMatch(/ECONNREFUSED|connect/i);

      await s3.bringUp();
      await scheduler.run('unyo-backup-status');
      expect((await list())[0].sourceError).toBeUndefined();
    }, 60_000);
  },
);
