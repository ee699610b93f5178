import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './http';

/** Debian names the binary prometheus-alertmanager; upstream alertmanager. */
function findBinary(): string | undefined {
  for (const name of ['prometheus-alertmanager', 'alertmanager']) {
    try {
      execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
      return name;
    } catch {
      // try the next name
    }
  }
  return undefined;
}

const binary = findBinary();

/** Whether an Alertmanager can be run here (apt-get install prometheus-alertmanager). */
export const alertmanagerAvailable = binary !== undefined;

/** `describe` for suites that need a real Alertmanager, skipped where it cannot run. */
// Guarded, so that the benchmark can import this file under tsx (no jest).
function describeIfAvailable(): jest.Describe {
  if (typeof describe === 'undefined') return undefined as any;
  return alertmanagerAvailable ? describe : describe.skip;
}
export const describeWithAlertmanager = describeIfAvailable();

export interface TestAlertmanager {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Stops the process but keeps the port, to simulate an outage. */
  takeDown(): Promise<void>;
  /** Stops it and deletes its data: call in afterAll. */
  stop(): Promise<void>;
  /** `GET /api/v2/silences`. */
  silences(): Promise<
    Array<{ id: string; status: { state: string }; matchers: unknown[] }>
  >;
  /** `GET /api/v2/alerts`. */
  alerts(): Promise<
    Array<{ labels: Record<string, string>; status: { state: string } }>
  >;
  /** `POST /api/v2/alerts`: pushes alerts as Prometheus would. */
  postAlerts(
    alerts: Array<{
      labels: Record<string, string>;
      annotations?: Record<string, string>;
      startsAt?: string;
    }>,
  ): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach(child => child.kill('SIGKILL')));

/**
 * Starts a real Alertmanager (API v2) on a free loopback port, without
 * clustering, with a route that delivers nowhere, and resolves once ready.
 */
export async function startAlertmanager(): Promise<TestAlertmanager> {
  if (!binary) throw new Error('No Alertmanager binary on PATH');
  const dir = mkdtempSync(join(tmpdir(), 'ops-alertmanager-'));
  const config = join(dir, 'alertmanager.yml');
  writeFileSync(
    config,
    [
      'route: { receiver: none, group_wait: 1s, group_interval: 1s }',
      'receivers: [{ name: none }]',
      '',
    ].join('\n'),
  );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn(
    binary,
    [
      `--config.file=${config}`,
      `--storage.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      // An empty address turns gossip off: one standalone instance.
      '--cluster.listen-address=',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  child.stderr!.on('data', chunk => {
    log = (log + chunk).slice(-4000);
  });
  running.add(child);
  child.once('exit', () => running.delete(child));

  const takeDown = async () => {
    if (child.exitCode !== null || child.signalCode) return;
    const exited = new Promise(resolve => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`alertmanager exited at startup:\n${log}`);
    }
    const ready = await fetch(`${url}/-/ready`).then(
      r => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      await takeDown();
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`alertmanager was not ready within 30 s:\n${log}`);
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }

  const getJson = async (path: string) => {
    const res = await fetch(`${url}${path}`);
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    return res.json();
  };
  return {
    url,
    takeDown,
    stop: async () => {
      await takeDown();
      rmSync(dir, { recursive: true, force: true });
    },
    silences: () => getJson('/api/v2/silences'),
    alerts: () => getJson('/api/v2/alerts'),
    postAlerts: async alerts => {
      const res = await fetch(`${url}/api/v2/alerts`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(alerts),
      });
      if (!res.ok) {
        throw new Error(
          `POST /api/v2/alerts: HTTP ${res.status} ${await res.text()}`,
        );
      }
    },
  };
}
