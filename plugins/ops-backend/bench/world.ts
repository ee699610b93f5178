/*
 * The benchmark's catalog, store and evaluator, plus timing wrappers that
 * say where a round's time goes without touching src/.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DEFAULT_SLO_POLICY_THRESHOLDS } from '@unyo/plugin-ops-common';
import knexFactory, { Knex } from 'knex';
import { DatabaseSloStore } from '../src/database/DatabaseSloStore';
import { SloStore } from '../src/database/SloStore';
import {
  createPrometheusClients,
  PrometheusClients,
} from '../src/prometheus/PrometheusClients';
import { PrometheusClient } from '../src/prometheus/types';
import { DefaultSloService } from '../src/slo/DefaultSloService';
import { SloEvaluator } from '../src/slo/evaluation/SloEvaluator';
import { DatabaseSloCorrectionStore } from '../src/slo/corrections/DatabaseSloCorrectionStore';
import { CatalogSloPolicyLookup } from '../src/slo/policies';
import { DatabaseSloVersions } from '../src/slo/versions/SloVersionStore';
import { DatabaseMonthlyRollups } from '../src/slo/rollups/MonthlyRollups';
import { serviceName } from './series';

function component(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', etag: 'v1' },
    spec: {
      type: 'service',
      owner: 'group:default/sre',
      lifecycle: 'production',
    },
    relations: ['availability', 'latency', 'errors'].map(kind => ({
      type: 'measuredBy',
      targetRef: `slo:default/${name}-${kind}`,
    })),
  };
}

const metric = (query: string) => ({
  metricSource: { type: 'Prometheus', spec: { query } },
});

function slo(
  service: string,
  kind: string,
  target: number,
  ratioMetric: Record<string, unknown>,
): Entity {
  const counter = ratioMetric.counter ?? true;
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    // The catalog gives every entity an etag (the evaluator keeps plans by it).
    metadata: { name: `${service}-${kind}`, namespace: 'default', etag: 'v1' },
    spec: {
      service,
      indicator: {
        metadata: { name: `${service}-${kind}-sli` },
        spec: { ratioMetric: { ...ratioMetric, counter } },
      },
      timeWindow: [{ duration: '30d', isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [{ target }],
    },
  };
}

/**
 * The same 3 SLIs written as other tools write them: rates integrated
 * (`counter: false`), an aggregation of counters, a Sloth window template.
 */
function expressionSlos(s: string): Entity[] {
  return [
    slo(s, 'availability', 0.999, {
      counter: false,
      good: metric(
        `sum(rate(http_requests_total{service="${s}",code!~"5.."}[5m]))`,
      ),
      total: metric(`sum(rate(http_requests_total{service="${s}"}[5m]))`),
    }),
    slo(s, 'latency', 0.99, {
      good: metric(
        `sum by (service) (http_request_duration_seconds_bucket{service="${s}",le="0.5"})`,
      ),
      total: metric(
        `sum by (service) (http_request_duration_seconds_count{service="${s}"})`,
      ),
    }),
    slo(s, 'errors', 0.995, {
      counter: false,
      bad: metric(
        `sum(rate(http_requests_total{service="${s}",code="500"}[{{.window}}]))`,
      ),
      total: metric(
        `sum(rate(http_requests_total{service="${s}"}[{{.window}}]))`,
      ),
    }),
  ];
}

/**
 * N components, each measured by 3 SLOs of 3 shapes; the first
 * `expressionShare` of the services have theirs written as expressions.
 */
export function benchEntities(services: number, expressionShare = 0): Entity[] {
  const entities: Entity[] = [];
  for (let i = 0; i < services; i++) {
    const s = serviceName(i);
    if (i < services * expressionShare) {
      entities.push(component(s), ...expressionSlos(s));
      continue;
    }
    entities.push(
      component(s),
      slo(s, 'availability', 0.999, {
        good: metric(`http_requests_total{service="${s}",code!~"5.."}`),
        total: metric(`http_requests_total{service="${s}"}`),
      }),
      slo(s, 'latency', 0.99, {
        good: metric(
          `http_request_duration_seconds_bucket{service="${s}",le="0.5"}`,
        ),
        total: metric(`http_request_duration_seconds_count{service="${s}"}`),
      }),
      slo(s, 'errors', 0.995, {
        bad: metric(`http_requests_total{service="${s}",code="500"}`),
        total: metric(`http_requests_total{service="${s}"}`),
      }),
    );
  }
  return entities;
}

/** Calls and total ms per method of an object whose methods return promises. */
export class MethodTimes {
  readonly byMethod = new Map<string, { calls: number; ms: number }>();

