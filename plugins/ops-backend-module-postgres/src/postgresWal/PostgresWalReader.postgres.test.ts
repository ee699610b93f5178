import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  evaluateBackupTarget,
  type BackupPolicyEntity,
} from '@unyo/plugin-ops-common';
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { chown, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort } from '@internal/ops-test-utils';
import type { BackupReadRequest, BackupReading } from '@unyo/plugin-ops-node';
import { PostgresWalReader } from './PostgresWalReader';
import {
  PG_BIN,
  startTempCluster,
  type TempCluster,
} from './__testUtils__/tempCluster';

jest.setTimeout(60_000);

const policy: BackupPolicyEntity = {
  apiVersion: 'unyo.dev/v1alpha1',
  kind: 'BackupPolicy',
  metadata: { name: 'wal-test', namespace: 'default' },
  spec: {
    owner: 'group:default/sre',
    protects: ['resource:default/db'],
    rpo: '5m',
    targets: [
      {
        name: 'wal',
        type: 'wal',
        source: { type: 'postgres-wal', connection: 'db' },
      },
    ],
  },
};

function request(
  config: object,
  extra: Partial<BackupReadRequest> = {},
): BackupReadRequest {
  return {
    policy,
    target: policy.spec.targets[0],
    connection: {
      name: 'db',
      type: 'postgres-wal',
      config: new ConfigReader(config),
    },
    now: new Date(),
    ...extra,
  };
}

async function until(
  read: () => Promise<BackupReading>,
  done: (reading: BackupReading) => boolean,
  what: string,
): Promise<BackupReading> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const reading = await read();
    if (done(reading)) return reading;
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out waiting for ${what}: ${JSON.stringify(reading)}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

async function postgresOwner(): Promise<[number, number]> {
  const { uid, gid } = statSync('/var/lib/postgresql');
  return [uid, gid];
}

