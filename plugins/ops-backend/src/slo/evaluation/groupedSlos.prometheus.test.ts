import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { createTestDatabases } from '@internal/ops-test-utils';
import {
  BURN_RATE_WINDOWS,
  SloGroupStatus,
  SloStatus,
} from '@unyo/plugin-ops-common';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import {
  describeWithPrometheus,
  prometheusForSuite,
  requestCounters,
} from '../../__testUtils__/prometheus';
import {
  manualScheduler,
  opsBackendPerTest,
} from '../../__testUtils__/opsBackend';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const END = Math.floor(Date.now() / MINUTE) * MINUTE - MINUTE;
const databases = createTestDatabases();

/** Share of failed requests per service, each at 10 requests a second. */
const ERROR_RATIOS: Record<string, number> = {
  'svc-1': 0.0001,
  'svc-2': 0.0002,
  'svc-3': 0.0004,
  'svc-4': 0.0006,
  'svc-5': 0.0009,
};
/** By hand: budget left 0.9, 0.8, 0.6, 0.4, 0.1 against the default policy. */
const POLICIES: Record<string, string> = {
  'svc-1': 'normal',
  'svc-2': 'normal',
  'svc-3': 'normal',
  'svc-4': 'feature-freeze',
  'svc-5': 'incident-only',
};
const TARGET = 0.999;

/** The storefront component, measured by the SLOs given. */
function storefront(slos: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'storefront', namespace: 'default' },
    spec: { type: 'service', owner: 'group:default/team', lifecycle: 'prod' },
    relations: slos.map(name => ({
      type: 'measuredBy',
      targetRef: `slo:default/${name}`,
    })),
  };
}

/** A 1-day availability SLO over every service's requests. */
function requestsSlo(name: string, groupBy?: string): Entity {
  const query = (matchers: string) => ({
    metricSource: {
      type: 'Prometheus',
      spec: { query: `http_requests_total${matchers}` },
    },
  });
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: {
      name,
      namespace: 'default',
      annotations: groupBy ? { 'unyo.dev/group-by': groupBy } : {},
    },
    spec: {
      service: 'storefront',
      indicator: {
        metadata: { name: `${name}-sli` },
        spec: {
          ratioMetric: {
            counter: true,
            good: query('{code!~"5.."}'),
            total: query(''),
          },
        },
      },
      timeWindow: [{ duration: '1d', isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [{ target: TARGET }],
    },
  };
}

/**
 * Forwards to Prometheus and records the PromQL of every instant query, so
 * the test counts what reached the server, not what the evaluator says.
 */
async function countingProxy(target: string) {
  const queries: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString();
    if (req.url?.startsWith('/api/v1/query?') || req.url === '/api/v1/query') {
      const params = new URLSearchParams(body || (req.url.split('?')[1] ?? ''));
      queries.push(params.get('query') ?? '');
    }
    const answer = await fetch(`${target}${req.url}`, {
      method: req.method,
      headers: { 'content-type': req.headers['content-type'] ?? '' },
      body: req.method === 'GET' ? undefined : body,
    });
    res.writeHead(answer.status, {
      'content-type': answer.headers.get('content-type') ?? 'text/plain',
    });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    queries,
    close: () => new Promise<void>(done => server.close(() => done())),
  };
}

