import { APIRequestContext, expect, request, test } from '@playwright/test';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { apiPost, entityPath, requireDemo } from './support';

// Two replicas of the portal's backend (packages/backend, the demo config)
// on one PostgreSQL database, started here on their own ports next to the
// demo backend of scripts/e2e.sh: a runbook execution started through
// replica A reaches, as a signal through the events backend's database bus,
// the page of a browser connected to replica B. The history card reloads
// only on a signal when nothing is running, so without the bus the new row
// would not appear.
const PORT_A = 7107;
const PORT_B = 7108;
const PREFIX = `unyo_e2e_replicas_${Date.now()}_`;
const RUNBOOK_REF = 'runbook:default/elixir-cqrs-db-connection-error';
const ROOT = resolve(__dirname, '../../..');
const logs = join(ROOT, 'e2e-test-results');
const replicas: ChildProcess[] = [];

function startReplica(name: string, port: number): ChildProcess {
  const dir = mkdtempSync(join(tmpdir(), 'unyo-replica-'));
  const config = join(dir, 'app-config.replica.json');
  const origin = `http://localhost:${port}`;
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
          prefix: PREFIX,
        },
      },
      // As app-config.production.yaml: a plugin that subscribes before the
      // events backend is up retries instead of falling back to local events.
      events: { useEventBus: 'always' },
    }),
  );
  const log = openSync(join(logs, `replica-${name}.log`), 'w');
  const child = spawn(
    'yarn',
    [
      'workspace',
      'backend',
      'start',
      '--config',
      '../../app-config.yaml',
      '--config',
      '../../app-config.demo.yaml',
      '--config',
      config,
    ],
    { cwd: ROOT, detached: true, stdio: ['ignore', log, log] },
  );
  replicas.push(child);
  return child;
}

async function ready(port: number) {
  await expect
    .poll(
      async () => {
        const res = await fetch(
          `http://localhost:${port}/api/catalog/entities/by-name/runbook/default/elixir-cqrs-db-connection-error`,
        ).catch(() => undefined);
        // 401 without a token: up, and the catalog answers.
        return res ? res.status : 0;
      },
      { timeout: 400_000, intervals: [2000] },
    )
    .not.toBe(0);
}

function dropDatabases() {
  const names = execFileSync('psql', [
    '-h',
    '127.0.0.1',
    '-U',
    'postgres',
    '-Atc',
    `select datname from pg_database where datname like '${PREFIX}%'`,
  ])
    .toString()
    .split('\n')
    .filter(Boolean);
  for (const name of names) {
    execFileSync('psql', [
      '-h',
      '127.0.0.1',
      '-U',
      'postgres',
      '-c',
      `drop database if exists "${name}" with (force)`,
    ]);
  }
}

test.describe('two backend replicas on one PostgreSQL', () => {
  test.use({ baseURL: `http://localhost:${PORT_B}` });
  let viaA: APIRequestContext;

  test.beforeAll(async () => {
    test.setTimeout(600_000);
    requireDemo('the demo Prometheus (scripts/e2e.sh starts it)');
    // One after the other: the first creates the plugins' databases.
    startReplica('a', PORT_A);
    await ready(PORT_A);
    startReplica('b', PORT_B);
    await ready(PORT_B);
    viaA = await request.newContext({ baseURL: `http://localhost:${PORT_A}` });
  });

  test.afterAll(async () => {
    await viaA?.dispose();
    for (const child of replicas) {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    await new Promise(r => setTimeout(r, 3000));
    dropDatabases();
  });

  test('a runbook execution started through replica A updates live in a browser on replica B', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await page.goto('/');
    await page.getByRole('button', { name: 'Enter' }).click();
    await expect(
      page.getByRole('heading', { name: 'Unyo demo Catalog' }),
    ).toBeVisible({ timeout: 60_000 });
    // Catalog processing of the example catalog may still be under way.
    const history = page.getByRole('table', { name: 'Execution history' });
    const emptyHistory = page.getByText(
      'No action of this runbook has run yet.',
    );
    const signalsSocket = page.waitForEvent('websocket', {
      predicate: ws => ws.url().includes(`:${PORT_B}/api/signals`),
      timeout: 240_000,
    });
    await expect(async () => {
      await page.goto(entityPath(RUNBOOK_REF));
      await expect(history.or(emptyHistory)).toBeVisible({ timeout: 60_000 });
    }).toPass({ timeout: 240_000 });
    // Nothing runs, so the card does not poll: only a signal reloads it.
    await expect(emptyHistory).toBeVisible();
    // The page's signals connection is held by replica B.
    await signalsSocket;

    const res = await apiPost(
      viaA,
      '/api/ops/runbooks/default/elixir-cqrs-db-connection-error/actions/pool-usage/executions',
      {
        entityRef: 'component:default/elixir-cqrs-command-service',
        idempotencyKey: `e2e-replicas-${Date.now()}`,
      },
    );
    expect(res.status()).toBe(201);
    const execution = await res.json();

    // No reload: the row comes from the signal relayed by B.
    await expect(
      history.locator(`tbody tr[data-execution-id="${execution.id}"]`),
    ).toBeVisible({ timeout: 20_000 });
    await page.screenshot({
      path: 'e2e-test-results/replicas-live-update.png',
      fullPage: true,
    });
  });
});
