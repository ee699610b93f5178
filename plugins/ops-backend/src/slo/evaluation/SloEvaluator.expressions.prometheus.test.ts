import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { BURN_RATE_WINDOWS, SloStatus } from '@unyo/plugin-ops-common';
import {
  describeWithPrometheus,
  prometheusForSuite,
} from '../../__testUtils__/prometheus';
import {
  dataSource,
  MINUTE,
  ratioSlo,
  sloExpressionData,
  TOTAL_PER_SECOND,
} from '../../__testUtils__/sloExpressionData';
import { testSloEvaluation } from '../../__testUtils__/sloEvaluation';

// A fixed instant, so that the expected figures are exact.
const NOW = Math.floor(Date.now() / MINUTE) * MINUTE - 5 * MINUTE;
const data = sloExpressionData(NOW);
const WINDOW_SECONDS: Record<string, number> = {
  '5m': 300,
  '30m': 1800,
  '1h': 3600,
  '2h': 7200,
  '6h': 21600,
  '1d': 86400,
  '3d': 259200,
};

const sel = (extra = '') => `http_requests_total{service="svc-x"${extra}}`;
const BAD = ',code=~"5.."';
const GOOD = ',code!~"5.."';

/** The same SLI, written as other tools and teams write it. */
const variants: Record<string, Parameters<typeof ratioSlo>[1]> = {
  selectors: { good: sel(GOOD), total: sel() },
  'rate-expression': {
    counter: false,
    good: `sum(rate(${sel(GOOD)}[5m]))`,
    total: `sum(rate(${sel()}[5m]))`,
  },
  'sum-by-counter': {
    counter: true,
    bad: `sum by (service) (${sel(BAD)})`,
    total: `sum by (service) (${sel()})`,
  },
  'recording-rule': {
    counter: false,
    bad: 'job:http_errors:rate5m{service="svc-x"}',
    total: 'job:http_requests:rate5m{service="svc-x"}',
  },
  template: {
    counter: false,
    bad: `sum(rate(${sel(BAD)}[{{.window}}]))`,
    total: `sum(rate(${sel()}[$__window]))`,
  },
  'raw-success': {
    raw: 'slo:success_ratio{service="svc-x"}',
    rawType: 'success',
  },
  'raw-failure': {
    raw: '1 - slo:success_ratio{service="svc-x"}',
    rawType: 'failure',
  },
  'data-source': {
    counter: true,
    good: `sum(${sel(GOOD)})`,
    total: `sum(${sel()})`,
    metricSourceRef: 'team-prometheus',
  },
};

function component(sloNames: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'svc-x', namespace: 'default' },
    spec: { type: 'service', owner: 'group:default/sre', lifecycle: 'prod' },
    relations: sloNames.map(name => ({
      type: 'measuredBy',
      targetRef: `slo:default/${name}`,
    })),
  };
}

