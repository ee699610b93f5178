import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TestSeries, toOpenMetrics } from './openmetrics';
import {
  describeNeeding,
  onFreePort,
  prometheusRequirement,
} from '@internal/ops-test-utils';

import {
  createPrometheusClients,
  PrometheusClients,
} from '../prometheus/PrometheusClients';

export type { TestSeries } from './openmetrics';
export { constantGauge, linearCounter, requestCounters } from './openmetrics';

export { prometheusRequirement };

/**
 * `describe` for suites that need a real Prometheus: fails under CI when it
 * is missing, skipped (and counted) elsewhere.
 */
export const describeWithPrometheus = describeNeeding(prometheusRequirement);

export interface TestPrometheusOptions {
  /** Backfilled before the server starts. */
  series: TestSeries[];
  /**
   * promtool's `--max-block-duration`. Short blocks make promtool slow (it
   * rereads the input for each block), so the default spans 31 days.
   */
  maxBlockDuration?: string;
  /** Default 400d, so that backfilled history is not deleted at startup. */
  retention?: string;
  /** Rule files to load: paths, or `{ name, content }` written for the test. */
  ruleFiles?: Array<string | { name: string; content: string }>;
  /** How often rules are evaluated, e.g. `1s`; Prometheus's default is 1m. */
  evaluationInterval?: string;
  /** An Alertmanager to send alerts to, e.g. `http://127.0.0.1:9093`. */
  alertmanagerUrl?: string;
}

/** prometheus.yml for the options: rule files and an Alertmanager. */
function prometheusConfig(dir: string, options: TestPrometheusOptions): string {
  const rules = (options.ruleFiles ?? []).map(file => {
    if (typeof file === 'string') return file;
    const path = join(dir, file.name);
    writeFileSync(path, file.content);
    return path;
  });
  const lines = [
    `global: { evaluation_interval: ${options.evaluationInterval ?? '1m'} }`,
  ];
  if (rules.length) {
    lines.push(`rule_files: ${JSON.stringify(rules)}`);
  }
  if (options.alertmanagerUrl) {
    const host = new URL(options.alertmanagerUrl).host;
    lines.push(
      'alerting:',
      '  alertmanagers:',
      `    - static_configs: [{ targets: ["${host}"] }]`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export interface TestPrometheus {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Stops the process but keeps its data and port, to simulate an outage. */
  takeDown(): Promise<void>;
  /** Starts it again on the same data and port, and waits until ready. */
  bringUp(): Promise<void>;
  /** Stops it and deletes its data: call in afterAll. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach(child => child.kill('SIGKILL')));

/**
 * Starts a real Prometheus on a free loopback port, on a TSDB backfilled with
 * the given series, and resolves once `/-/ready` answers.
 */
export async function startPrometheus(
  options: TestPrometheusOptions,
): Promise<TestPrometheus> {
  const dir = mkdtempSync(join(tmpdir(), 'ops-prometheus-'));
  const data = join(dir, 'data');
  const input = join(dir, 'series.om');
  const config = join(dir, 'prometheus.yml');
  writeFileSync(input, toOpenMetrics(options.series));
  writeFileSync(config, prometheusConfig(dir, options));
  try {
    await promisify(execFile)('promtool', [
      'tsdb',
      'create-blocks-from',
      'openmetrics',
      `--max-block-duration=${options.maxBlockDuration ?? '744h'}`,
      input,
      data,
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `promtool could not backfill: ${
        (error as { stderr?: string }).stderr ?? error
      }`,
    );
  }

  // Chosen by onFreePort below; takeDown and bringUp keep them.
  let port = 0;
  let url = '';
  let child: ChildProcess | undefined;

  const takeDown = async () => {
    const stopping = child;
    child = undefined;
    if (!stopping || stopping.exitCode !== null || stopping.signalCode) return;
    const exited = new Promise(resolve => stopping.once('exit', resolve));
    stopping.kill('SIGTERM');
    await exited;
  };

  const bringUp = async () => {
    if (child) return;
    let log = '';
    const started = spawn(
      'prometheus',
      [
        `--config.file=${config}`,
        `--storage.tsdb.path=${data}`,
        `--storage.tsdb.retention.time=${options.retention ?? '400d'}`,
        `--web.listen-address=127.0.0.1:${port}`,
        // The first notification is dropped while the Alertmanager is
        // discovered; resend within a second, not the default minute.
        ...(options.alertmanagerUrl ? ['--rules.alert.resend-delay=1s'] : []),
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    started.stderr!.on('data', chunk => {
      log = (log + chunk).slice(-4000);
    });
    child = started;
    running.add(started);
    started.once('exit', () => running.delete(started));

    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (started.exitCode !== null) {
        child = undefined;
        throw new Error(`prometheus exited at startup:\n${log}`);
      }
      // Ready, and ours: the port may have been taken by another test's
      // Prometheus in between (then this one exits, and onFreePort retries).
      const ready = await fetch(`${url}/api/v1/status/flags`).then(
        async r =>
          r.ok &&
          (await r.json()).data?.['storage.tsdb.path'] === data &&
          started.exitCode === null,
        () => false,
      );
      if (ready) return;
      await new Promise(resolve => setTimeout(resolve, 100));
    }
    await takeDown();
    throw new Error(`prometheus was not ready within 30 s:\n${log}`);
  };

  try {
    await onFreePort(async chosen => {
      port = chosen;
      url = `http://127.0.0.1:${port}`;
      await bringUp();
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    bringUp,
    takeDown,
    stop: async () => {
      await takeDown();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A Prometheus for the enclosing `describe`: started in its `beforeAll`,
 * stopped in its `afterAll`. `options` may be a function, to be read when
 * the suite starts (after the `beforeAll`s registered before this call).
 * `timeoutMs` is the start's, when the suite's `jest.setTimeout` is too short.
 */
export function prometheusForSuite(
  options: TestPrometheusOptions | (() => TestPrometheusOptions),
  timeoutMs?: number,
): TestPrometheus {
  let started: TestPrometheus | undefined;
  const current = () => {
    if (!started) throw new Error('the suite has not started Prometheus');
    return started;
  };
  beforeAll(async () => {
    started = await startPrometheus(
      typeof options === 'function' ? options() : options,
    );
  }, timeoutMs);
  afterAll(() => started?.stop());
  return {
    get url() {
      return current().url;
    },
    takeDown: () => current().takeDown(),
    bringUp: () => current().bringUp(),
    stop: () => current().stop(),
  };
}

/**
 * The backend's clients for one `default` server at `url`, without retries,
 * so that a failing query fails the test at once.
 */
export function testPrometheusClients(
  url: string,
  timeoutSeconds: number,
): PrometheusClients {
  return createPrometheusClients(
    [
      {
        name: 'default',
        url,
        headers: {},
        timeout: { seconds: timeoutSeconds },
      },
    ],
    { retry: { attempts: 1 } },
  );
}
