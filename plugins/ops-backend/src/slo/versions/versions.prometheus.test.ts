import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createTestDatabases } from '@internal/ops-test-utils';
import { DEFAULT_SLO_POLICY_THRESHOLDS } from '@unyo/plugin-ops-common';
import request from 'supertest';
import {
  describeWithPrometheus,
  prometheusForSuite,
  requestCounters,
  testPrometheusClients,
} from '../../__testUtils__/prometheus';
import { DatabaseSloStore } from '../../database/DatabaseSloStore';
import { opsPlugin } from '../../plugin';
import { SloEvaluator } from '../evaluation/SloEvaluator';
import { DatabaseSloVersions } from './SloVersionStore';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const NOW = Date.now();
const databases = createTestDatabases();

// The month before this one, whole in Prometheus' data.
const thisMonth = new Date(NOW);
const MONTH_START = Date.UTC(
  thisMonth.getUTCFullYear(),
  thisMonth.getUTCMonth() - 1,
  1,
);
const NEXT_MONTH_START = Date.UTC(
  thisMonth.getUTCFullYear(),
  thisMonth.getUTCMonth(),
  1,
);
const MONTH = new Date(MONTH_START).toISOString().slice(0, 7);
const DAYS_IN_MONTH = Math.round((NEXT_MONTH_START - MONTH_START) / DAY);
const REQUESTS_PER_DAY = 10 * 86400;
// 0.5 % errors throughout: within a 99 % target, not within 99.6 %.
const ERROR_RATIO = 0.005;

function paySlo(target: number): Entity {
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: 'pay-availability', namespace: 'default' },
    spec: {
      service: 'pay',
      indicator: {
        metadata: { name: 'pay-sli' },
        spec: {
          ratioMetric: {
            counter: true,
            good: {
              metricSource: {
                type: 'Prometheus',
                spec: {
                  query: 'http_requests_total{service="pay",code="200"}',
                },
              },
            },
            total: {
              metricSource: {
                type: 'Prometheus',
                spec: { query: 'http_requests_total{service="pay"}' },
              },
            },
          },
        },
      },
      timeWindow: [{ duration: '30d', isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [{ target }],
    },
  };
}

const pay: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'pay', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/team', lifecycle: 'prod' },
  relations: [
    { type: 'measuredBy', targetRef: 'slo:default/pay-availability' },
  ],
};

describeWithPrometheus('SLO versions', () => {
  jest.setTimeout(180_000);
  const prometheus = prometheusForSuite({
    series: requestCounters({
      service: 'pay',
      perSecond: 10,
      errorRatio: ERROR_RATIO,
      startMs: MONTH_START - 40 * DAY,
      endMs: Math.floor(NOW / MINUTE) * MINUTE,
      stepMs: MINUTE,
    }),
  });

  describe.each(databases.eachSupportedId())('on %s', id => {
    it("changing an SLO's target mid-month: the report's earlier days keep the old target", async () => {
      const knex = await databases.init(id);
      const database = mockServices.database({ knex });
      const store = await DatabaseSloStore.create({ database });
      const versions = await DatabaseSloVersions.create({ database });
      const round = (target: number, at: number) =>
        new SloEvaluator({
          catalog: catalogServiceMock({ entities: [pay, paySlo(target)] }),
          auth: mockServices.auth(),
          store,
          versions,
          prometheus: testPrometheusClients(prometheus.url, 30),
          logger: mockServices.logger.mock(),
          thresholds: DEFAULT_SLO_POLICY_THRESHOLDS,
          now: () => new Date(at),
        }).evaluateAll();

      // Rounds see 99 % on the 10th, 99.6 % from noon on the 20th; the
      // round just after the month stores its last days.
      await round(0.99, MONTH_START + 9 * DAY + 12 * 60 * MINUTE);
      await round(0.99, MONTH_START + 15 * DAY);
      await round(0.996, MONTH_START + 19 * DAY + 12 * 60 * MINUTE);
      await round(0.996, NEXT_MONTH_START + 30 * MINUTE);

      const stored = (
        await versions.list(['slo:default/pay-availability'])
      ).get('slo:default/pay-availability')!;
      expect(stored.map(v => [v.version, v.target, v.changes])).toEqual([
        [1, 0.99, []],
        [2, 0.996, ['target']],
      ]);

      const backend = await startTestBackend({
        features: [
          opsPlugin,
          mockServices.database.factory({ knex }),
          catalogServiceMock.factory({ entities: [pay, paySlo(0.996)] }),
        ],
      });
      const server = backend.server;
      const user = mockCredentials.user.header('user:default/alice');
      const month = await request(server)
        .get('/api/ops/slo-report')
        .query({ month: MONTH })
        .set('Authorization', user);
      expect(month.status).toBe(200);
      const [item] = month.body.items;
      // Days 1–20 are judged against 99 % (met), 21–end against 99.6 % (missed).
      expect(item.versions).toEqual([
        expect.objectContaining({
          version: 1,
          target: 0.99,
          firstDay: `${MONTH}-01`,
          lastDay: `${MONTH}-20`,
          met: true,
        }),
        expect.objectContaining({
          version: 2,
          target: 0.996,
          changes: ['target'],
          firstDay: `${MONTH}-21`,
          lastDay: `${MONTH}-${DAYS_IN_MONTH}`,
          met: false,
        }),
      ]);
      expect(item.versions[0].attainment).toBeCloseTo(1 - ERROR_RATIO, 4);
      expect(item.target).toBe(0.996);
      // The month's budget is each day's: 20 days at 1 %, the rest at 0.4 %.
      const budget =
        REQUESTS_PER_DAY * (20 * 0.01 + (DAYS_IN_MONTH - 20) * 0.004);
      expect(item.errorBudget.total / budget).toBeCloseTo(1, 2);
      const bad = REQUESTS_PER_DAY * DAYS_IN_MONTH * ERROR_RATIO;
      expect(item.errorBudget.remainingRatio).toBeCloseTo(1 - bad / budget, 2);

      // The year view marks the month the version changed.
      const year = await request(server)
        .get('/api/ops/slo-report')
        .query({ month: MONTH, months: 2 })
        .set('Authorization', user);
      expect(year.body.items[0].monthly).toEqual([
        expect.not.objectContaining({ versionChanged: true }),
        expect.objectContaining({ month: MONTH, versionChanged: true }),
      ]);
      await backend.stop();
    });
  });
});
