import { createWriteStream } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { startExporter, DEFAULT_EXPORTER_PORT } from './exporter/server';
import { startHealthEndpoints } from './health/server';
import { DEFAULT_BACKUPS_PORT, startBackupStore } from './backups/server';
import { forStateOpenMetrics } from './alerts/forState';
import { createModel, DemoModel } from './model/model';
import { parseMetricsFile } from './model/parseMetricsFile';
import { ModelOptions } from './model/service';
import { MINUTE_MS } from './model/time';
import { historySchedule } from './openmetrics/schedule';
import { writeHistory } from './openmetrics/writeHistory';
import { readAnchor, writeAnchor } from './state/anchor';
import { parseDuration } from './duration';

// This package only ever runs from source (tsx), never from a build, so the
// repository is always three levels up.
// eslint-disable-next-line no-restricted-syntax
const REPO_ROOT = resolve(__dirname, '../../..');
const DEFAULTS = {
  metrics: resolve(REPO_ROOT, 'examples/prometheus/metrics.yaml'),
  state: resolve(REPO_ROOT, '.demo/anchor.json'),
};

const USAGE = `usage:
  demo-data generate --out FILE [--days 30] [--step 5m] [--finer 2d=1m,6h=15s]
                     [--metrics ${DEFAULTS.metrics}] [--state ${DEFAULTS.state}] [--seed 1]
  demo-data exporter [--port ${DEFAULT_EXPORTER_PORT}] [--host 127.0.0.1] [--metrics ...] [--state ...]
  demo-data health [--host 127.0.0.1]   (the examples' health endpoints, ports 18001-18042)
  demo-data alerts-for-state --prometheus URL --out FILE   (pending alerts' ALERTS_FOR_STATE)
  demo-data backups [--port ${DEFAULT_BACKUPS_PORT}] [--host 127.0.0.1] [--dir .demo/s3]
                   (s3rver with the examples' backup files, docs/demo-backups.md)
`;

async function loadModel(
  metricsPath: string,
  options: ModelOptions,
): Promise<DemoModel> {
  return createModel(
    parseMetricsFile(await readFile(metricsPath, 'utf8')),
    options,
  );
}

async function generate(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      out: { type: 'string' },
      days: { type: 'string', default: '30' },
      step: { type: 'string', default: '5m' },
      finer: { type: 'string', default: '2d=1m,6h=15s' },
      metrics: { type: 'string', default: DEFAULTS.metrics },
      state: { type: 'string', default: DEFAULTS.state },
      seed: { type: 'string', default: '1' },
    },
  });
  if (!values.out) throw new Error(`--out is required\n${USAGE}`);
  // A whole minute keeps every sample instant on the tick grid.
  const anchorMs = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS;
  const options: ModelOptions = {
    anchorMs,
    originMs: anchorMs - parseDuration(values.days, 'd'),
    seed: Number(values.seed),
  };
  const model = await loadModel(values.metrics, options);
  const times = historySchedule({
    startMs: options.originMs,
    endMs: anchorMs,
    stepMs: parseDuration(values.step),
    finer: values.finer
      .split(',')
      .filter(Boolean)
      .map(pair => {
        const [window, step] = pair.split('=');
        return { windowMs: parseDuration(window), stepMs: parseDuration(step) };
      }),
  });

  const started = Date.now();
  const out = createWriteStream(values.out);
  const stats = await writeHistory(model, times, out);
  out.end();
  await finished(out);
  await writeAnchor(values.state, options);
  const { size } = await stat(values.out);
  console.log(
    `wrote ${values.out}: ${model.services.length} services, ${stats.series} series, ` +
      `${stats.samples} samples, ${(size / 1e6).toFixed(1)} MB in ${
        (Date.now() - started) / 1000
      } s; anchor ${new Date(anchorMs).toISOString()} (${values.state})`,
  );
}

async function exporter(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: String(DEFAULT_EXPORTER_PORT) },
      host: { type: 'string', default: '127.0.0.1' },
      metrics: { type: 'string', default: DEFAULTS.metrics },
      state: { type: 'string', default: DEFAULTS.state },
    },
  });
  const model = await loadModel(values.metrics, await readAnchor(values.state));
  const server = await startExporter({
    model,
    host: values.host,
    port: Number(values.port),
  });
  console.log(`demo exporter on http://${values.host}:${values.port}/metrics`);
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

async function alertsForState(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { prometheus: { type: 'string' }, out: { type: 'string' } },
  });
  if (!values.prometheus || !values.out) {
    throw new Error(`--prometheus and --out are required\n${USAGE}`);
  }
  const get = async (path: string) => {
    const res = await fetch(`${values.prometheus}${path}`);
    if (!res.ok) throw new Error(`GET ${path} answered ${res.status}`);
    return (await res.json()).data;
  };
  const alerts = (await get('/api/v1/alerts')).alerts;
  const rules = (await get('/api/v1/rules?type=alert')).groups.flatMap(
    (g: {
      rules: Array<{
        name: string;
        labels?: Record<string, string>;
        duration: number;
      }>;
    }) =>
      g.rules.map(r => ({
        name: r.name,
        labels: r.labels ?? {},
        duration: r.duration,
      })),
  );
  const { text, alerts: count } = forStateOpenMetrics({
    alerts,
    rules,
    nowMs: Date.now(),
  });
  await writeFile(values.out, text);
  console.log(`${count} pending alerts written to ${values.out}`);
}

async function health(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { host: { type: 'string', default: '127.0.0.1' } },
  });
  const running = await startHealthEndpoints({ host: values.host });
  console.log(`demo health endpoints on ${running.addresses.join(' ')}`);
  const stop = () => running.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

async function backups(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: String(DEFAULT_BACKUPS_PORT) },
      dir: { type: 'string', default: resolve(REPO_ROOT, '.demo/s3') },
    },
  });
  const store = await startBackupStore({
    directory: values.dir,
    host: values.host,
    port: Number(values.port),
    onError: e => console.error(`demo backups: upload failed: ${e.message}`),
  });
  console.log(
    `demo backups (s3rver) on ${store.endpoint}: ${store.uploaded()} objects`,
  );
  const stop = () => store.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

const [command, ...rest] = process.argv.slice(2);
const commands: Record<string, (args: string[]) => Promise<void>> = {
  generate,
  exporter,
  health,
  'alerts-for-state': alertsForState,
  backups,
};
if (!commands[command]) {
  process.stderr.write(USAGE);
  process.exit(command ? 1 : 0);
}
commands[command](rest).catch(e => {
  console.error(`demo-data ${command}: ${e.message}`);
  process.exit(1);
});
