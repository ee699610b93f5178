import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  describeWithPrometheus,
  prometheusForSuite,
  requestCounters,
} from '../../__testUtils__/prometheus';
import { testSloEvaluation } from '../../__testUtils__/sloEvaluation';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const NOW = Math.floor(Date.now() / MINUTE) * MINUTE - 5 * MINUTE;
const START = NOW - 32 * DAY;

// cart: SLI 0.999 (0.1 % errors); payment: SLI 0.99 (1 % errors).
const CART_SLI = 0.999;
const PAYMENT_SLI = 0.99;
const range = { startMs: START, endMs: NOW, stepMs: MINUTE };
const series = [
  ...requestCounters({
    service: 'cart',
    perSecond: 10,
    errorRatio: 0.001,
    ...range,
  }),
  ...requestCounters({
    service: 'payment',
    perSecond: 5,
    errorRatio: 0.01,
    ...range,
  }),
];

function slo(service: string, target: number, duration = '30d'): Entity {
  const metric = (query: string) => ({
    metricSource: { type: 'Prometheus', spec: { query } },
  });
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: {
      name: `${service}-availability${duration === '30d' ? '' : '-weekly'}`,
      namespace: 'default',
    },
    spec: {
      service,
      indicator: {
        metadata: { name: `${service}-errors` },
        spec: {
          ratioMetric: {
            counter: true,
            good: metric(
              `http_requests_total{service="${service}",code!~"5.."}`,
            ),
            total: metric(`http_requests_total{service="${service}"}`),
          },
        },
      },
      timeWindow: [{ duration, isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [{ target }],
    },
  };
}

function journey(
  name: string,
  target: number,
  components: Array<{ slo: string; weight: number }>,
): Entity {
  return {
    apiVersion: 'unyo.dev/v1alpha1',
    kind: 'CompositeSLO',
    metadata: { name, namespace: 'default' },
    spec: {
      owner: 'group:default/shop',
      system: 'shop',
      target,
      timeWindow: { duration: '30d', isRolling: true },
      components,
    },
    relations: [{ type: 'journeyOf', targetRef: 'system:default/shop' }],
  };
}

const checkout = [
  { slo: 'cart-availability', weight: 3 },
  { slo: 'payment-availability', weight: 1 },
];
const shop: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'shop', namespace: 'default' },
  spec: { owner: 'group:default/shop' },
  relations: ['checkout-strict', 'checkout-relaxed', 'checkout-mixed'].map(
    n => ({ type: 'hasJourney', targetRef: `compositeslo:default/${n}` }),
  ),
};
const entities: Entity[] = [
  shop,
  // Each component is within its own budget (policy normal).
  slo('cart', 0.99),
  slo('payment', 0.97),
  slo('cart', 0.99, '7d'),
  journey('checkout-strict', 0.995, checkout),
  journey('checkout-relaxed', 0.99, checkout),
  journey('checkout-mixed', 0.99, [
    { slo: 'cart-availability-weekly', weight: 1 },
    { slo: 'payment-availability', weight: 1 },
  ]),
];

describeWithPrometheus(
  'journeys (CompositeSLO) against a real Prometheus',
  () => {
    jest.setTimeout(180_000);
    const databases = TestDatabases.create({
      ids: ['SQLITE_3', 'POSTGRES_15'],
    });
    const prometheus = prometheusForSuite({ series });

    it.each(databases.eachSupportedId())(
      'gives the weighted mean of two SLIs, and a policy of its own budget, on %s',
      async id => {
        const { store, evaluator, service } = await testSloEvaluation({
          knex: await databases.init(id),
          entities,
          prometheusUrl: prometheus.url,
          evaluatedAt: NOW,
          readAt: NOW + MINUTE,
        });

        const round = await evaluator.evaluateAll();
        expect(round.slos).toBe(6);

        const credentials = await mockServices
          .auth()
          .getOwnServiceCredentials();
        const journeys = new Map(
          (await service.listJourneys('system:default/shop', credentials)).map(
            s => [s.ref, s],
          ),
        );
        const strict = journeys.get('compositeslo:default/checkout-strict')!;
        const relaxed = journeys.get('compositeslo:default/checkout-relaxed')!;
        const mixed = journeys.get('compositeslo:default/checkout-mixed')!;

        // Σ wᵢ·SLIᵢ / Σ wᵢ = (3 · 0.999 + 1 · 0.99) / 4 = 0.99675.
        const weightedMean = (3 * CART_SLI + PAYMENT_SLI) / 4;
        for (const status of [strict, relaxed]) {
          expect(status.state).toBe('ok');
          expect(status.entityRef).toBe('system:default/shop');
          expect(status.sli!.ratio).toBeCloseTo(weightedMean, 5);
          // The same mean over the burn-rate windows: bad ratio over budget.
          expect(status.burnRates!['1h']).toBeCloseTo(
            (1 - weightedMean) / (1 - status.target),
            3,
          );
        }
        // 0.00325 bad against 0.005 allowed: 35 % left, feature freeze,
        // while both components are normal.
        expect(strict.errorBudget!.remainingRatio).toBeCloseTo(0.35, 3);
        expect(strict.policy).toBe('feature-freeze');
        // Against 0.01 allowed: 67.5 % left, normal.
        expect(relaxed.errorBudget!.remainingRatio).toBeCloseTo(0.675, 3);
        expect(relaxed.policy).toBe('normal');

        const components = await service.listForEntity(
          'system:default/shop',
          credentials,
        );
        expect(components).toEqual([]);
        const stored = await store.getStatuses([
          'slo:default/cart-availability',
          'slo:default/payment-availability',
        ]);
        expect(
          [...stored.values()].map(s => [s.status.sli?.ratio, s.status.policy]),
        ).toEqual([
          [expect.closeTo(CART_SLI, 5), 'normal'],
          [expect.closeTo(PAYMENT_SLI, 5), 'normal'],
        ]);

        expect(mixed.state).toBe('error');
        expect(mixed.message).toBe(
          'spec.components[0].slo "slo:default/cart-availability-weekly" uses a rolling 7d window, the journey a rolling 30d one: components must use the journey\'s window',
        );
      },
    );
  },
);
