/*
 * What the benchmarks share: command-line flags, percentiles, a scratch
 * directory with its clean-up, and serving a router on a free port.
 */
import express from 'express';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killChildren, startReaper } from './prometheus';

/** `--name N`: a positive integer, or the fallback when absent. */
export function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`--${name} needs a positive integer`);
  }
  return value;
}

/** `--name value`: one of `values`, the first when absent. */
export function option(name: string, values: string[]): string {
  const i = process.argv.indexOf(`--${name}`);
  const value = i < 0 ? values[0] : process.argv[i + 1];
  if (!values.includes(value)) {
    throw new Error(`--${name} must be one of ${values.join(', ')}`);
  }
  return value;
}

/** The nearest-rank percentile of ascending `sorted`. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

/** Serves `app` on a free loopback port until clean-up; its base URL. */
export async function serve(
  app: express.Express,
  cleanups: Array<() => Promise<void> | void>,
): Promise<string> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>(resolve => server.once('listening', resolve));
  cleanups.push(
    () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * A benchmark's scratch directory and clean-up: `cleanup()` undoes what was
 * pushed (last first), also on Ctrl-C, and the directory goes with the process.
 */
export function benchWorkspace(prefix: string): {
  dir: string;
  cleanups: Array<() => Promise<void> | void>;
  cleanup: () => Promise<void>;
} {
  const cleanups: Array<() => Promise<void> | void> = [];
  const dir = mkdtempSync(join(tmpdir(), prefix));
  startReaper(dir);
  const removeDir = () =>
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  process.once('exit', removeDir);
  cleanups.push(removeDir);
  // Runs before removeDir: nothing may still write into the directory.
  cleanups.push(killChildren);
  const cleanup = async () => {
    for (const fn of cleanups.splice(0).reverse()) {
      try {
        await fn();
      } catch (e) {
        console.error(`cleanup: ${(e as Error).message}`);
      }
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // `on`, not `once`: a second signal (tsx relays it, and the process
    // group gets it too) must not fall back to dying without cleaning up.
    process.on(signal, () => {
      killChildren();
      removeDir();
      process.exit(130);
    });
  }
  return { dir, cleanups, cleanup };
}
