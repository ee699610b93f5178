import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  describeWithPrometheus,
  linearCounter,
  prometheusForSuite,
  TestSeries,
} from '../../__testUtils__/prometheus';
import {
  componentMeasuredBy,
  importSlosCommand,
} from '../../__testUtils__/importedSlos';
import { testSloEvaluation } from '../../__testUtils__/sloEvaluation';

// Pyrra's own example SLOs (packages/cli/src/__fixtures__/pyrra, unchanged),
// converted by `unyo import-slos` run as a command, evaluated against a real
// Prometheus backfilled with counters of known rates under the names and
// labels those files select. Pyrra's ratio and latency indicators are counter
// selectors, which Unyo evaluates in its batched path.

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const NOW = Math.floor(Date.now() / MINUTE) * MINUTE - 5 * MINUTE;
const START = NOW - 30 * DAY;

const range = { startMs: START, endMs: NOW, stepMs: MINUTE };

/** A counter whose rate per second is constant, sampled each minute. */
function counter(
  name: string,
  labels: Record<string, string>,
  perSecond: number,
): TestSeries {
  return linearCounter({ name, labels, perSecond, ...range });
}

const thanos = { job: 'thanos-query' };
const parca = {
  grpc_service: 'parca.query.v1alpha1.QueryService',
  grpc_method: 'QueryRange',
};
const caddy = { job: 'caddy', handler: 'subroute' };

const series: TestSeries[] = [
  // pyrra-filesystem-errors.yaml (99 % over 1w): 0.5 % errors.
  counter('pyrra_filesystem_reconciles_total', {}, 2),
  counter('pyrra_filesystem_reconciles_errors_total', {}, 0.01),
  // thanos-http.yaml (99 % over 4w): 0.01 errors/s in 15 req/s over the
  // handlers it selects; another handler's errors are not its SLO's.
  counter(
    'http_requests_total',
    { ...thanos, handler: 'query', code: '200' },
    9.995,
  ),
  counter(
    'http_requests_total',
    { ...thanos, handler: 'query', code: '500' },
    0.005,
  ),
  counter(
    'http_requests_total',
    { ...thanos, handler: 'query_range', code: '200' },
    4.995,
  ),
  counter(
    'http_requests_total',
    { ...thanos, handler: 'query_range', code: '503' },
    0.005,
  ),
  counter(
    'http_requests_total',
    { ...thanos, handler: 'other', code: '500' },
    1,
  ),
  // parca-grpc-queryrange-errors.yaml (99 % over 2w): 0.8 % Unavailable;
  // NotFound is not one of its error codes.
  counter('grpc_server_handled_total', { ...parca, grpc_code: 'OK' }, 4.92),
  counter(
    'grpc_server_handled_total',
    { ...parca, grpc_code: 'NotFound' },
    0.04,
  ),
  counter(
    'grpc_server_handled_total',
    { ...parca, grpc_code: 'Unavailable' },
    0.04,
  ),
  // caddy-response-latency.yaml (90 % within 50 ms over 4w, 5xx left out):
  // 95 % of the 2xx within 50 ms.
  ...(
    [
      ['0.05', 9.5],
      ['0.1', 9.9],
      ['+Inf', 10],
    ] as const
  ).flatMap(([le, rate]) => [
    counter(
      'caddy_http_response_duration_seconds_bucket',
      { ...caddy, code: '200', le },
      rate,
    ),
    counter(
      'caddy_http_response_duration_seconds_bucket',
      { ...caddy, code: '500', le },
      1,
    ),
  ]),
  counter(
    'caddy_http_response_duration_seconds_count',
    { ...caddy, code: '200' },
    10,
  ),
  counter(
    'caddy_http_response_duration_seconds_count',
    { ...caddy, code: '500' },
    1,
  ),
];

// file, component, the SLO's name, its target, the bad share of the events
const cases = [
  [
    'pyrra-filesystem-errors.yaml',
    'pyrra',
    'pyrra-filesystem-errors',
    0.99,
    0.01 / 2,
  ],
  ['thanos-http.yaml', 'thanos-query', 'thanos-query', 0.99, 0.01 / 15],
  [
    'parca-grpc-queryrange-errors.yaml',
    'parca',
    'parca-grpc-queryrange-errors',
    0.99,
    0.04 / 5,
  ],
  [
    'caddy-response-latency.yaml',
    'caddy',
    'caddy-response-latency',
    0.9,
    0.5 / 10,
  ],
] as const;

describeWithPrometheus(
  'Pyrra SLOs imported by unyo import-slos, against a real Prometheus',
  () => {
    jest.setTimeout(180_000);
    const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
    const prometheus = prometheusForSuite({ series });

    it('evaluate to the SLI, budget and burn rates computed by hand', async () => {
      const entities: Entity[] = [];
      for (const [file, name] of cases) {
        const slos = await importSlosCommand('pyrra', file, name);
        entities.push(componentMeasuredBy(name, slos), ...slos);
      }
      const { evaluator, service } = await testSloEvaluation({
        knex: await databases.init('SQLITE_3'),
        entities,
        prometheusUrl: prometheus.url,
        evaluatedAt: NOW,
        readAt: NOW + 10 * MINUTE,
      });
      const round = await evaluator.evaluateAll();
      expect(round.errors).toBe(0);
      expect(round.slos).toBe(cases.length);

      const credentials = await mockServices.auth().getOwnServiceCredentials();
      for (const [, name, sloName, target, badShare] of cases) {
        const [status] = await service.listForEntity(
          `component:default/${name}`,
          credentials,
        );
        expect([status.ref, status.state, status.message]).toEqual([
          `slo:default/${sloName}`,
          'ok',
          undefined,
        ]);
        const consumed = badShare / (1 - target);
        // within 0.5 % of the hand-computed figures
        expect(
          Math.abs(status.sli!.ratio! - (1 - badShare)) / (1 - badShare),
        ).toBeLessThan(0.005);
        expect(
          Math.abs(status.errorBudget!.consumedRatio - consumed) / consumed,
        ).toBeLessThan(0.005);
        expect(
          Math.abs(status.burnRates!['1h']! - consumed) / consumed,
        ).toBeLessThan(0.005);
      }
    });
  },
);
