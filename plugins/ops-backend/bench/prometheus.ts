/*
 * A jest-free equivalent of src/__testUtils__/prometheus.ts for the benchmark.
 * The test util cannot be imported under tsx (it evaluates `describe` when
 * loaded) and it builds the OpenMetrics text in one string, which for
 * 1,000 services exceeds V8's maximum string length. This one backfills from
 * a file already written to disk (see series.ts), then runs Prometheus on a
 * free loopback port. Every process it starts is killed on exit.
 */
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@internal/ops-test-utils';
import { writeOpenMetrics } from './series';

export interface BenchPrometheus {
  url: string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
let pidFile: string | undefined;

function writePids() {
  if (!pidFile) return;
  const pids = [...running].map(c => c.pid).filter(p => p !== undefined);
  try {
    writeFileSync(pidFile, `${pids.join(' ')}\n`);
  } catch {
    // The directory is already gone: so is everything in it.
  }
}

function track(child: ChildProcess) {
  running.add(child);
  writePids();
  child.once('exit', () => {
    running.delete(child);
    writePids();
  });
}

/** Kills promtool and Prometheus processes still running (failure, signal). */
export function killChildren(): void {
  for (const child of running) child.kill('SIGKILL');
}
process.once('exit', killChildren);

/**
 * A watchdog for when this process dies without running its handlers: tsx
 * SIGKILLs its child when a relayed signal is not acknowledged within 60 ms,
 * as happens during a busy part of a round. A detached shell polls this
 * process and then kills the processes listed in `<dir>/pids` (promtool,
 * Prometheus) and removes `dir`. It exits on its own once this process ends.
 */
export function startReaper(dir: string): void {
  pidFile = join(dir, 'pids');
  writePids();
  const script = [
    `while kill -0 ${process.pid} 2>/dev/null; do sleep 0.5; done`,
    'if [ -f "$1/pids" ]; then for p in $(cat "$1/pids"); do kill -9 "$p" 2>/dev/null; done; fi',
    'rm -rf "$1"',
  ].join('\n');
  const reaper = spawn('sh', ['-c', script, 'reaper', dir], {
    detached: true,
    stdio: 'ignore',
  });
  reaper.unref();
}

/** `promtool tsdb create-blocks-from openmetrics <input> <dir>/data`. */
export async function backfill(options: {
  input: string;
  dir: string;
  maxBlockDuration?: string;
}): Promise<{ stdout: string }> {
  // Tracked like Prometheus, so that an interrupted run does not leave it behind.
  return new Promise((resolve, reject) => {
    const child = execFile(
      'promtool',
      [
        'tsdb',
        'create-blocks-from',
        'openmetrics',
        `--max-block-duration=${options.maxBlockDuration ?? '744h'}`,
        options.input,
        join(options.dir, 'data'),
      ],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          reject(
            new Error(
              `promtool could not backfill: ${stderr || error.message}`,
            ),
          );
        } else {
          resolve({ stdout });
        }
      },
    );
    track(child);
  });
}

/** Starts Prometheus on `<dir>/data` and resolves once `/-/ready` answers. */
export async function startPrometheus(options: {
  dir: string;
  retention?: string;
}): Promise<BenchPrometheus> {
  const config = join(options.dir, 'prometheus.yml');
  writeFileSync(config, 'global: {}\n');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn(
    'prometheus',
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${join(options.dir, 'data')}`,
      `--storage.tsdb.retention.time=${options.retention ?? '400d'}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  track(child);
  child.stderr!.on('data', chunk => {
    log = (log + chunk).slice(-4000);
  });

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode) return;
    const exited = new Promise(resolve => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`prometheus exited at startup:\n${log}`);
    }
    const ready = await fetch(`${url}/-/ready`).then(
      r => r.ok,
      () => false,
    );
    if (ready) return { url, stop };
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`prometheus was not ready within 120 s:\n${log}`);
}

/**
 * The benchmarks' Prometheus: the series of `services` services at `times`
 * streamed to disk, backfilled (the file then removed) and served until
 * `cleanups` run. Each step's duration is returned for the report.
 */
export async function startPrometheusWithHistory(options: {
  dir: string;
  services: number;
  times: number[];
  endMs: number;
  cleanups: Array<() => Promise<void> | void>;
}): Promise<{
  prometheus: BenchPrometheus;
  written: ReturnType<typeof writeOpenMetrics>;
  generateMs: number;
  backfillMs: number;
  startMs: number;
}> {
  const { dir, services, times, endMs, cleanups } = options;
  const input = join(dir, 'series.om');
  let t = performance.now();
  const written = writeOpenMetrics({ file: input, services, times, endMs });
  const generateMs = performance.now() - t;
  t = performance.now();
  await backfill({ input, dir });
  const backfillMs = performance.now() - t;
  unlinkSync(input);
  t = performance.now();
  const prometheus = await startPrometheus({ dir });
  cleanups.push(() => prometheus.stop());
  const startMs = performance.now() - t;
  return { prometheus, written, generateMs, backfillMs, startMs };
}
