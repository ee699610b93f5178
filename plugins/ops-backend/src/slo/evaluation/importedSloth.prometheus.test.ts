import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  constantGauge,
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

// Sloth's own example SLOs (packages/cli/src/__fixtures__/sloth, unchanged),
// converted by `unyo import-slos` run as a command, evaluated against a real
// Prometheus backfilled with series of known rates under the names and labels
// those files select. getting-started.yml's events SLI is a rate over
// `{{.window}}` (imported as `counter: false`), raw-home-wifi.yml's a raw
// error ratio; both take the expression path (docs/slo-expressions.md).

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

/** A gauge sampled each minute at a constant value. */
function gauge(
  name: string,
  labels: Record<string, string>,
  value: number,
): TestSeries {
  return constantGauge({ name, labels, value, ...range });
}

const myservice = { job: 'myservice' };

const series: TestSeries[] = [
  // getting-started.yml (99.9 %, events SLI of sum(rate(…[{{.window}}]))):
  // 0.005 of 10 req/s are 5xx or 429; 404s are not errors it counts.
  counter(
    'http_request_duration_seconds_count',
    { ...myservice, code: '200' },
    9.495,
  ),
  counter(
    'http_request_duration_seconds_count',
    { ...myservice, code: '404' },
    0.5,
  ),
  counter(
    'http_request_duration_seconds_count',
    { ...myservice, code: '500' },
    0.0025,
  ),
  counter(
    'http_request_duration_seconds_count',
    { ...myservice, code: '429' },
    0.0025,
  ),
  // another job's errors are not its SLO's
  counter(
    'http_request_duration_seconds_count',
    { job: 'other', code: '500' },
    1,
  ),
  // raw-home-wifi.yml (95 %, raw error ratio 1 - mean satisfaction): two
  // clients at 0.97 and 0.99, a mean of 0.98.
  gauge('unifipoller_client_satisfaction_ratio', { name: 'laptop' }, 0.97),
  gauge('unifipoller_client_satisfaction_ratio', { name: 'phone' }, 0.99),
];

// file, component, the SLO's name, its target, the bad share
const cases = [
  [
    'getting-started.yml',
    'myservice',
    'myservice-requests-availability',
    0.999,
    0.005 / 10,
  ],
  [
    'raw-home-wifi.yml',
    'home-wifi',
    'home-wifi-wifi-client-satisfaction',
    0.95,
    0.02,
  ],
] as const;

describeWithPrometheus(
  'Sloth SLOs imported by unyo import-slos, against a real Prometheus',
  () => {
    jest.setTimeout(180_000);
    const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
    const prometheus = prometheusForSuite({ series });

    it('evaluate to the SLI, budget and burn rates computed by hand', async () => {
      const entities: Entity[] = [];
      for (const [file, name] of cases) {
        const slos = await importSlosCommand('sloth', file, name);
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
        // both carry `{{.window}}`, so each window is written into the query
        expect([
          status.ref,
          status.state,
          status.message,
          status.evaluation?.path,
        ]).toEqual([`slo:default/${sloName}`, 'ok', undefined, 'template']);
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