const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describeWithPrometheus(
  'SLOs written as any PromQL, against a real Prometheus',
  () => {
    jest.setTimeout(300_000);
    const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
    const prometheus = prometheusForSuite({ series: data.series });
    let elsewhere: Server;
    let elsewhereCalls = 0;

    beforeAll(async () => {
      // A host a catalog file names; the backend must never call it.
      elsewhere = createServer((_req, res) => {
        elsewhereCalls++;
        res.end('{}');
      });
      await new Promise<void>(r => elsewhere.listen(0, '127.0.0.1', r));
    });
    afterAll(async () => {
      await new Promise(r => elsewhere?.close(r));
    });

    async function evaluate(entities: Entity[]) {
      const { evaluator, service } = await testSloEvaluation({
        knex: await databases.init('SQLITE_3'),
        entities,
        prometheusUrl: prometheus.url,
        timeoutSeconds: 30,
        evaluatedAt: NOW,
        readAt: NOW + MINUTE,
      });
      const first = await evaluator.evaluateAll();
      const second = await evaluator.evaluateAll();
      const credentials = await mockServices.auth().getOwnServiceCredentials();
      const status = async (name: string): Promise<SloStatus> =>
        service.get(`slo:default/${name}`, credentials);
      return { first, second, status };
    }

    it('gives the hand-computed SLI, budget, policy and burn rates, equal to plain selectors', async () => {
      const names = Object.keys(variants);
      const { first, status } = await evaluate([
        component(names),
        dataSource('team-prometheus', `${prometheus.url}/`),
        ...names.map(name => ratioSlo(name, variants[name])),
      ]);
      expect(first.errors).toBe(0);

      const window = 30 * 86400;
      const consumed =
        data.errorsIn(window) / (TOTAL_PER_SECOND * window) / 0.001;
      const baseline = await status('selectors');
      const figures: string[] = [];
      for (const name of names) {
        const s = await status(name);
        figures.push(
          `${name}: consumed ${s.errorBudget?.consumedRatio.toFixed(
            5,
          )} (by hand ${consumed.toFixed(5)}), ` +
            `burn 1h ${s.burnRates?.['1h']?.toFixed(4)} 3d ${s.burnRates?.[
              '3d'
            ]?.toFixed(4)} ` +
            `(by hand ${data.burnRate(3600).toFixed(4)}, ${data
              .burnRate(259200)
              .toFixed(4)})`,
        );
        expect({ name, state: s.state, message: s.message }).toEqual({
          name,
          state: 'ok',
          message: undefined,
        });
        const sli = 1 - consumed * 0.001;
        expect(relative(s.sli!.ratio!, sli)).toBeLessThan(0.005);
        expect(relative(s.errorBudget!.consumedRatio, consumed)).toBeLessThan(
          0.005,
        );
        expect(
          relative(
            s.errorBudget!.consumedRatio,
            baseline.errorBudget!.consumedRatio,
          ),
        ).toBeLessThan(0.005);
        expect(s.policy).toBe('feature-freeze');
        expect(s.policy).toBe(baseline.policy);
        for (const w of BURN_RATE_WINDOWS) {
          const want = data.burnRate(WINDOW_SECONDS[w]);
          expect({
            name,
            w,
            off: relative(s.burnRates![w]!, want) < 0.005,
          }).toEqual({ name, w, off: true });
          expect(
            relative(s.burnRates![w]!, baseline.burnRates![w]!),
          ).toBeLessThan(0.005);
        }
      }
      // eslint-disable-next-line no-console
      console.log(figures.join('\n'));
      expect((await status('selectors')).evaluation!.path).toBe('selector');
      expect((await status('rate-expression')).evaluation).toEqual({
        path: 'expression',
        window: '1h',
        queries: [
          expect.stringContaining(
            `sum_over_time(sum((sum(rate(${sel(
              GOOD,
            )}[5m]))))[3599999ms:1m]) * 60`,
          ),
        ],
      });
      expect((await status('template')).evaluation!.queries[0]).toContain(
        `sum((sum(rate(${sel()}[1h])))) * 3600`,
      );
      expect((await status('sum-by-counter')).evaluation!.queries[0]).toContain(
        `sum by (service) (increase(${sel(BAD)}[1h]))`,
      );
    });

    it('judges ratio time slices: all good at 99 %, all bad at 99.99 %', async () => {
      const sliced = (name: string, timeSliceTarget: number) =>
        ratioSlo(name, {
          ...variants['rate-expression'],
          budgetingMethod: 'Timeslices',
          objective: { target: 0.999, timeSliceTarget, timeSliceWindow: '5m' },
        });
      const { status } = await evaluate([
        component(['slices-good', 'slices-bad']),
        sliced('slices-good', 0.99),
        sliced('slices-bad', 0.9999),
      ]);
      const good = await status('slices-good');
      const bad = await status('slices-bad');
      expect(good.evaluation!.path).toBe('timeslices');
      // 30 days of 5-minute slices.
      expect([good.state, good.sli!.total, good.sli!.good]).toEqual([
        'ok',
        8640,
        8640,
      ]);
      expect(good.errorBudget!.consumedRatio).toBe(0);
      expect(good.policy).toBe('normal');
      expect([bad.state, bad.sli!.total, bad.sli!.good]).toEqual([
        'ok',
        8640,
        0,
      ]);
      expect(bad.errorBudget!.consumedRatio).toBeCloseTo(8640 / 8.64, 6);
      expect(bad.policy).toBe('frozen');
    });

    it('costs one query per burn-rate window, plus the live parts of the window', async () => {
      const { first, second } = await evaluate([
        component(['rate-expression']),
        ratioSlo('rate-expression', variants['rate-expression']),
      ]);
      // 7 burn-rate windows, the window's live head and tail; stored days are not asked again.
      expect(second.queries).toBeLessThanOrEqual(7 + 2);
      expect(first.queries).toBeGreaterThan(second.queries);
    });

    it('never calls a DataSource URL that is not configured, and says so', async () => {
      const url = `http://127.0.0.1:${
        (elsewhere.address() as AddressInfo).port
      }`;
      const { status } = await evaluate([
        component(['elsewhere']),
        dataSource('rogue', url),
        ratioSlo('elsewhere', {
          ...variants.selectors,
          metricSourceRef: 'rogue',
        }),
      ]);
      const s = await status('elsewhere');
      expect(s.state).toBe('error');
      expect(s.message).toContain(`DataSource "rogue" points at ${url}`);
      expect(s.message).toContain('Unyo does not call it');
      expect(elsewhereCalls).toBe(0);
    });

    it('puts an unparsable query in error naming its field and the parser, leaving the others', async () => {
      const { first, status } = await evaluate([
        component(['broken', 'selectors']),
        ratioSlo('broken', {
          counter: false,
          good: `sum(rate(${sel(GOOD)}[5m]))`,
          total: `sum(rate(${sel()}[5m])`,
        }),
        ratioSlo('selectors', variants.selectors),
      ]);
      expect(first.errors).toBe(1);
      const broken = await status('broken');
      expect(broken.state).toBe('error');
      expect(broken.message).toBe(
        'ratioMetric.total.metricSource.spec.query: syntax error: unexpected end of query',
      );
      expect((await status('selectors')).state).toBe('ok');
    });
  },
);
