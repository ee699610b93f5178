import { execFile, execFileSync } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Requirement, onFreePort, onPath } from '@internal/ops-test-utils';

/** The newest installed server's bin directory (Debian's layout), else PATH. */
function findBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root).sort((a, b) => Number(b) - Number(a))
    : [];
  for (const version of versions) {
    const bin = join(root, version, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) {
      return bin;
    }
  }
  return onPath('initdb') && onPath('pg_ctl') ? '' : undefined;
}

const binDir = findBinDir();

/** PostgreSQL refuses to run as root: root runs the cluster as `postgres`. */
const runAs =
  process.getuid?.() === 0
    ? (() => {
        try {
          const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
          const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
          return { uid, gid };
        } catch {
          return undefined;
        }
      })()
    : undefined;

/** A PostgreSQL server of our own to stop and start (initdb and pg_ctl). */
export const postgresServerRequirement: Requirement = {
  what: 'PostgreSQL server programs (initdb, pg_ctl; as root, a postgres user)',
  install: 'apt-get install -y postgresql',
  available:
    binDir !== undefined && (process.getuid?.() !== 0 || runAs !== undefined),
};

export interface TestPostgresCluster {
  /** `postgresql://postgres@127.0.0.1:<port>/postgres`, trust auth. */
  connectionString: string;
  /** `pg_ctl stop -m fast`: connections are cut, the port stays ours. */
  takeDown(): Promise<void>;
  /** Starts it again on the same data directory and port. */
  bringUp(): Promise<void>;
  /** Stops it and deletes its data: call in afterAll. */
  stop(): Promise<void>;
}

const run = promisify(execFile);

function program(name: string): string {
  return binDir ? join(binDir, name) : name;
}

async function asOwner(name: string, args: string[]): Promise<void> {
  try {
    await run(program(name), args, runAs ? { ...runAs, cwd: '/' } : {});
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(`${name} failed: ${stderr || stdout || error}`);
  }
}

/**
 * A private PostgreSQL cluster on a free loopback port, in a temporary
 * directory: unlike the shared test server, a test may stop it.
 */
export async function startPostgresCluster(): Promise<TestPostgresCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'ops-postgres-'));
  if (runAs) chownSync(dir, runAs.uid, runAs.gid);
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  let port = 0;

  const bringUp = async () => {
    const options = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      // A test cluster: nothing to keep across a crash.
      '-c fsync=off',
      '-c full_page_writes=off',
    ].join(' ');
    try {
      await asOwner('pg_ctl', [
        '-D',
        data,
        '-l',
        log,
        '-o',
        options,
        '-w',
        'start',
      ]);
    } catch (error) {
      const tail = existsSync(log)
        ? readFileSync(log, 'utf8').slice(-2000)
        : '';
      throw new Error(`${(error as Error).message}\n${tail}`);
    }
  };
  const takeDown = () =>
    asOwner('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);

  try {
    await asOwner('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '--no-sync',
      '--encoding=UTF8',
    ]);
    await onFreePort(async chosen => {
      port = chosen;
      await bringUp();
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    takeDown,
    bringUp,
    stop: async () => {
      await takeDown().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
