/*
 * SLO evaluation benchmark: prints figures, asserts nothing.
 *
 *   yarn workspace @unyo/plugin-ops-backend bench [--services 1000]
 *     [--days 60] [--requests 2000] [--replicas 2]
 *
 * 1. Streams synthetic counters for N services to an OpenMetrics file,
 *    backfills them with promtool and starts a real Prometheus (loopback,
 *    free port, temporary directory).
 * 2. Runs three evaluation rounds over 3N SLOs (catalogServiceMock,
 *    DatabaseSloStore on in-memory SQLite, the real HTTP Prometheus client).
 * 3. Runs the steady-state round again with N/10 services.
 * 4. Times GET /api/ops/slos?entityRef= through createRouter in an express app.
 * 5. Prints a summary against the goals. Exit code 0 unless the benchmark
 *    itself failed; every process and directory it made is removed.
 */
import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import express from 'express';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { cpus, totalmem } from 'node:os';
import { readOpsConfig } from '../src/config/OpsConfig';
import { createRouter } from '../src/router';
import { EvaluationRoundResult } from '../src/slo/evaluation/SloEvaluator';
import { preferredShards, shardOf } from '../src/slo/sharding/shardOf';
import { benchWorkspace, flag, percentile, serve } from './support';
import { startPrometheusWithHistory } from './prometheus';
import { sampleTimes, serviceName } from './series';
import { BenchWorld, createWorld } from './world';

const GOAL_ROUND_MS = 60_000;
const GOAL_API_P95_MS = 50;
/** Issue 16: a steady round within 1.3 × the time Prometheus takes to answer it. */
const GOAL_RATIO = 1.3;
/** `ops.slo.shards` of the replica rounds: a few times the replicas (docs/deploy.md). */
const SHARDS = 8;
/** MAX_PER_BATCH in src/slo/evaluation/measureCounts.ts (not exported). */
const MAX_PER_BATCH = 2000;

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const pad = (v: unknown, n: number) => String(v).padStart(n);

/** A small deterministic PRNG, so that runs pick the same services. */
function random(seed: number) {
  let x = seed >>> 0;
  return () => {
    x = (x + 0x6d2b79f5) >>> 0;
    let t = x;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface RoundFigures extends EvaluationRoundResult {
  label: string;
  wallMs: number;
  promBusyMs: number;
  promLatencyMs: number;
  promMaxMs: number;
  storeMs: number;
  catalogMs: number;
}

async function runRound(
  world: BenchWorld,
  label: string,
  profile?: string,
  include?: (sloRef: string) => boolean,
) {
  world.queryTimes.reset();
  world.storeTimes.reset();
  world.catalogTimes.reset();
  const started = performance.now();
  const result = profile
    ? await cpuProfile(profile, () => world.evaluator.evaluateAll(include))
    : await world.evaluator.evaluateAll(include);
  const ended = performance.now();
  const figures: RoundFigures = {
    ...result,
    label,
    wallMs: ended - started,
    promBusyMs: world.queryTimes.busyMs,
    promLatencyMs: world.queryTimes.latencyMs,
    promMaxMs: world.queryTimes.maxMs,
    storeMs: world.storeTimes.totalMs(),
    catalogMs: world.catalogTimes.totalMs(),
  };
  const other =
    figures.wallMs - figures.promBusyMs - figures.storeMs - figures.catalogMs;
  console.log(
    `${label.padEnd(30)} ${pad(s(figures.wallMs), 8)} ${pad(
      result.queries,
      7,
    )} ${pad(result.slos, 6)} ${pad(result.errors, 6)}   ` +
      `prometheus ${s(figures.promBusyMs)} (max query ${Math.round(
        figures.promMaxMs,
      )} ms), store ${s(figures.storeMs)}, catalog ${s(
        figures.catalogMs,
      )}, evaluator CPU ${s(Math.max(0, other))}; wall ÷ Prometheus ${(
        figures.wallMs / Math.max(1, figures.promBusyMs)
      ).toFixed(2)}, heap ${process.memoryUsage().heapUsed >> 20} MiB`,
  );
  console.log(`    ${idleStretches(world.queryTimes.busy, started, ended)}`);
  return figures;
}

/**
 * Where no query was in flight: before the first, between queries, after
 * the last. This is the part of a round that Prometheus time does not cover.
 */
function idleStretches(
  busy: Array<[number, number]>,
  started: number,
  ended: number,
): string {
  if (!busy.length) return 'no query in flight';
  let between = 0;
  let gaps = 0;
  for (let i = 1; i < busy.length; i++) {
    between += busy[i][0] - busy[i - 1][1];
    gaps++;
  }
  const ms = (v: number) => `${Math.round(v)} ms`;
  return (
    `no query in flight: before the first ${ms(busy[0][0] - started)}, ` +
    `between queries ${ms(between)} (${gaps} gaps), ` +
    `after the last ${ms(ended - busy[busy.length - 1][1])}`
  );
}

/** Runs `fn` under the V8 CPU profiler; the profile goes to `file`. */
async function cpuProfile<T>(file: string, fn: () => Promise<T>): Promise<T> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    console.log(`    CPU profile of the round written to ${file}`);
  }
}

