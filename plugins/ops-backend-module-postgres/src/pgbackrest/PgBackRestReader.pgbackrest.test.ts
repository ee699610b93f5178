import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  evaluateBackupTarget,
  nextFireTime,
  type BackupPolicyEntity,
  type BackupTarget,
} from '@unyo/plugin-ops-common';
import { join } from 'node:path';
import type { BackupReadRequest } from '@unyo/plugin-ops-node';
import {
  runAsPostgres,
  startTempCluster,
  type TempCluster,
} from '../postgresWal/__testUtils__/tempCluster';
import { PgBackRestReader } from './PgBackRestReader';

jest.setTimeout(90_000);

const STANZA = 'demo';

function policyWith(targets: BackupTarget[]): BackupPolicyEntity {
  return {
    apiVersion: 'unyo.dev/v1alpha1',
    kind: 'BackupPolicy',
    metadata: { name: 'pgbackrest-test', namespace: 'default' },
    spec: {
      owner: 'group:default/sre',
      protects: ['resource:default/db'],
      rpo: '6h',
      targets,
    },
  };
}

describe('PgBackRestReader (real pgBackRest 2.45 on a local PostgreSQL cluster)', () => {
  let cluster: TempCluster;
  let conf: string;
  const reader = new PgBackRestReader({ logger: mockServices.logger.mock() });
  const times: Record<string, Date> = {};

  // The repository belongs to postgres; the reader runs pgBackRest as that
  // user through runuser (a program and its arguments, not a shell).
  const connection = (extra: object = {}) => ({
    name: 'pgbr',
    type: 'pgbackrest',
    config: new ConfigReader({
      command: ['runuser', '-u', 'postgres', '--', 'pgbackrest'],
      configFile: conf,
      timeout: '20s',
      ...extra,
    }),
  });

  const read = (
    target: BackupTarget,
    policy = policyWith([target]),
    extra: Partial<BackupReadRequest> = {},
  ) =>
    reader.read({
      policy,
      target,
      connection: connection(),
      now: new Date(),
      ...extra,
    });

  const pgbackrest = (...args: string[]) =>
    runAsPostgres('pgbackrest', [
      `--config=${conf}`,
      `--stanza=${STANZA}`,
      ...args,
    ]);

  beforeAll(async () => {
    cluster = await startTempCluster({
      dirs: ['repo', 'lock', 'log', 'spool'],
      archiveCommand: dir =>
        `pgbackrest --config=${join(
          dir,
          'pgbackrest.conf',
        )} --stanza=${STANZA} archive-push %p`,
      files: (dir, port) => ({
        'pgbackrest.conf': [
          '[global]',
          `repo1-path=${join(dir, 'repo')}`,
          'repo1-retention-full=4',
          `lock-path=${join(dir, 'lock')}`,
          `log-path=${join(dir, 'log')}`,
          `spool-path=${join(dir, 'spool')}`,
          'log-level-console=error',
          'start-fast=y',
          `[${STANZA}]`,
          `pg1-path=${join(dir, 'data')}`,
          `pg1-port=${port}`,
          `pg1-socket-path=${join(dir, 'sock')}`,
          'pg1-user=postgres',
          '',
        ].join('\n'),
      }),
    });
    conf = join(cluster.dir, 'pgbackrest.conf');
    await pgbackrest('stanza-create');
    times.beforeFull = new Date(Math.floor(Date.now() / 1000) * 1000);
    await pgbackrest('--type=full', 'backup');
    times.afterFull = new Date();
    await cluster.psql(
      'CREATE TABLE t AS SELECT g FROM generate_series(1, 1000) g',
    );
    await pgbackrest('--type=diff', 'backup');
    times.afterDiff = new Date();
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  it('lists the full and the differential backup with their types and times', async () => {
    const full: BackupTarget = {
      name: 'full-daily',
      type: 'full',
      source: { type: 'pgbackrest', connection: 'pgbr', stanza: STANZA },
    };
    const diff: BackupTarget = {
      name: 'differential',
      type: 'differential',
      source: { type: 'pgbackrest', connection: 'pgbr', stanza: STANZA },
    };

    const fullReading = await read(full);
    expect(fullReading.copies).toHaveLength(1);
    const [fullCopy] = fullReading.copies;
    expect(fullCopy).toMatchObject({ type: 'full', status: 'succeeded' });
    expect(fullCopy.location).toMatch(/^\d{8}-\d{6}F$/);
    expect(fullCopy.startedAt!.getTime()).toBeGreaterThanOrEqual(
      times.beforeFull.getTime(),
    );
    expect(fullCopy.finishedAt.getTime()).toBeLessThanOrEqual(
      times.afterFull.getTime(),
    );
    expect(fullCopy.startedAt!.getTime()).toBeLessThanOrEqual(
      fullCopy.finishedAt.getTime(),
    );
    expect(fullReading.retentionFound).toBe(1);
    expect(fullReading.details).toMatchObject({
      stanza: STANZA,
      stanzaStatus: 'ok',
      backupRunning: false,
      pgVersion: '15',
    });
    expect(fullReading.details?.archiveMax).toMatch(/^[0-9A-F]{24}$/);

    const diffReading = await read(diff);
    expect(diffReading.copies.map(c => c.type)).toEqual([
      'differential',
      'full',
    ]);
    const [diffCopy] = diffReading.copies;
    expect(diffCopy.location).toBe(
      `${fullCopy.location}_${diffCopy.location!.split('_')[1]}`,
    );
    expect(diffCopy.location).toMatch(/D$/);
    expect(diffCopy.finishedAt.getTime()).toBeGreaterThanOrEqual(
      fullCopy.finishedAt.getTime(),
    );
    expect(diffCopy.finishedAt.getTime()).toBeLessThanOrEqual(
      times.afterDiff.getTime(),
    );
    expect(diffReading.retentionFound).toBe(1);
  });

  it('makes a policy needing a daily full `late` once the next daily full is missing', async () => {
    const first = await read({
      name: 'probe',
      type: 'full',
      source: { type: 'pgbackrest', connection: 'pgbr', stanza: STANZA },
    });
    const fullAt = first.copies[0].finishedAt;
    // A daily cron that fires within the hour after the full backup, so the
    // full is the one before that fire time and the next one is missing.
    const schedule = {
      cron: `0 ${(fullAt.getUTCHours() + 1) % 24} * * *`,
      timezone: 'UTC',
    };
    const target: BackupTarget = {
      name: 'full-daily',
      type: 'full',
      schedule,
      retention: '30d',
      source: { type: 'pgbackrest', connection: 'pgbr', stanza: STANZA },
    };
    const policy = policyWith([target]);
    const reading = await read(target, policy);
    const fire = nextFireTime(schedule, fullAt)!;
    const evaluate = (now: Date) =>
      evaluateBackupTarget({
        policyRef: 'backuppolicy:default/pgbackrest-test',
        policy: policy.spec,
        target,
        reading: { value: reading, checkedAt: now },
        now,
      });

    expect(evaluate(new Date(fire.getTime() - 60_000)).status).toBe('ok');
    // Daily runs get 2 hours of grace; past it the missing full is late
    // (the RPO still holds: the last full is less than a day old).
    const late = evaluate(new Date(fire.getTime() + 2 * 3600_000 + 60_000));
    expect(late.status).toBe('late');
    expect(late.message).toContain(fire.toISOString());
    expect(late.lastSuccessAt).toBe(fullAt.toISOString());
    expect(late.retention.found).toBe(1);
  });

  it('rejects a stanza from the catalog that could smuggle options, naming the field', async () => {
    const target: BackupTarget = {
      name: 'bad',
      type: 'full',
      source: {
        type: 'pgbackrest',
        connection: 'pgbr',
        stanza: 'demo --repo1-path=/',
      },
    };
    const policy = policyWith([
      { name: 'ok', source: { type: 'push' } },
      target,
    ]);
    await expect(read(target, policy)).rejects.toThrow(
      "spec.targets[1].source.stanza must match [A-Za-z0-9_.-]+, got 'demo --repo1-path=/'",
    );
  });

  it('fails naming pgBackRest status for a stanza the repository lacks', async () => {
    await expect(
      read({
        name: 'x',
        type: 'full',
        source: { type: 'pgbackrest', connection: 'pgbr', stanza: 'missing' },
      }),
    ).rejects.toThrow(
      "pgBackRest stanza 'missing': missing stanza path (status code 1)",
    );
  });

  it('reports pgBackRest errors, a missing program and a timeout', async () => {
    const target: BackupTarget = {
      name: 'full',
      type: 'full',
      source: { type: 'pgbackrest', connection: 'pgbr', stanza: STANZA },
    };
    const policy = policyWith([target]);
    const withConnection = (extra: object) =>
      reader.read({
        policy,
        target,
        connection: connection(extra),
        now: new Date(),
      });

    await expect(
      withConnection({ configFile: join(cluster.dir, 'absent.conf') }),
    ).rejects.toThrow(
      /^pgBackRest info failed \(exit code \d+\): ERROR: \[\d+\]/,
    );
    await expect(
      withConnection({ command: '/nonexistent/pgbackrest' }),
    ).rejects.toThrow(
      "pgBackRest command '/nonexistent/pgbackrest' was not found",
    );
    await expect(
      withConnection({
        command: ['bash', '-c', 'sleep 10', 'sleeper'],
        timeout: '1s',
      }),
    ).rejects.toThrow('pgBackRest info timed out after 1 s');

    const controller = new AbortController();
    const pending = reader.read({
      policy,
      target,
      connection: connection({
        command: ['bash', '-c', 'sleep 10', 'sleeper'],
      }),
      now: new Date(),
      signal: controller.signal,
    });
    controller.abort();
    await expect(pending).rejects.toThrow('pgBackRest info was aborted');
  });

  it('rejects connection options that are not pgBackRest options', async () => {
    const target: BackupTarget = {
      name: 'full',
      type: 'full',
      source: { type: 'pgbackrest', connection: 'pgbr', stanza: STANZA },
    };
    await expect(
      reader.read({
        policy: policyWith([target]),
        target,
        connection: connection({ options: ['--repo1-path=/x', 'backup'] }),
        now: new Date(),
      }),
    ).rejects.toThrow(
      "ops.backups.sources.pgbr.options[1] must be a pgBackRest option such as --repo1-path=/backups, got 'backup'",
    );
  });
});
