import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// better-sqlite3 (a dependency of this backend) ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Database = require('better-sqlite3') as new (file: string) => {
  exec(sql: string): void;
  close(): void;
};

const root = resolve(__dirname, '../../..');
const yarnPath = /^yarnPath:\s*(\S+)/m.exec(
  readFileSync(join(root, '.yarnrc.yml'), 'utf8'),
)![1];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise(done => server.close(done));
  return port;
}

/**
 * The portal started as production runs it: NODE_ENV=production, the
 * production config on top of app-config.yaml, through the entrypoint of
 * `yarn workspace backend start` (not a built image: building takes minutes).
 * The database is SQLite files in a temporary directory, so the test can break
 * the ops plugin's table from outside; everything else is the real backend.
 */
describe('the backend started with NODE_ENV=production', () => {
  jest.setTimeout(240_000);
  const token = randomBytes(24).toString('hex');
  let dir: string;
  let child: ChildProcess;
  let url: string;
  let log = '';

  const get = (path: string) =>
    fetch(`${url}${path}`, { headers: { Authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'unyo-production-'));
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const override = join(dir, 'app-config.test.yaml');
    writeFileSync(
      override,
      JSON.stringify({
        backend: {
          baseUrl: url,
          listen: `127.0.0.1:${port}`,
          database: {
            client: 'better-sqlite3',
            connection: { directory: join(dir, 'db') },
          },
          auth: {
            externalAccess: [
              {
                type: 'static',
                options: { token, subject: 'production-start-test' },
              },
            ],
          },
        },
        catalog: { locations: [] },
      }),
    );
    child = spawn(
      process.execPath,
      [
        join(root, yarnPath),
        'workspace',
        'backend',
        'start',
        '--config',
        '../../app-config.yaml',
        '--config',
        '../../app-config.production.yaml',
        '--config',
        override,
      ],
      {
        cwd: root,
        env: { ...process.env, NODE_ENV: 'production' },
        stdio: ['ignore', 'pipe', 'pipe'],
        // Its own process group: yarn, backstage-cli and the backend stop together.
        detached: true,
      },
    );
    child.stdout!.on('data', chunk => {
      log += chunk;
    });
    child.stderr!.on('data', chunk => {
      log += chunk;
    });
    const deadline = Date.now() + 200_000;
    for (;;) {
      if (child.exitCode !== null) {
        throw new Error(`the backend exited:\n${log.slice(-4000)}`);
      }
      const status = await get('/api/ops/status').then(
        r => r.status,
        () => 0,
      );
      if (status === 200) break;
      if (Date.now() > deadline) {
        throw new Error(`the backend was not up in time:\n${log.slice(-4000)}`);
      }
      await new Promise(done => setTimeout(done, 1000));
    }
  });

  afterAll(async () => {
    if (child?.pid && child.exitCode === null) {
      const exited = new Promise(done => child.once('exit', done));
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers an internal error with a log id only, and logs the error with its stack and SQL under that id', async () => {
    // A database fault: the plugin's executions table is gone.
    const db = new Database(join(dir, 'db', 'ops.sqlite'));
    db.exec('DROP TABLE ops_runbook_executions');
    db.close();

    const res = await get(
      '/api/ops/executions/4f9c2b7e-0d1a-4c3e-9b8f-2a6d5e7f8091',
    );
    const text = await res.text();
    expect(res.status).toBe(500);
    const body = JSON.parse(text);
    expect(body.error.name).toBe('InternalError');
    expect(body.error.stack).toBeUndefined();
    // No SQL, table name, file path or stack frame in what the caller sees.
    expect(text).not.toMatch(
      /select|ops_runbook_executions|sqlite|\/work\/|node_modules|\.ts:\d+|\bat /i,
    );
    const logId = /log id ([0-9a-f-]{36})/.exec(body.error.message)?.[1];
    expect(logId).toBeDefined();

    // The backend logs JSON lines in production; one holds the error under the id.
    const entries = log
      .split('\n')
      .filter(line => line.startsWith('{'))
      .map(line => JSON.parse(line));
    const entry = entries.find(
      e => e.level === 'error' && String(e.message).includes(logId!),
    );
    expect(entry?.message).toMatch(/select .*ops_runbook_executions/);
    expect(entry?.stack).toMatch(/SqliteError[\s\S]*\n\s+at /);
  });

  it('answers a refusal without a stack trace (development mode would add one)', async () => {
    const res = await get('/api/ops/executions/not%20an%20id');
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.message).toBe(
      'Path parameter id is not an execution id: "not an id"',
    );
    expect(body.error.stack).toBeUndefined();
  });
});
