import { execFile } from 'node:child_process';
import { chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '@internal/ops-test-utils';

const run = promisify(execFile);

export const PG_BIN = '/usr/lib/postgresql/15/bin';

/** Runs a command as the `postgres` user (PostgreSQL refuses to run as root). */
export async function runAsPostgres(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<string> {
  const { stdout } = await run(
    'runuser',
    ['-u', 'postgres', '--', command, ...args],
    {
      env: { ...process.env, ...options.env },
      cwd: options.cwd ?? '/tmp',
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return stdout;
}

export interface TempCluster {
  /** The temporary directory (owned by postgres) holding data/, sock/ and whatever the test adds. */
  dir: string;
  dataDir: string;
  socketDir: string;
  port: number;
  /** A `pg` connection for the superuser over TCP (trust auth). */
  connection: { host: string; port: number; user: string; database: string };
  psql(sql: string): Promise<string>;
  reload(): Promise<void>;
  stop(): Promise<void>;
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const { stdout: uid } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

/**
 * A throw-away PostgreSQL 15 cluster on a free loopback port, with WAL
 * archiving on: `archiveCommand(dir)` gets the cluster's directory so the
 * archive can live next to it.
 */
export async function startTempCluster(options: {
  archiveCommand: (dir: string) => string;
  /** Files to create (owned by postgres) before the cluster starts, relative to dir. */
  files?: (dir: string, port: number) => Record<string, string>;
  dirs?: string[];
}): Promise<TempCluster> {
  const { uid, gid } = await postgresIds();
  const dir = await mkdtemp(join(tmpdir(), 'unyo-pg-'));
  await chown(dir, uid, gid);
  const port = await freePort();
  for (const sub of ['sock', ...(options.dirs ?? [])]) {
    await mkdir(join(dir, sub), { recursive: true });
    await chown(join(dir, sub), uid, gid);
  }
  for (const [name, content] of Object.entries(
    options.files?.(dir, port) ?? {},
  )) {
    await writeFile(join(dir, name), content);
    await chown(join(dir, name), uid, gid);
  }
  const dataDir = join(dir, 'data');
  const socketDir = join(dir, 'sock');
  await runAsPostgres(`${PG_BIN}/initdb`, [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '--no-sync',
    '--no-instructions',
  ]);
  const conf = [
    `port = ${port}`,
    `listen_addresses = '127.0.0.1'`,
    `unix_socket_directories = '${socketDir}'`,
    `wal_level = replica`,
    `archive_mode = on`,
    `archive_command = '${options.archiveCommand(dir).replace(/'/g, "''")}'`,
    `max_wal_senders = 3`,
    `fsync = off`,
    `synchronous_commit = off`,
    `full_page_writes = off`,
    `shared_buffers = 16MB`,
  ];
  await writeFile(
    join(dataDir, 'postgresql.auto.conf'),
    `${conf.join('\n')}\n`,
  );
  await chown(join(dataDir, 'postgresql.auto.conf'), uid, gid);
  await runAsPostgres(`${PG_BIN}/pg_ctl`, [
    '-D',
    dataDir,
    '-l',
    join(dir, 'postgres.log'),
    '-w',
    '-t',
    '30',
    'start',
  ]);

  const psql = (sql: string) =>
    runAsPostgres(`${PG_BIN}/psql`, [
      '-h',
      socketDir,
      '-p',
      String(port),
      '-U',
      'postgres',
      '-d',
      'postgres',
      '-X',
      '-q',
      '-A',
      '-t',
      '-v',
      'ON_ERROR_STOP=1',
      '-c',
      sql,
    ]);

  return {
    dir,
    dataDir,
    socketDir,
    port,
    connection: {
      host: '127.0.0.1',
      port,
      user: 'postgres',
      database: 'postgres',
    },
    psql,
    reload: async () => {
      await runAsPostgres(`${PG_BIN}/pg_ctl`, ['-D', dataDir, 'reload']);
    },
    stop: async () => {
      await runAsPostgres(`${PG_BIN}/pg_ctl`, [
        '-D',
        dataDir,
        '-m',
        'immediate',
        '-w',
        'stop',
      ]).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
