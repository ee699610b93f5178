import { ConfigReader } from '@backstage/config';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { BackupPolicyEntity } from '@unyo/plugin-ops-common';
import { BackupReadRequest, BackupSourceReader } from '@unyo/plugin-ops-node';
import { startTestHttpServer, TestHttpServer } from '@internal/ops-test-utils';
import { readingKey } from './BackupStore';
import { BackupMonitor } from './BackupMonitor';
import { condenseReading, MAX_STORED_COPIES } from './condenseReading';
import { DatabaseBackupStore } from './DatabaseBackupStore';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const now = new Date('2026-11-23T03:00:00Z');

const policy: BackupPolicyEntity = {
  apiVersion: 'unyo.dev/v1alpha1',
  kind: 'BackupPolicy',
  metadata: { name: 'images', namespace: 'default' },
  spec: {
    owner: 'group:default/infra',
    protects: ['resource:default/images'],
    rpo: '1d',
    targets: [
      {
        name: 'replica',
        source: { type: 's3', connection: 'hung', bucket: 'replica' },
      },
      {
        name: 'elsewhere',
        source: { type: 's3', connection: 'unset', bucket: 'replica' },
      },
      { name: 'pushed', source: { type: 'push' } },
    ],
  },
};

/** Reads `s3` targets by asking the connection's endpoint, which may never answer. */
const httpReader: BackupSourceReader = {
  type: 's3',
  async read({ connection, signal }: BackupReadRequest) {
    await fetch(connection!.config.getString('endpoint'), { signal });
    return { copies: [] };
  },
};

describe('BackupMonitor', () => {
  let hung: TestHttpServer;
  beforeAll(async () => {
    // An S3 endpoint that accepts the request and never answers.
    hung = await startTestHttpServer(() => {});
  });
  afterAll(async () => {
    await hung.close();
  });

  it('times out a source that hangs, names a missing connection, skips push targets', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await DatabaseBackupStore.create({
      database: mockServices.database({ knex }),
    });
    const monitor = new BackupMonitor({
      catalog: catalogServiceMock({ entities: [policy] }),
      auth: mockServices.auth(),
      store,
      readers: new Map([['s3', httpReader]]),
      connections: [
        {
          name: 'hung',
          type: 's3',
          config: new ConfigReader({
            type: 's3',
            endpoint: hung.url,
            forcePathStyle: true,
            accessKeyId: 'a',
            secretAccessKey: 'b',
          }),
        },
      ],
      logger: mockServices.logger.mock(),
      timeoutMs: 500,
      now: () => now,
    });
    const started = Date.now();
    expect(await monitor.readAll()).toMatchObject({
      policies: 1,
      targets: 2,
      errors: 2,
    });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(hung.requests.length).toBeGreaterThan(0);
    const readings = await store.getReadings(['backuppolicy:default/images']);
    expect(
      readings.get(readingKey('backuppolicy:default/images', 'replica'))?.error,
    ).toBe('Timed out after 500 ms');
    expect(
      readings.get(readingKey('backuppolicy:default/images', 'elsewhere'))
        ?.error,
    ).toBe(
      'Connection "unset" is not configured: set ops.backups.sources.unset',
    );
    expect(
      readings.has(readingKey('backuppolicy:default/images', 'pushed')),
    ).toBe(false);
  });
});

describe('condenseReading', () => {
  it('keeps the newest copies and the counts of all', () => {
    const copies = Array.from({ length: MAX_STORED_COPIES + 500 }, (_, i) => ({
      status: i === 3 ? ('failed' as const) : ('succeeded' as const),
      // One an hour, oldest first, the newest an hour before now.
      finishedAt: new Date(
        now.getTime() - (MAX_STORED_COPIES + 500 - i) * 3600_000,
      ),
    }));
    const target = {
      name: 'replica',
      source: { type: 's3' as const, bucket: 'b' },
    };
    const condensed = condenseReading({ copies }, target, now);
    expect(condensed.copies).toHaveLength(MAX_STORED_COPIES);
    expect(condensed.copies[0].finishedAt).toEqual(
      new Date(now.getTime() - 3600_000),
    );
    expect(condensed.lastSuccessAt).toEqual(new Date(now.getTime() - 3600_000));
    expect(condensed.lastFailureAt).toEqual(copies[3].finishedAt);
    // No retention: every good copy counts.
    expect(condensed.retentionFound).toBe(MAX_STORED_COPIES + 499);
    const small = { copies: copies.slice(0, 3) };
    expect(condenseReading(small, target, now)).toBe(small);
  });
});
