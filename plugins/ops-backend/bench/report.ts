/*
 * SLO report benchmark: prints figures, asserts nothing.
 *
 *   yarn workspace @unyo/plugin-ops-backend bench:report [--slos 2000]
 *     [--requests 200] [--db sqlite|postgres] [--no-browser]
 *
 * 1. A catalog of N SLOs (3 per service, 25 owners, 10 systems;
 *    catalogServiceMock) and a year (365 UTC days) of daily rollups per SLO
 *    written with the store API (DatabaseSloStore) to a SQLite file or a
 *    fresh database on the local PostgreSQL.
 * 2. Times GET /api/ops/slo-report (the page's first request: this month,
 *    12 months of attainment, first 200 rows grouped by owner), the summary
 *    and the full CSV through createRouter in an express app, warm.
 * 3. Streams this month's counters of the same services to a real
 *    Prometheus (promtool backfill) and times computing this month's
 *    attainment of the N SLOs live with batched `increase()` queries, as a
 *    report without rollups would have to; prints the ratio.
 * 4. Unless --no-browser: bundles the report component (esbuild, production)
 *    into a minimal harness page (plugins/ops-dashboard/bench/
 *    reportHarness.tsx) served by the same express app, and times
 *    "interactive" (first rows of the table in the document) in headless
 *    Chromium, and the part of it from the rows' arrival to their drawing.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { indexedByRef } from './world';
import express from 'express';
import knexFactory from 'knex';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { readOpsConfig } from '../src/config/OpsConfig';
import { DatabaseSloStore } from '../src/database/DatabaseSloStore';
import { createPrometheusClients } from '../src/prometheus/PrometheusClients';
import { createRouter } from '../src/router';
import { DefaultSloService } from '../src/slo/DefaultSloService';
import { DefaultSloReportService } from '../src/slo/report/DefaultSloReportService';
import { DatabaseMonthlyRollups } from '../src/slo/rollups/MonthlyRollups';
import { DatabaseSloVersions } from '../src/slo/versions/SloVersionStore';
import { monthsEnding } from '../src/slo/report/months';
import { benchWorkspace, flag, option, percentile, serve } from './support';
import { killChildren, startPrometheusWithHistory } from './prometheus';
import { measurePage } from './reportPage';
import { sampleTimes, serviceName } from './series';
import {
  writeYearOfRollups,
  reportEntities,
  writeVersions,
} from './reportCatalog';

const GOAL_API_P95_MS = 200;
const GOAL_INTERACTIVE_MS = 2000;
const LIVE_BATCH = 500;
const DAY = 86_400_000;

const ms = (v: number) => `${v.toFixed(1)} ms`;
const s = (v: number) => `${(v / 1000).toFixed(1)} s`;

function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    max: sorted[sorted.length - 1],
  };
}

async function openDatabase(kind: string, dir: string) {
  if (kind === 'sqlite') {
    const file = join(dir, 'ops.sqlite');
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: file },
      useNullAsDefault: true,
    });
    return {
      knex,
      label: `SQLite file ${file}`,
      // Its pool would keep the process alive after the figures.
      drop: async () => knex.destroy(),
    };
  }
  const name = `ops_report_bench_${process.pid}`;
  const admin = knexFactory({
    client: 'pg',
    connection: 'postgresql://postgres@127.0.0.1:5432/postgres',
  });
  await admin.raw(`CREATE DATABASE ${name}`);
  const knex = knexFactory({
    client: 'pg',
    connection: `postgresql://postgres@127.0.0.1:5432/${name}`,
  });
  return {
    knex,
    label: `PostgreSQL 15 database ${name} on 127.0.0.1:5432`,
    drop: async () => {
      await knex.destroy();
      await admin.raw(`DROP DATABASE IF EXISTS ${name}`);
      await admin.destroy();
    },
  };
}

async function main() {
  const slos = flag('slos', 2000);
  const requests = flag('requests', 200);
  const db = option('db', ['sqlite', 'postgres']);
  const browser = !process.argv.includes('--no-browser');
  const services = Math.ceil(slos / 3);

  const { dir, cleanups, cleanup } = benchWorkspace('ops-report-bench-');

  try {
    const now = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 60_000);
    const month = now.toISOString().slice(0, 7);
    const monthStart = new Date(`${month}-01T00:00:00.000Z`);
    console.log(
      `SLO report benchmark: ${slos} SLOs (${services} services), 365 days of rollups, ${
        cpus().length
      } cores, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${
        process.version
      }, ${new Date().toISOString()}`,
    );

    // 1. Catalog, store and a year of daily rollups.
    const database = await openDatabase(db, dir);
    cleanups.push(database.drop);
    console.log(`store: ${database.label}`);
    let t = performance.now();
    const store = await DatabaseSloStore.create({
      database: mockServices.database({ knex: database.knex }),
    });
    const year = await writeYearOfRollups(store, slos, now);
    console.log(
      `rollups: ${year.rows.toLocaleString('en')} daily rows (${
        year.first
      } to ${year.last}) written with the store API in ${s(
        performance.now() - t,
      )}`,
    );

    // Every SLO versioned, as the evaluator leaves them in production.
    const versions = await DatabaseSloVersions.create({
      database: mockServices.database({ knex: database.knex }),
    });
    t = performance.now();
    const versioned = await writeVersions(versions, slos, now);
    console.log(
      `versions: ${versioned.versioned} SLOs versioned, ${
        versioned.changed
      } with a new target this month, in ${s(performance.now() - t)}`,
    );

    // Lookups and kind pages as the catalog backend answers them, not the
    // mock's index rebuilt on each call (bench/world.ts).
    const entities = reportEntities(slos);
    const catalog = indexedByRef(catalogServiceMock({ entities }), entities);
    // One instance for both, as the plugin wires them.
    const rollups = await DatabaseMonthlyRollups.create({
      database: mockServices.database({ knex: database.knex }),
    });
    const sloService = new DefaultSloService({
      catalog,
      store,
      rollups,
      notEvaluatedMessage: () => 'not evaluated',
      now: () => now,
      versions,
    });
    const report = new DefaultSloReportService({
      slos: sloService,
      rollups,
      now: () => now,
      versions,
    });

    // 2. The report API through the real router.
    const app = express();
    app.use(
      '/api/ops',
      await createRouter({
        httpAuth: mockServices.httpAuth(),
        config: readOpsConfig(new ConfigReader({})),
        slos: sloService,
        report,
      }),
    );
    const pageRoutes = express.Router();
    app.use(pageRoutes);
    const base = await serve(app, cleanups);

    const time = async (path: string, check: (body: string) => boolean) => {
      const started = performance.now();
      const res = await fetch(`${base}${path}`);
      const body = await res.text();
      const took = performance.now() - started;
      if (res.status !== 200 || !check(body)) {
        throw new Error(
          `${path} answered ${res.status}: ${body.slice(0, 200)}`,
        );
      }
      return took;
    };
    const pageQuery = `month=${month}&months=12&limit=200&offset=0&sort=name&order=asc&groupBy=owner`;
    const cases = [
      {
        label: 'page: this month, 12 months, 200 rows by owner',
        path: `/api/ops/slo-report?${pageQuery}`,
        check: (b: string) => {
          const body = JSON.parse(b);
          return (
            body.totalCount === slos &&
            body.items.length === Math.min(200, slos)
          );
        },
        n: requests,
      },
      {
        label: 'page: one owner (80 SLOs), 12 months',
        path: `/api/ops/slo-report?${pageQuery}&owner=team-3`,
        check: (b: string) => JSON.parse(b).items.length > 0,
        n: requests,
      },
      {
        label: 'summary: this month',
        path: `/api/ops/slo-report/summary?month=${month}`,
        check: (b: string) => JSON.parse(b).totalSlos === slos,
        n: requests,
      },
      {
        label: `CSV: all ${slos} rows, 12 months`,
        path: `/api/ops/slo-report?month=${month}&months=12&format=csv`,
        check: (b: string) => b.trim().split('\r\n').length === slos + 1,
        n: Math.max(10, Math.round(requests / 10)),
      },
    ];
    console.log(
      `\nGET /api/ops/slo-report through createRouter (warm: 10 requests first, not counted)`,
    );
    console.log(
      `${'case'.padEnd(48)} ${'n'.padStart(4)} ${'p50'.padStart(
        9,
      )} ${'p95'.padStart(9)} ${'max'.padStart(9)}`,
    );
    const cold = await time(cases[0].path, cases[0].check);
    const apiFigures: Record<string, ReturnType<typeof stats>> = {};
    for (const c of cases) {
      for (let k = 0; k < 10; k++) await time(c.path, c.check);
      const times: number[] = [];
      for (let k = 0; k < c.n; k++) times.push(await time(c.path, c.check));
      const f = stats(times);
      apiFigures[c.label] = f;
      console.log(
        `${c.label.padEnd(48)} ${String(c.n).padStart(4)} ${ms(f.p50).padStart(
          9,
        )} ${ms(f.p95).padStart(9)} ${ms(f.max).padStart(9)}`,
      );
    }
    console.log(`first request (cold caches): ${ms(cold)}`);
    // Where a cold request's time goes, each part on its own, with caches
    // of their own (the shared ones are warm by now).
    const credentials = await mockServices
      .httpAuth()
      .credentials({ headers: {} } as any);
    const freshRollups = () =>
      DatabaseMonthlyRollups.create({
        database: mockServices.database({ knex: database.knex }),
      });
    const coldService = new DefaultSloService({
      catalog,
      store,
      rollups: await freshRollups(),
      notEvaluatedMessage: () => 'not evaluated',
      now: () => now,
      versions,
    });
    let p = performance.now();
    await coldService.report({ month }, credentials);
    const partStatuses = performance.now() - p;
    const monthRollups = await freshRollups();
    p = performance.now();
    await monthRollups.totals(month, month);
    const partMonth = performance.now() - p;
    const yearRollups = await freshRollups();
    p = performance.now();
    const yearTotals = await yearRollups.totals(year.first.slice(0, 7), month);
    const partRollups = performance.now() - p;
    console.log(
      `  cold parts: catalog + this month's status of ${slos} SLOs ${ms(
        partStatuses,
      )}, of which the month's one grouped query ${ms(
        partMonth,
      )}; one grouped query for 12 months of ${yearTotals.size} SLOs ${ms(
        partRollups,
      )}`,
    );
    // A round stores today's days again; the same instance then reads a
    // year (another range, so not its cached answer): only this month's
    // sums have changed, and only they are summed and read again.
    const today = now.toISOString().slice(0, 10);
    const todays = entities
      .filter(e => e.kind === 'SLO')
      .map(e => ({
        sloRef: `slo:default/${e.metadata.name}`,
        day: today,
        good: 999_000,
        total: 1_000_000,
      }));
    for (let k = 0; k < todays.length; k += 20_000) {
      await store.upsertDaily(todays.slice(k, k + 20_000));
    }
    const months12 = monthsEnding(month, 12);
    p = performance.now();
    await yearRollups.totals(months12[0], month);
    console.log(
      `  after a round stored today's ${
        todays.length
      } days: 12 months read again by the same instance ${ms(
        performance.now() - p,
      )} (this month summed again and read, the other 11 kept)`,
    );

    // 3. The same month's attainment live from Prometheus.
    t = performance.now();
    const monthDays = Math.ceil((now.getTime() - monthStart.getTime()) / DAY);
    const times = sampleTimes({ endMs: now.getTime(), days: monthDays + 1 });
    const { prometheus, written } = await startPrometheusWithHistory({
      dir,
      services,
      times,
      endMs: now.getTime(),
      cleanups,
    });
    console.log(
      `\nPrometheus: ${written.series} series, ${(
        written.samples / 1e6
      ).toFixed(1)} M samples (${
        monthDays + 1
      } days), backfilled and started in ${s(performance.now() - t)}`,
    );
    const client = createPrometheusClients(
      [
        {
          name: 'default',
          url: prometheus.url,
          headers: {},
          timeout: { seconds: 120 },
        },
      ],
      { retry: { attempts: 1 } },
    ).get();
    const range = `${Math.round(
      (now.getTime() - monthStart.getTime()) / 1000,
    )}s`;
    /** `increase()` over this month so far, summed per service. */
    const perService = async (sel: string, metric: string, extra = '') => {
      const samples = await client.instantQuery(
        `sum by (service) (increase(${metric}{${sel}${extra}}[${range}]))`,
        { time: now },
      );
      return new Map(samples.map(x => [x.labels.service, x.value]));
    };
    const live = async () => {
      const attainment = new Map<string, number>();
      let queries = 0;
      for (let b = 0; b < services; b += LIVE_BATCH) {
        const names = Array.from(
          { length: Math.min(LIVE_BATCH, services - b) },
          (_, k) => serviceName(b + k),
        ).join('|');
        const sel = `service=~"${names}"`;
        const q = (metric: string, extra?: string) =>
          perService(sel, metric, extra);
        queries += 5;
        const [total, good, fast, count, errors] = await Promise.all([
          q('http_requests_total'),
          q('http_requests_total', ',code!~"5.."'),
          q('http_request_duration_seconds_bucket', ',le="0.5"'),
          q('http_request_duration_seconds_count'),
          q('http_requests_total', ',code="500"'),
        ]);
        for (const [svc, tot] of total) {
          attainment.set(`${svc}-availability`, (good.get(svc) ?? 0) / tot);
          attainment.set(`${svc}-errors`, 1 - (errors.get(svc) ?? 0) / tot);
        }
        for (const [svc, c] of count) {
          attainment.set(`${svc}-latency`, (fast.get(svc) ?? 0) / c);
        }
      }
      return { attainment, queries };
    };
    const liveTimes: number[] = [];
    let liveResult = await live(); // warm-up
    for (let k = 0; k < 10; k++) {
      const started = performance.now();
      liveResult = await live();
      liveTimes.push(performance.now() - started);
    }
    const liveFigures = stats(liveTimes);
    // The stored figures of the same month, for the check below.
    const stored = JSON.parse(
      await (
        await fetch(
          `${base}/api/ops/slo-report?month=${month}&months=1&format=json`,
        )
      ).text(),
    ).items as Array<{ ref: string; sli?: { ratio: number } }>;
    let maxDiff = 0;
    for (const item of stored) {
      const l = liveResult.attainment.get(item.ref.replace('slo:default/', ''));
      if (l !== undefined && item.sli) {
        maxDiff = Math.max(maxDiff, Math.abs(l - item.sli.ratio));
      }
    }
    const monthFromStore = apiFigures[cases[0].label];
    console.log(
      `live: this month's attainment of ${liveResult.attainment.size} SLOs, ${
        liveResult.queries
      } increase()[${range}] queries (batches of ${LIVE_BATCH} services), n=10: p50 ${ms(
        liveFigures.p50,
      )}, p95 ${ms(liveFigures.p95)}`,
    );
    console.log(
      `  largest difference live vs stored attainment: ${maxDiff.toExponential(
        2,
      )} (same generated traffic)`,
    );
    console.log(
      `  ratio live p95 / stored report p95 (one month vs 12 months + 200 rows): ${(
        liveFigures.p95 / monthFromStore.p95
      ).toFixed(1)}×; 12 months live would need a year of Prometheus retention`,
    );

    // 4. The page in headless Chromium.
    let page: Awaited<ReturnType<typeof measurePage>> | undefined;
    if (browser) {
      page = await measurePage({ router: pageRoutes, base, dir, runs: 5 });
      console.log(
        `\npage (harness: the SloReport component bundled with esbuild, production build ${(
          page.bundleBytes /
          2 ** 10
        ).toFixed(0)} KiB, served with this backend), headless Chromium, n=${
          page.runs.length
        }:`,
      );
      for (const run of page.runs) {
        console.log(
          `  interactive (first rows rendered) ${ms(
            run.interactiveMs,
          )} (bundle run by ${ms(run.scriptDoneMs)}, rows arrived at ${ms(
            run.rowsArrivedMs,
          )}, drawn ${ms(run.drawMs)} later), ${
            run.rows
          } rows in the document, scroll to the end loads ${
            run.loadedAfterScroll
          } rows`,
        );
      }
    }

    console.log('\nsummary');
    const apiP95 = monthFromStore.p95;
    console.log(
      `  report API p95 warm ${ms(apiP95)} (goal ≤ ${GOAL_API_P95_MS} ms): ${
        apiP95 <= GOAL_API_P95_MS ? 'met' : 'NOT met'
      }`,
    );
    if (page) {
      const worst = Math.max(...page.runs.map(r => r.interactiveMs));
      console.log(
        `  page interactive, slowest of ${page.runs.length} ${ms(
          worst,
        )} (goal ≤ ${GOAL_INTERACTIVE_MS} ms): ${
          worst <= GOAL_INTERACTIVE_MS ? 'met' : 'NOT met'
        }`,
      );
      const draw = stats(page.runs.map(r => r.drawMs));
      console.log(
        `  rows arrived → first rows drawn: p50 ${ms(draw.p50)}, max ${ms(
          draw.max,
        )}`,
      );
    }
    console.log(
      `  live from Prometheus p95 ${ms(liveFigures.p95)}: ${(
        liveFigures.p95 / apiP95
      ).toFixed(1)}× the stored report`,
    );
  } finally {
    await cleanup();
  }
}

main().catch(error => {
  console.error(error);
  killChildren();
  process.exit(1);
});
