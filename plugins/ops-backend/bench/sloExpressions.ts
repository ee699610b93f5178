/*
 * SLO expression benchmark: prints figures, asserts nothing.
 *
 *   yarn workspace @unyo/plugin-ops-backend bench:expressions [--services 1000]
 *     [--days 8] [--share 0.5]
 *
 * Backfills the counters of bench/series.ts for N services into a real
 * Prometheus, then evaluates the same 3N SLOs twice: all written as plain
 * selectors (batched), and with the first `share` of the services' SLOs
 * written as expressions (rates, an aggregation of counters, a window
 * template; bench/world.ts). Prints queries per round and round time side by
 * side. Every process and directory it made is removed.
 */
import { cpus, totalmem } from 'node:os';
import { benchWorkspace, flag } from './support';
import { startPrometheusWithHistory } from './prometheus';
import { sampleTimes } from './series';
import { BenchWorld, createWorld } from './world';

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function round(world: BenchWorld, label: string) {
  world.queryTimes.reset();
  const started = performance.now();
  const result = await world.evaluator.evaluateAll();
  const wallMs = performance.now() - started;
  console.log(
    `${label.padEnd(44)} ${s(wallMs).padStart(8)} ${String(
      result.queries,
    ).padStart(8)} ${String(result.slos).padStart(6)} ${String(
      result.errors,
    ).padStart(6)}   prometheus busy ${s(
      world.queryTimes.busyMs,
    )}, max query ${Math.round(world.queryTimes.maxMs)} ms`,
  );
  return { ...result, wallMs };
}

async function main() {
  const services = flag('services', 1000);
  const days = flag('days', 8);
  const share = flag('share', 0.5);
  const { dir, cleanups, cleanup } = benchWorkspace('ops-slo-expr-bench-');
  try {
    const now = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 60_000);
    console.log(
      `SLO expression benchmark: ${services} services, ${
        services * 3
      } SLOs (${Math.round(
        share * 100,
      )} % of the services' SLOs as expressions in the second run), ${days} days of history, ${
        cpus().length
      } cores, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${
        process.version
      }, ${new Date().toISOString()}`,
    );
    const { prometheus } = await startPrometheusWithHistory({
      dir,
      services,
      times: sampleTimes({ endMs: now.getTime(), days }),
      endMs: now.getTime(),
      cleanups,
    });

    console.log(
      `\n${'round'.padEnd(44)} ${'wall'.padStart(8)} ${'queries'.padStart(
        8,
      )} ${'SLOs'.padStart(6)} ${'errors'.padStart(6)}`,
    );
    const rows = [];
    for (const [name, expressionShare] of [
      ['all selectors', 0],
      [`${Math.round(share * 100)} % expressions`, share],
    ] as const) {
      const world = await createWorld({
        services,
        prometheusUrl: prometheus.url,
        now,
        expressionShare,
      });
      cleanups.push(() => world.close());
      const first = await round(world, `${name}, round 1 (backfill)`);
      const second = await round(world, `${name}, round 2 (steady)`);
      const third = await round(world, `${name}, round 3 (steady)`);
      rows.push({ name, first, second, third });
    }
    console.log(
      '\n| SLOs | round 1 (backfill) | steady round | queries first / steady |',
    );
    console.log('| --- | ---: | ---: | ---: |');
    for (const { name, first, second, third } of rows) {
      console.log(
        `| ${services * 3}, ${name} | ${s(first.wallMs)} | ${s(
          second.wallMs,
        )} / ${s(third.wallMs)} | ${first.queries} / ${second.queries} |`,
      );
    }
  } finally {
    await cleanup();
  }
}

main().catch(error => {
  console.error(`benchmark failed: ${error?.stack ?? error}`);
  process.exitCode = 1;
});