  wrap<T extends object>(target: T): T {
    return new Proxy(target, {
      get: (obj, prop, receiver) => {
        const value = Reflect.get(obj, prop, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const started = performance.now();
          const result = value.apply(obj, args);
          if (!(result instanceof Promise)) return result;
          return result.finally(() => this.add(String(prop), started));
        };
      },
    });
  }

  private add(method: string, started: number) {
    const entry = this.byMethod.get(method) ?? { calls: 0, ms: 0 };
    entry.calls++;
    entry.ms += performance.now() - started;
    this.byMethod.set(method, entry);
  }

  totalMs(): number {
    let ms = 0;
    for (const e of this.byMethod.values()) ms += e.ms;
    return ms;
  }

  reset() {
    this.byMethod.clear();
  }
}

/**
 * Prometheus time: queries, summed latency, and the wall time during which
 * at least one query was in flight (queries overlap: 4 per server).
 */
export class QueryTimes {
  queries = 0;
  latencyMs = 0;
  busyMs = 0;
  maxMs = 0;
  /** Start and end of each stretch with a query in flight (performance.now()). */
  readonly busy: Array<[number, number]> = [];
  private inFlight = 0;
  private busySince = 0;
  /** By range, e.g. `1d`: daily rollups and the 1d burn window share it. */
  readonly byRange = new Map<string, { queries: number; ms: number }>();

  wrap(clients: PrometheusClients): PrometheusClients {
    const cache = new Map<PrometheusClient, PrometheusClient>();
    return {
      names: () => clients.names(),
      findByUrl: (url: string) => clients.findByUrl(url),
      withRetry: retry => this.wrap(clients.withRetry(retry)),
      get: (name?: string) => {
        const client = clients.get(name);
        let wrapped = cache.get(client);
        if (!wrapped) {
          wrapped = new Proxy(client, {
            get: (obj, prop, receiver) => {
              const value = Reflect.get(obj, prop, receiver);
              if (prop !== 'instantQuery') {
                return typeof value === 'function' ? value.bind(obj) : value;
              }
              return (query: string, options: unknown) =>
                this.time(query, () => value.call(obj, query, options));
            },
          });
          cache.set(client, wrapped);
        }
        return wrapped;
      },
    };
  }

  private async time<T>(query: string, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    if (this.inFlight++ === 0) this.busySince = started;
    try {
      return await run();
    } finally {
      const now = performance.now();
      if (--this.inFlight === 0) {
        this.busyMs += now - this.busySince;
        this.busy.push([this.busySince, now]);
      }
      const ms = now - started;
      this.queries++;
      this.latencyMs += ms;
      this.maxMs = Math.max(this.maxMs, ms);
      const range = /\[([^\]]+)\]\)\)$/.exec(query)?.[1] ?? '?';
      const entry = this.byRange.get(range) ?? { queries: 0, ms: 0 };
      entry.queries++;
      entry.ms += ms;
      this.byRange.set(range, entry);
    }
  }

  reset() {
    this.queries = 0;
    this.latencyMs = 0;
    this.busyMs = 0;
    this.maxMs = 0;
    this.busy.length = 0;
    this.byRange.clear();
  }
}

/**
 * `catalogServiceMock` with lookups by ref from a map, and kind queries
 * paged from a list. The mock rebuilds the search index of every entity on
 * each call (73 ms at 40,000 entities; 15 s for the 80 pages of a round),
 * where the catalog backend reads rows by key or one indexed page: left as
 * is, the benchmarks would time the mock.
 */
export function indexedByRef(
  catalog: CatalogService,
  entities: Entity[],
): CatalogService {
  const byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));
  const find = (ref: string) => byRef.get(ref.toLocaleLowerCase('en-US'));
  for (const [ref, e] of [...byRef]) {
    byRef.set(ref.toLocaleLowerCase('en-US'), e);
  }
  return new Proxy(catalog, {
    get: (obj, prop, receiver) => {
      if (prop === 'getEntityByRef') {
        return async (ref: string | CompoundEntityRef) =>
          find(typeof ref === 'string' ? ref : stringifyEntityRef(ref));
      }
      if (prop === 'getEntitiesByRefs') {
        return async (request: { entityRefs: string[] }) => ({
          items: request.entityRefs.map(find),
        });
      }
      if (prop === 'queryEntities') {
        return async (request: {
          filter?: { kind?: string | string[] };
          cursor?: string;
          limit?: number;
        }) => pageOfKinds(entities, request);
      }
      const value = Reflect.get(obj, prop, receiver);
      // The mock's methods read private fields: call them on the mock.
      return typeof value === 'function' ? value.bind(obj) : value;
    },
  });
}