describe('PostgresWalReader (real PostgreSQL with WAL archiving to a local directory)', () => {
  let cluster: TempCluster;
  const reader = new PostgresWalReader({ logger: mockServices.logger.mock() });

  beforeAll(async () => {
    cluster = await startTempCluster({
      dirs: ['archive'],
      archiveCommand: dir => `cp %p ${join(dir, 'archive')}/%f`,
    });
  });

  afterAll(async () => {
    await reader.close();
    await cluster?.stop();
  });

  it('follows archiving, then reports the failures once archiving breaks', async () => {
    const read = () => reader.read(request({ connection: cluster.connection }));

    const first = await read();
    expect(first.details).toMatchObject({
      archiveMode: 'on',
      inRecovery: false,
      standbys: 0,
    });
    const before = first.lastSuccessAt?.getTime() ?? 0;

    await cluster.psql(
      'CREATE TABLE filler AS SELECT g FROM generate_series(1, 10000) g; SELECT pg_switch_wal();',
    );
    const evaluate = (reading: BackupReading, now: Date) =>
      evaluateBackupTarget({
        policyRef: 'backuppolicy:default/wal-test',
        policy: { ...policy.spec, protects: policy.spec.protects },
        target: policy.spec.targets[0],
        reading: { value: reading, checkedAt: now },
        now,
      });
    const rpoMs = 5 * 60 * 1000;

    const archived = await until(
      read,
      r => (r.lastSuccessAt?.getTime() ?? 0) > before,
      'the switched WAL segment to be archived',
    );
    const wal = archived.details?.lastArchivedWal as string;
    expect(wal).toMatch(/^[0-9A-F]{24}$/);
    // The reader's facts match what is on disk.
    expect(existsSync(join(cluster.dir, 'archive', wal))).toBe(true);
    expect(archived.warning).toBeUndefined();
    expect(archived.lastFailureAt).toBeNull();
    expect(evaluate(archived, new Date()).status).toBe('ok');

    // Archiving advances with each switched segment.
    await cluster.psql(
      'INSERT INTO filler SELECT g FROM generate_series(1, 1000) g; SELECT pg_switch_wal();',
    );
    const next = await until(
      read,
      r => r.details?.lastArchivedWal !== wal,
      'the next segment to be archived',
    );
    expect(next.lastSuccessAt!.getTime()).toBeGreaterThanOrEqual(
      archived.lastSuccessAt!.getTime(),
    );
    expect(
      (next.details?.archivedCount as number) >
        (archived.details?.archivedCount as number),
    ).toBe(true);

    // Break archiving: every attempt now fails and PostgreSQL keeps retrying.
    await cluster.psql(`ALTER SYSTEM SET archive_command = 'false'`);
    await cluster.reload();
    await cluster.psql(
      'INSERT INTO filler SELECT g FROM generate_series(1, 1000) g; SELECT pg_switch_wal();',
    );
    const failing = await until(
      read,
      r => r.lastFailureAt !== null && r.lastFailureAt !== undefined,
      'the archiver to report a failure',
    );
    expect(failing.lastSuccessAt).toEqual(next.lastSuccessAt);
    expect(failing.lastFailureAt!.getTime()).toBeGreaterThan(
      failing.lastSuccessAt!.getTime(),
    );
    expect(failing.warning).toMatch(
      /WAL archiving is failing: [0-9A-F]{24} failed at/,
    );
    expect(failing.details?.failedCount).toBeGreaterThan(0);

    // Within the RPO the failures make the target `failing`; once archiving
    // has been stopped for longer than the RPO it is `breached`.
    const lastGood = failing.lastSuccessAt!.getTime();
    expect(evaluate(failing, new Date(lastGood + 60_000)).status).toBe(
      'failing',
    );
    const breached = evaluate(failing, new Date(lastGood + rpoMs + 1000));
    expect(breached.status).toBe('breached');
    expect(breached.ageSeconds).toBe(301);
    expect(breached.lastSuccessAt).toBe(failing.lastSuccessAt!.toISOString());
  });

  it('reports a standby of pg_stat_replication', async () => {
    // A streaming client (pg_receivewal) appears in pg_stat_replication as a standby does.
    await mkdir(join(cluster.dir, 'received'));
    await chown(join(cluster.dir, 'received'), ...(await postgresOwner()));
    const receiver = spawn(
      'runuser',
      [
        '-u',
        'postgres',
        '--',
        `${PG_BIN}/pg_receivewal`,
        '-D',
        join(cluster.dir, 'received'),
        '-h',
        cluster.socketDir,
        '-p',
        String(cluster.port),
        '-U',
        'postgres',
        '--no-loop',
        '--status-interval=1',
      ],
      { stdio: 'ignore' },
    );
    try {
      const reading = await until(
        () => reader.read(request({ connection: cluster.connection })),
        r => r.details?.standbys === 1,
        'pg_receivewal to stream',
      );
      expect(reading.details?.['state[pg_receivewal]']).toBe('streaming');
      const lag = reading.details?.['replayLagSeconds[pg_receivewal]'];
      expect(Object.keys(reading.details!)).toContain(
        'replayLagSeconds[pg_receivewal]',
      );
      expect(lag === null || (typeof lag === 'number' && lag >= 0)).toBe(true);
      expect(reading.details?.maxReplayLagSeconds).toBe(lag);
    } finally {
      receiver.kill('SIGTERM');
    }
  });

  it('keeps one pool per connection and closes it', async () => {
    const own = new PostgresWalReader({ logger: mockServices.logger.mock() });
    const sessions = async () =>
      (
        await cluster.psql(
          "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'unyo-backups'",
        )
      ).trim();
    // The suite's shared reader may hold a session of its own.
    const before = Number(await sessions());
    await own.read(request({ connection: cluster.connection }));
    await own.read(request({ connection: cluster.connection }));
    // Both reads reused the pool's idle session.
    expect(Number(await sessions())).toBe(before + 1);
    await own.close();
    await until(
      async () => ({ copies: [], details: { sessions: await sessions() } }),
      r => Number(r.details?.sessions) === before,
      'the pool to close its session',
    );
  });

  it('names the connection when the server cannot be reached', async () => {
    const port = await freePort();
    await expect(
      reader.read(
        request({
          connection: { host: '127.0.0.1', port, user: 'postgres' },
          timeout: '2s',
        }),
      ),
    ).rejects.toThrow(/PostgreSQL 'db' could not be reached: .*ECONNREFUSED/);
  });

  it('rejects a connection setting that is neither a string nor an object', async () => {
    await expect(reader.read(request({ connection: 5 }))).rejects.toThrow(
      'ops.backups.sources.db.connection must be a connection string or { host, port, user, password, database }',
    );
  });

  it('stops reading when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      reader.read(
        request(
          { connection: cluster.connection },
          { signal: controller.signal },
        ),
      ),
    ).rejects.toThrow(/abort/i);
  });
});
