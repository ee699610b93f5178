import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onFreePort } from './http';
import { Requirement, describeNeeding, onPath } from './requirements';

/** Debian names the binary prometheus-alertmanager; upstream alertmanager. */
const binary = ['prometheus-alertmanager', 'alertmanager'].find(onPath);

/** A real Alertmanager (API v2) on PATH. */
export const alertmanagerRequirement: Requirement = {
  what: 'prometheus-alertmanager (or alertmanager) on PATH',
  install: 'apt-get install -y prometheus-alertmanager',
  available: binary !== undefined,
};

/**
 * `describe` for suites that need a real Alertmanager: fails under CI when it
 * is missing, skipped (and counted) elsewhere.
 */
export const describeWithAlertmanager = describeNeeding(
  alertmanagerRequirement,
);

export interface TestAlertmanager {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Stops the process but keeps the port, to simulate an outage. */
  takeDown(): Promise<void>;
  /** Starts it again on the same data and port, and waits until ready. */
  bringUp(): Promise<void>;
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

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode) return;
  const exited = new Promise(resolve => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Starts the binary on `port` and waits until this instance answers. */
async function launch(dir: string, config: string, port: number) {
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn(
    binary!,
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

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`alertmanager exited at startup:\n${log}`);
    }
    // Ready, and ours (its config names our directory), not another test's.
    const ready = await fetch(`${url}/api/v2/status`).then(
      async r => r.ok && (await r.text()).includes(dir),
      () => false,
    );
    if (ready && child.exitCode === null) return { child, url };
    if (Date.now() > deadline) {
      await stopChild(child);
      throw new Error(`alertmanager was not ready within 30 s:\n${log}`);
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

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
      // Names this instance, so the readiness check knows it is ours.
      `templates: [${JSON.stringify(join(dir, '*.tmpl'))}]`,
      '',
    ].join('\n'),
  );
  // Started through onFreePort: another test may take the chosen port first.
  let port = 0;
  let { child, url } = await onFreePort(chosen => {
    port = chosen;
    return launch(dir, config, chosen);
  }).catch(error => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  let up = true;
  const takeDown = async () => {
    up = false;
    await stopChild(child);
  };
  const bringUp = async () => {
    if (up) return;
    ({ child, url } = await launch(dir, config, port));
    up = true;
  };

  const getJson = async (path: string) => {
    const res = await fetch(`${url}${path}`);
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    return res.json();
  };
  return {
    url,
    takeDown,
    bringUp,
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
