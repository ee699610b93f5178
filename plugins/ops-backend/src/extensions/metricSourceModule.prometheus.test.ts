import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import {
  describeWithPrometheus,
  prometheusForSuite,
  requestCounters,
} from '../__testUtils__/prometheus';
import { manualScheduler } from '../__testUtils__/opsBackend';
import { opsPlugin } from '../plugin';
import { createThanosModule, SentQuery } from './__testUtils__/thanosModule';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const END = Math.floor(Date.now() / MINUTE) * MINUTE - MINUTE;
const USER = mockCredentials.user.header('user:default/alice');

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'orders', namespace: 'default' },
    spec: { type: 'service', owner: 'group:default/team', lifecycle: 'prod' },
    relations: [
      { type: 'measuredBy', targetRef: 'slo:default/orders-availability' },
    ],
  },
  {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: 'orders-availability', namespace: 'default' },
    spec: {
      service: 'orders',
      indicator: {
        metadata: { name: 'orders-sli' },
        spec: {
          ratioMetric: {
            counter: true,
            good: {
              metricSource: {
                type: 'Prometheus',
                metricSourceRef: 'long-term',
                spec: {
                  query: 'http_requests_total{service="orders",code!~"5.."}',
                },
              },
            },
            total: {
              metricSource: {
                type: 'Prometheus',
                metricSourceRef: 'long-term',
                spec: { query: 'http_requests_total{service="orders"}' },
              },
            },
          },
        },
      },
      timeWindow: [{ duration: '7d', isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [{ target: 0.99 }],
    },
  },
];

const config = (servers: object[]) =>
  mockServices.rootConfig.factory({
    data: { ops: { prometheus: { servers } } },
  });

describeWithPrometheus('a metric source type added by a module', () => {
  jest.setTimeout(120_000);
  // 10 requests a second for ten days, 0.1 % errors: SLI 0.999, 90 % of
  // a 99 % budget left.
  const prometheus = prometheusForSuite({
    series: requestCounters({
      service: 'orders',
      perSecond: 10,
      errorRatio: 0.001,
      startMs: END - 10 * DAY,
      endMs: END,
      stepMs: MINUTE,
    }),
  });

  it('evaluates an SLO through the module client of the server its metricSourceRef names', async () => {
    const sent: SentQuery[] = [];
    const scheduler = manualScheduler();
    const backend = await startTestBackend({
      features: [
        opsPlugin,
        createThanosModule(sent),
        scheduler.factory,
        catalogServiceMock.factory({ entities }),
        config([
          // The default server is down: only the module's client can answer.
          { name: 'default', url: 'http://127.0.0.1:1' },
          { name: 'long-term', type: 'thanos', url: prometheus.url },
        ]),
      ],
    });
    try {
      await scheduler.run('unyo-slo-evaluation');
      const res = await request(backend.server)
        .get('/api/ops/slos')
        .query({ entityRef: 'component:default/orders' })
        .set('Authorization', USER);

      expect(res.status).toBe(200);
      const [slo] = res.body.items;
      expect(slo.state).toBe('ok');
      expect(slo.sli.ratio).toBeCloseTo(0.999, 4);
      // Seven days of 10 requests a second.
      expect(slo.sli.total / (7 * 86400 * 10)).toBeCloseTo(1, 2);
      expect(slo.errorBudget.remainingRatio).toBeCloseTo(0.9, 2);
      // Every query of the round went through the module's client, with
      // its own parameters.
      expect(sent.length).toBeGreaterThan(0);
      for (const query of sent) {
        expect(query.form).toMatchObject({
          partial_response: 'false',
          dedup: 'true',
        });
      }
      expect(sent.map(q => q.form.query).join('\n')).toContain(
        'http_requests_total',
      );
    } finally {
      await backend.stop();
    }
  });

  it('refuses at startup a server whose type no module adds, naming the key', async () => {
    await expect(
      startTestBackend({
        features: [
          opsPlugin,
          catalogServiceMock.factory({ entities }),
          config([
            { name: 'dd', type: 'datadog', url: 'https://api.datadoghq.com' },
          ]),
        ],
      }),
    ).rejects.toThrow(
      'ops.prometheus.servers[0].type "datadog" is not a metric source type',
    );
  });
});