function printStoreBreakdown(world: BenchWorld) {
  const parts = [...world.storeTimes.byMethod]
    .sort((a, b) => b[1].ms - a[1].ms)
    .map(([m, e]) => `${m} ${e.calls}× ${s(e.ms)}`);
  console.log(`    store: ${parts.join(', ')}`);
  const ranges = [...world.queryTimes.byRange]
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, 6)
    .map(
      ([r, e]) => `[${r}] ${e.queries}× avg ${Math.round(e.ms / e.queries)} ms`,
    );
  console.log(`    queries by range: ${ranges.join(', ')}`);
}

async function main() {
  const services = flag('services', 1000);
  const days = flag('days', 60);
  const requests = flag('requests', 2000);
  const replicas = flag('replicas', 2);
  const small = Math.max(1, Math.round(services / 10));
  const profileAt = process.argv.indexOf('--cpu-profile');
  const profileFile =
    profileAt < 0
      ? undefined
      : process.argv[profileAt + 1] ?? 'round.cpuprofile';

  const { dir, cleanups, cleanup } = benchWorkspace('ops-slo-bench-');

  try {
    // Data ends at a whole minute just before now; every round evaluates there.
    const now = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 60_000);
    console.log(
      `SLO evaluation benchmark: ${services} services, ${
        services * 3
      } SLOs, ${days} days of history, ${cpus().length} cores, ${Math.round(
        totalmem() / 2 ** 30,
      )} GB, Node ${process.version}, ${new Date().toISOString()}`,
    );

    // 1. Series, backfill, Prometheus.
    const times = sampleTimes({ endMs: now.getTime(), days });
    const { prometheus, written, generateMs, backfillMs, startMs } =
      await startPrometheusWithHistory({
        dir,
        services,
        times,
        endMs: now.getTime(),
        cleanups,
      });
    console.log(
      `generate: ${written.series} series × ${times.length} samples = ${(
        written.samples / 1e6
      ).toFixed(1)} M samples, ${(written.bytes / 2 ** 20).toFixed(
        0,
      )} MiB OpenMetrics streamed to disk in ${s(generateMs)} (benchmark RSS ${
        process.memoryUsage().rss >> 20
      } MiB)`,
    );
    console.log(
      `backfill: promtool ${s(backfillMs)}, Prometheus ready in ${s(
        startMs,
      )} at ${prometheus.url}`,
    );

    // 2. Rounds over N services.
    console.log(
      `\n${'round'.padEnd(30)} ${pad('wall', 8)} ${pad('queries', 7)} ${pad(
        'SLOs',
        6,
      )} ${pad('errors', 6)}   where the time goes`,
    );
    const big = await createWorld({
      services,
      prometheusUrl: prometheus.url,
      now,
    });
    cleanups.push(() => big.close());
    const round1 = await runRound(big, `N=${services} round 1 (backfill)`);
    printStoreBreakdown(big);
    const round2 = await runRound(big, `N=${services} round 2 (steady)`);
    const round3 = await runRound(
      big,
      `N=${services} round 3 (steady)`,
      profileFile,
    );
    printStoreBreakdown(big);

    // 2b. Rounds shared by replicas (ops.slo.shards, src/slo/sharding/): each
    // replica's share of a steady round, one after the other on this machine
    // (each replica has its own in a deployment).
    const replicaRounds: RoundFigures[] = [];
    const replicaIds = Array.from({ length: replicas }, (_, i) =>
      String.fromCharCode(97 + i),
    );
    for (const id of replicaIds) {
      const mine = preferredShards(id, replicaIds, SHARDS);
      replicaRounds.push(
        await runRound(
          big,
          `replica ${id} of ${replicas} (shards ${[...mine].join(
            ',',
          )} of ${SHARDS})`,
          undefined,
          ref => mine.has(shardOf(ref, SHARDS)),
        ),
      );
    }
    const dailyRows = await big.knex('ops_slo_daily').count({ n: '*' });
    const emptyDays = await big.knex('ops_slo_daily').where('total', 0).count({
      n: '*',
    });
    console.log(
      `    daily rollups stored: ${dailyRows[0].n} (${emptyDays[0].n} with total 0)`,
    );

    // 3. The same rounds with N/10 services: queries follow shapes.
    const tenth = await createWorld({
      services: small,
      prometheusUrl: prometheus.url,
      now,
    });
    cleanups.push(() => tenth.close());
    const small1 = await runRound(tenth, `N=${small} round 1 (backfill)`);
    const small2 = await runRound(tenth, `N=${small} round 2 (steady)`);
    // measureCounts batches at most 2000 services per query (MAX_PER_BATCH):
    // a point at exactly one batch shows where the step comes from.
    let oneBatch: RoundFigures | undefined;
    if (services > MAX_PER_BATCH && small < MAX_PER_BATCH) {
      const mid = await createWorld({
        services: MAX_PER_BATCH,
        prometheusUrl: prometheus.url,
        now,
      });
      cleanups.push(() => mid.close());
      await runRound(mid, `N=${MAX_PER_BATCH} round 1 (backfill)`);
      oneBatch = await runRound(mid, `N=${MAX_PER_BATCH} round 2 (steady)`);
    }
    console.log(
      `\nqueries per round     N=${services}: first ${round1.queries}, steady ${
        round2.queries
      }   N=${small}: first ${small1.queries}, steady ${small2.queries}${
        oneBatch ? `   N=${MAX_PER_BATCH}: steady ${oneBatch.queries}` : ''
      }`,
    );

    // Sanity: the statuses say what the data says.
    const sample = await big.sloService.listForEntity(
      `component:default/${serviceName(7)}`,
      await mockServices.auth().getOwnServiceCredentials(),
    );
    for (const status of sample) {
      console.log(
        `    ${status.ref}: ${status.state}, SLI ${status.sli?.ratio?.toFixed(
          5,
        )}, budget left ${status.errorBudget?.remainingRatio?.toFixed(
          3,
        )}, burn 1h ${status.burnRates?.['1h']?.toFixed(1)}, policy ${
          status.policy
        }`,
      );
    }

    // 4. GET /api/ops/slos?entityRef= through the real router.
    const app = express();
    app.use(
      '/api/ops',
      await createRouter({
        httpAuth: mockServices.httpAuth(),
        config: readOpsConfig(
          new ConfigReader({
            ops: {
              prometheus: {
                servers: [{ name: 'default', url: prometheus.url }],
              },
            },
          }),
        ),
        slos: big.sloService,
      }),
    );
    app.use(
      (
        error: Error,
        _req: express.Request,
        res: express.Response,
        _next: express.NextFunction,
      ) => {
        res.status(500).json({ error: { message: error.message } });
      },
    );
    const base = await serve(app, cleanups);
    const pick = random(42);
    const get = async () => {
      const svc = serviceName(Math.floor(pick() * services));
      const started = performance.now();
      const res = await fetch(
        `${base}/api/ops/slos?entityRef=component:default/${svc}`,
      );
      const body = (await res.json()) as { items?: unknown[] };
      const ms = performance.now() - started;
      return { ms, ok: res.status === 200 && body.items?.length === 3 };
    };
    for (let i = 0; i < 100; i++) await get(); // warm-up, not counted
    big.catalogTimes.reset();
    big.storeTimes.reset();
    const latencies: number[] = [];
    let failures = 0;
    const apiStarted = performance.now();
    for (let i = 0; i < requests; i++) {
      const { ms, ok } = await get();
      latencies.push(ms);
      if (!ok) failures++;
    }
    const apiWallMs = performance.now() - apiStarted;
    latencies.sort((a, b) => a - b);
    const p50 = percentile(latencies, 0.5);
    const p95 = percentile(latencies, 0.95);
    const max = latencies[latencies.length - 1];
    console.log(
      `\nGET /api/ops/slos?entityRef= (express + createRouter + mockServices.httpAuth + DefaultSloService, ` +
        `${requests} sequential requests to random services of ${services}, catalog of ${
          services * 4
        } entities in memory):`,
    );
    console.log(
      `    p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(
        2,
      )} ms, max ${max.toFixed(2)} ms, ${failures} failed, ${(
        requests /
        (apiWallMs / 1000)
      ).toFixed(0)} req/s; per request: catalog ${(
        big.catalogTimes.totalMs() / requests
      ).toFixed(2)} ms, store ${(big.storeTimes.totalMs() / requests).toFixed(
        2,
      )} ms`,
    );

    // 5. Summary.
    const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
    const rows: Array<[string, string, string]> = [
      [
        `steady round ≤ ${GOAL_ROUND_MS / 1000} s (N=${services})`,
        `steady ${s(round2.wallMs)} / ${s(round3.wallMs)}`,
        verdict(Math.max(round2.wallMs, round3.wallMs) <= GOAL_ROUND_MS),
      ],
      ['first round (backfill)', `${s(round1.wallMs)}, once per new SLO`, ''],
      [
        `steady ≤ ${GOAL_RATIO} × Prometheus`,
        `wall ÷ Prometheus ${(round2.wallMs / round2.promBusyMs).toFixed(
          2,
        )} / ${(round3.wallMs / round3.promBusyMs).toFixed(2)} (Prometheus ${s(
          round2.promBusyMs,
        )} / ${s(round3.promBusyMs)})`,
        verdict(
          Math.max(
            round2.wallMs / round2.promBusyMs,
            round3.wallMs / round3.promBusyMs,
          ) <= GOAL_RATIO,
        ),
      ],
      [
        `${replicas} replicas, steady`,
        replicaRounds
          .map((r, i) => `${replicaIds[i]}: ${r.slos} SLOs in ${s(r.wallMs)}`)
          .join(', '),
        '',
      ],
      [
        'peak memory (RSS)',
        `${Math.round(
          process.resourceUsage().maxRSS / 1024,
        )} MiB, benchmark process (catalog mock, SQLite, evaluator)`,
        '',
      ],
      [
        `API p95 ≤ ${GOAL_API_P95_MS} ms`,
        `p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${max.toFixed(
          1,
        )} ms`,
        verdict(p95 <= GOAL_API_P95_MS && failures === 0),
      ],
      [
        // Beyond one batch of a shape, queries grow by 9 per shape and batch.
        services <= MAX_PER_BATCH
          ? 'queries independent of N'
          : `queries grow per ${MAX_PER_BATCH} services`,
        `steady: ${round2.queries} (N=${services}) vs ${
          small2.queries
        } (N=${small})${
          oneBatch ? `, ${oneBatch.queries} (N=${MAX_PER_BATCH})` : ''
        }`,
        services <= MAX_PER_BATCH
          ? verdict(round2.queries === small2.queries)
          : '',
      ],
      [
        'rounds without errors',
        `${
          round1.errors +
          round2.errors +
          round3.errors +
          small1.errors +
          small2.errors
        } errors`,
        verdict(
          round1.errors +
            round2.errors +
            round3.errors +
            small1.errors +
            small2.errors ===
            0,
        ),
      ],
    ];
    console.log(`\n${'goal'.padEnd(30)} ${'measured'.padEnd(62)} verdict`);
    for (const [goal, measured, v] of rows) {
      console.log(`${goal.padEnd(30)} ${measured.padEnd(62)} ${v}`);
    }
    console.log(
      `(setup: generate ${s(generateMs)}, promtool backfill ${s(
        backfillMs,
      )}, Prometheus start ${s(startMs)}; benchmark peak RSS ${Math.round(
        process.resourceUsage().maxRSS / 1024,
      )} MiB)`,
    );
  } finally {
    await cleanup();
  }
}

main().catch(error => {
  console.error(`benchmark failed: ${error?.stack ?? error}`);
  process.exitCode = 1;
});