/**
 * A page of the entities of some kinds, as `loadSlos` asks for them (a kind
 * filter, then the cursor); the cursor is the kinds and the next offset.
 */
function pageOfKinds(
  entities: Entity[],
  request: {
    filter?: { kind?: string | string[] };
    cursor?: string;
    limit?: number;
  },
) {
  const { kinds, offset } = request.cursor
    ? (JSON.parse(request.cursor) as { kinds: string[]; offset: number })
    : { kinds: [request.filter?.kind ?? []].flat(), offset: 0 };
  const wanted = new Set(kinds.map(k => k.toLocaleLowerCase('en-US')));
  const matching = entities.filter(e =>
    wanted.has(e.kind.toLocaleLowerCase('en-US')),
  );
  const limit = request.limit ?? 500;
  // Parsed from JSON, as the catalog client reads each page.
  const items: Entity[] = JSON.parse(
    JSON.stringify(matching.slice(offset, offset + limit)),
  );
  const next = offset + limit;
  return {
    items,
    totalItems: matching.length,
    pageInfo: {
      ...(next < matching.length && {
        nextCursor: JSON.stringify({ kinds, offset: next }),
      }),
    },
  };
}

/** Warnings and errors only: the evaluator logs one info line per round. */
export function quietLogger(): LoggerService {
  const logger: LoggerService = {
    error: (message: string) => console.error(`  [error] ${message}`),
    warn: (message: string) => console.warn(`  [warn] ${message}`),
    info: () => {},
    debug: () => {},
    child: () => logger,
  };
  return logger;
}

export interface BenchWorld {
  services: number;
  knex: Knex;
  catalog: CatalogService;
  store: SloStore;
  evaluator: SloEvaluator;
  sloService: DefaultSloService;
  catalogTimes: MethodTimes;
  storeTimes: MethodTimes;
  queryTimes: QueryTimes;
  close(): Promise<void>;
}

/** Catalog + SQLite store (better-sqlite3 in memory) + evaluator for N services. */
export async function createWorld(options: {
  services: number;
  prometheusUrl: string;
  now: Date;
  /** Share of the services whose SLOs are written as expressions; default 0. */
  expressionShare?: number;
}): Promise<BenchWorld> {
  const { services, prometheusUrl, now } = options;
  // One connection: each connection to :memory: would be its own database.
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: ':memory:' },
    useNullAsDefault: true,
    pool: { min: 1, max: 1 },
  });
  try {
    const catalogTimes = new MethodTimes();
    const storeTimes = new MethodTimes();
    const queryTimes = new QueryTimes();
    const catalog = catalogTimes.wrap(
      indexedByRef(
        catalogServiceMock({
          entities: benchEntities(services, options.expressionShare),
        }),
        benchEntities(services, options.expressionShare),
      ),
    );
    const store = storeTimes.wrap<SloStore>(
      await DatabaseSloStore.create({
        database: mockServices.database({ knex }),
      }),
    );
    const prometheus = queryTimes.wrap(
      createPrometheusClients(
        [
          {
            name: 'default',
            url: prometheusUrl,
            headers: {},
            timeout: { seconds: 60 },
          },
        ],
        { retry: { attempts: 1 } },
      ),
    );
    // As src/plugin.ts wires it: policies from the catalog, versions and
    // corrections in the database.
    const database = mockServices.database({ knex });
    const evaluator = new SloEvaluator({
      catalog,
      auth: mockServices.auth(),
      store,
      prometheus,
      logger: quietLogger(),
      thresholds: DEFAULT_SLO_POLICY_THRESHOLDS,
      policies: new CatalogSloPolicyLookup({
        catalog,
        defaultPolicy: DEFAULT_SLO_POLICY_THRESHOLDS,
        policies: {},
      }),
      versions: await DatabaseSloVersions.create({ database }),
      corrections: await DatabaseSloCorrectionStore.create({ database }),
      now: () => now,
    });
    const sloService = new DefaultSloService({
      catalog,
      store,
      rollups: await DatabaseMonthlyRollups.create({
        database: mockServices.database({ knex }),
      }),
      notEvaluatedMessage: () => 'not evaluated',
      now: () => new Date(now.getTime() + 60_000),
    });
    return {
      services,
      knex,
      catalog,
      store,
      evaluator,
      sloService,
      catalogTimes,
      storeTimes,
      queryTimes,
      close: () => knex.destroy(),
    };
  } catch (error) {
    await knex.destroy();
    throw error;
  }
}
