import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import {
  describeNeeding,
  freePort,
  prometheusRequirement,
} from '@internal/ops-test-utils';
import { findSeries, fixtureModel } from '../__testUtils__/fixtures';
import { createSampler } from '../model/sampler';
import { DAY_MS, MINUTE_MS } from '../model/time';
import { historySchedule } from '../openmetrics/schedule';
import { writeHistory } from '../openmetrics/writeHistory';

/** Fails under CI without Prometheus; skipped (and counted) elsewhere. */
const describeWithPrometheus = describeNeeding(prometheusRequirement);

/**
 * Starts Prometheus on a free port; another process may take the port
 * between choosing and binding it, so a start that fails on it retries.
 */
async function startPrometheus(dir: string): Promise<{
  child: ChildProcess;
  base: string;
}> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    let log = '';
    const child = spawn(
      'prometheus',
      [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--storage.tsdb.retention.time=45d',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    child.stderr!.on('data', chunk => {
      log = (log + chunk).slice(-4000);
    });
    for (let i = 0; i < 120 && child.exitCode === null; i++) {
      // Ours: another test's Prometheus may hold the port.
      const ready = await fetch(`${base}/api/v1/status/flags`).then(
        async r =>
          r.ok &&
          (await r.json()).data?.['storage.tsdb.path'] === join(dir, 'data'),
        () => false,
      );
      if (ready && child.exitCode === null) return { child, base };
      await new Promise(resolve => setTimeout(resolve, 500));
    }
    if (child.exitCode === null) child.kill('SIGKILL');
    if (!/address already in use/i.test(log) || attempt >= 5) {
      throw new Error(`Prometheus did not become ready:\n${log}`);
    }
  }
}

describeWithPrometheus('backfilled history in a real Prometheus', () => {
  jest.setTimeout(120_000);
  // Recent data, so that Prometheus's retention keeps it.
  const anchorMs =
    Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS - 10 * MINUTE_MS;
  const model = fixtureModel('two-services.yaml', { anchorMs, days: 2 });
  const dir = mkdtempSync(join(tmpdir(), 'demo-data-it-'));
  let prometheus: ChildProcess | undefined;
  let base = '';

  beforeAll(async () => {
    const input = join(dir, 'history.om');
    const out = createWriteStream(input);
    const times = historySchedule({
      startMs: model.options.originMs,
      endMs: anchorMs,
      stepMs: 5 * MINUTE_MS,
      finer: [{ windowMs: 6 * 60 * MINUTE_MS, stepMs: 15_000 }],
    });
    await writeHistory(model, times, out);
    out.end();
    await finished(out);
    execFileSync('promtool', [
      'tsdb',
      'create-blocks-from',
      'openmetrics',
      '--max-block-duration=162h',
      '-q',
      input,
      join(dir, 'data'),
    ]);

    writeFileSync(join(dir, 'prometheus.yml'), 'global: {}\n');
    const started = await startPrometheus(dir);
    prometheus = started.child;
    base = started.base;
  });

  afterAll(async () => {
    if (prometheus && prometheus.exitCode === null) {
      prometheus.kill('SIGTERM');
      await new Promise(resolve => prometheus!.once('exit', resolve));
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('returns the model’s daily increase of http_requests_total within 2 %', async () => {
    const query = 'sum(increase(http_requests_total{service="x"}[1d]))';
    const url = `${base}/api/v1/query?query=${encodeURIComponent(query)}&time=${
      anchorMs / 1000
    }`;
    const body = await (await fetch(url)).json();
    expect(body.status).toBe('success');
    const actual = Number(body.data.result[0].value[1]);

    const expected = findSeries(model, 'http_requests_total', {
      service: 'x',
    })
      .map(s => {
        const sampler = createSampler(s, model.options.originMs);
        return (
          sampler.sampleAt(anchorMs)![0] -
          sampler.sampleAt(anchorMs - DAY_MS)![0]
        );
      })
      .reduce((a, b) => a + b, 0);
    expect(expected).toBeGreaterThan(0);
    expect(Math.abs(actual - expected) / expected).toBeLessThan(0.02);
  });

  it('records the outage as up == 0', async () => {
    // x is down from 0.25 days before the anchor, for 30 minutes.
    const t = (anchorMs - 0.25 * DAY_MS + 10 * MINUTE_MS) / 1000;
    const url = `${base}/api/v1/query?query=${encodeURIComponent(
      'up{service="x"}',
    )}&time=${t}`;
    const body = await (await fetch(url)).json();
    expect(body.data.result[0].value[1]).toBe('0');
  });
});