describeWithPrometheus('grouped SLOs (unyo.dev/group-by)', () => {
  jest.setTimeout(180_000);
  const prometheus = prometheusForSuite({
    series: Object.entries(ERROR_RATIOS).flatMap(([service, errorRatio]) =>
      requestCounters({
        service,
        perSecond: 10,
        errorRatio,
        startMs: END - 4 * DAY,
        endMs: END,
        stepMs: MINUTE,
      }),
    ),
  });
  let proxy: Awaited<ReturnType<typeof countingProxy>>;

  beforeAll(async () => {
    proxy = await countingProxy(prometheus.url);
  });
  afterAll(async () => {
    await proxy?.close();
  });

  describe.each(databases.eachSupportedId())('on %s', id => {
    const startBackend = opsBackendPerTest();

    /** A backend over `entities`; runs one evaluation round, counting its queries. */
    async function evaluate(entities: Entity[], slo: object = {}) {
      const scheduler = manualScheduler();
      const backend = await startBackend({
        knex: await databases.init(id),
        entities,
        features: [
          scheduler.factory,
          mockServices.rootConfig.factory({
            data: {
              ops: {
                prometheus: { servers: [{ name: 'default', url: proxy.url }] },
                slo,
              },
            },
          }),
        ],
      });
      proxy.queries.length = 0;
      await scheduler.run('unyo-slo-evaluation');
      const queries = [...proxy.queries];
      const listed = await request(backend.server)
        .get('/api/ops/slos')
        .query({ entityRef: 'component:default/storefront' })
        .set('Authorization', mockCredentials.service.header());
      expect(listed.status).toBe(200);
      const byName = new Map<string, SloStatus>(
        listed.body.items.map((s: SloStatus) => [s.ref.split('/')[1], s]),
      );
      return { queries, byName };
    }

    it('evaluates a grouped SLO over five services as five groups with their own SLI, from one query per window', async () => {
      const plain = await evaluate([
        storefront(['requests']),
        requestsSlo('requests'),
      ]);
      const grouped = await evaluate([
        storefront(['requests']),
        requestsSlo('requests', 'service'),
      ]);

      // One query for the SLO window and one per burn-rate window, whatever
      // the number of groups: the grouped round asks exactly that many more.
      const groupQueries = grouped.queries.filter(q =>
        q.includes('sum by (service)'),
      );
      expect(groupQueries).toHaveLength(1 + BURN_RATE_WINDOWS.length);
      expect(grouped.queries.length - plain.queries.length).toBe(
        1 + BURN_RATE_WINDOWS.length,
      );
      for (const range of ['[1d]', '[5m]', '[3d]']) {
        expect(groupQueries.filter(q => q.includes(range))).toHaveLength(
          range === '[1d]' ? 2 : 1,
        );
      }

      const status = grouped.byName.get('requests')!;
      expect(status.state).toBe('ok');
      expect(status.groupBy).toEqual(['service']);
      const groups = status.groups!;
      expect(groups).toHaveLength(5);
      // Worst first: the service with most errors has least budget left.
      expect(groups.map(g => g.labels.service)).toEqual([
        'svc-5',
        'svc-4',
        'svc-3',
        'svc-2',
        'svc-1',
      ]);
      for (const group of groups) {
        const errors = ERROR_RATIOS[group.labels.service];
        expect(group.state).toBe('ok');
        expect(group.sli!.ratio).toBeCloseTo(1 - errors, 7);
        expect(group.sli!.total / (10 * 86400)).toBeCloseTo(1, 2);
        const consumed = errors / (1 - TARGET);
        expect(group.errorBudget!.consumedRatio).toBeCloseTo(consumed, 3);
        expect(group.burnRates!['1h']!).toBeCloseTo(consumed, 3);
        expect(group.policy).toBe(POLICIES[group.labels.service]);
      }
      // The SLO's own figures stay those of all the requests together.
      const sum = (pick: (g: SloGroupStatus) => number) =>
        groups.reduce((total, g) => total + pick(g), 0);
      expect(status.sli!.total / sum(g => g.sli!.total)).toBeCloseTo(1, 3);
      expect(status.sli!.good / sum(g => g.sli!.good)).toBeCloseTo(1, 3);
      expect(plain.byName.get('requests')!.groups).toBeUndefined();
    });

    it('keeps the worst ops.slo.maxGroups groups and counts the others; a bad label name is the error of its SLO', async () => {
      const { byName } = await evaluate(
        [
          storefront(['capped', 'hostile']),
          requestsSlo('capped', 'service'),
          requestsSlo('hostile', 'service) or vector(1'),
        ],
        { maxGroups: 2 },
      );
      const capped = byName.get('capped')!;
      expect(capped.groups!.map(g => g.labels.service)).toEqual([
        'svc-5',
        'svc-4',
      ]);
      expect(capped.groupsOmitted).toBe(3);

      const hostile = byName.get('hostile')!;
      expect(hostile.state).toBe('error');
      expect(hostile.message).toContain('unyo.dev/group-by');
      expect(hostile.message).toContain('not a Prometheus label name');
      expect(hostile.groups).toBeUndefined();
    });
  });
});
