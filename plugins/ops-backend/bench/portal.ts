/*
 * The real portal for the full-app report benchmark: packages/backend,
 * serving the built packages/app, started as scripts/e2e.sh and
 * packages/app/e2e-tests/replicas.test.ts start it (`yarn workspace backend
 * start` with an extra config), on a free port, with databases of its own on
 * the local PostgreSQL under a prefix (one database per plugin). Every
 * process and database it makes goes on exit, on a signal, and through a
 * detached reaper if this process is killed outright.
 */
import { execFileSync, spawn } from 'node:child_process';
import { openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort } from '@internal/ops-test-utils';

export const ROOT = resolve(__dirname, '../../..');
const PSQL = ['-h', '127.0.0.1', '-U', 'postgres', '-Atc'];

/** The database Backstage gives a plugin under `backend.database.prefix`. */
export function pluginDatabaseUrl(prefix: string, pluginId: string): string {
  return `postgresql://postgres@127.0.0.1:5432/${prefix}${pluginId}`;
}

/** Drops every database whose name starts with `prefix` (synchronous: usable on exit). */
export function dropDatabases(prefix: string): string[] {
  const names = execFileSync('psql', [
    ...PSQL,
    `select datname from pg_database where starts_with(datname, '${prefix}')`,
  ])
    .toString()
    .split('\n')
    .filter(Boolean);
  for (const name of names) {
    execFileSync('psql', [
      ...PSQL,
      `drop database if exists "${name}" with (force)`,
    ]);
  }
  return names;
}

/**
 * Makes sure the portal's process group and databases go however this
 * process ends. `pidFile` is where `startPortal` records the group;
 * `release()` kills it and drops the databases now.
 */
export function guardPortal(
  prefix: string,
  dir: string,
): { pidFile: string; release: () => void } {
  const pidFile = `${dir}-portal.pid`;
  let done = false;
  const kill = () => {
    if (done) return;
    done = true;
    try {
      process.kill(-Number(readFileSync(pidFile, 'utf8')), 'SIGKILL');
    } catch {
      // Not started, or already gone.
    }
    try {
      dropDatabases(prefix);
    } catch (e) {
      console.error(`cleanup: ${(e as Error).message}`);
    }
    execFileSync('rm', ['-f', pidFile]);
  };
  process.once('exit', kill);
  // Killed outright (SIGKILL), no handler runs: a detached shell does it.
  const script = [
    `while kill -0 ${process.pid} 2>/dev/null; do sleep 0.5; done`,
    '[ -f "$1" ] && kill -9 "-$(cat "$1")" 2>/dev/null',
    `for d in $(psql ${PSQL.join(
      ' ',
    )} "select datname from pg_database where starts_with(datname, '$2')"); do`,
    `  psql ${PSQL.join(' ')} "drop database if exists \\"$d\\" with (force)"`,
    'done',
    'rm -f "$1"',
  ].join('\n');
  spawn('sh', ['-c', script, 'reaper', pidFile, prefix], {
    detached: true,
    stdio: 'ignore',
  }).unref();
  return { pidFile, release: kill };
}

export interface Portal {
  origin: string;
  log: string;
  /** CPU seconds used so far by the portal's processes (its process group). */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** utime + stime of every process of a process group, in seconds. */
function groupCpuSeconds(pgid: number): number {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the command name, which is in parentheses.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended meanwhile.
    }
  }
  return ticks / 100;
}

/** Starts the backend on a free port with the generated catalog; resolves once ready. */
export async function startPortal(options: {
  dir: string;
  pidFile: string;
  prefix: string;
  catalogFile: string;
}): Promise<Portal> {
  const port = await freePort();
  // localhost, as backend.baseUrl names it: the app's API calls stay same-origin.
  const origin = `http://localhost:${port}`;
  const config = join(options.dir, 'app-config.bench.json');
  writeFileSync(
    config,
    JSON.stringify({
      app: { baseUrl: origin },
      backend: {
        baseUrl: origin,
        listen: { port },
        cors: { origin },
        database: {
          client: 'pg',
          connection: { host: '127.0.0.1', port: 5432, user: 'postgres' },
          prefix: options.prefix,
        },
      },
      // Replaces the example catalog: the report then holds exactly N SLOs.
      catalog: {
        locations: [{ type: 'file', target: options.catalogFile }],
      },
    }),
  );
  const log = join(options.dir, 'backend.log');
  const out = openSync(log, 'w');
  // No app-config.demo.yaml: no ops.prometheus, so no evaluator runs and
  // the stored daily rows are all the report reads.
  const child = spawn(
    'yarn',
    [
      'workspace',
      'backend',
      'start',
      '--config',
      '../../app-config.yaml',
      '--config',
      config,
    ],
    { cwd: ROOT, detached: true, stdio: ['ignore', out, out] },
  );
  writeFileSync(options.pidFile, String(child.pid));
  const alive = () => {
    try {
      process.kill(-child.pid!, 0);
      return true;
    } catch {
      return false;
    }
  };
  const stop = async () => {
    if (!alive()) return;
    process.kill(-child.pid!, 'SIGTERM');
    for (let k = 0; k < 100 && alive(); k++) {
      await new Promise(r => setTimeout(r, 100));
    }
    if (alive()) process.kill(-child.pid!, 'SIGKILL');
  };
  const tail = () =>
    readFileSync(log, 'utf8').split('\n').slice(-40).join('\n');
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the backend exited at startup:\n${tail()}`);
    }
    const ready = await fetch(`${origin}/.backstage/health/v1/readiness`).then(
      r => r.ok,
      () => false,
    );
    if (ready) {
      return {
        origin,
        log,
        stop,
        cpuSeconds: () => groupCpuSeconds(child.pid!),
      };
    }
    await new Promise(r => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`the backend was not ready after 600 s:\n${tail()}`);
}
