import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  formatSloRules,
  generateSloRules,
  SloEntity,
} from '@unyo/plugin-ops-common';
import request from 'supertest';
import {
  describeWithPrometheus,
  prometheusForSuite,
  requestCounters,
} from '../../__testUtils__/prometheus';
import { opsPlugin } from '../../plugin';

const NOW = Date.now();
const ENTITY = 'component:default/checkout';
const alice = mockCredentials.user.header('user:default/alice');

const component: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    annotations: { 'unyo.dev/alert-selector': 'service="checkout"' },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  relations: [
    { type: 'hasRunbook', targetRef: 'runbook:default/checkout-burn' },
  ],
};
const other: Entity = {
  ...component,
  metadata: {
    name: 'search',
    annotations: { 'unyo.dev/alert-selector': 'service="search"' },
  },
  relations: [],
};
const runbook: Entity = {
  apiVersion: 'unyo.dev/v1alpha1',
  kind: 'Runbook',
  metadata: { name: 'checkout-burn' },
  spec: {
    owner: 'team-a',
    appliesTo: ['checkout'],
    alerts: ['SLOErrorBudgetBurn'],
    steps: [{ title: 'Look at the errors' }],
  },
};
const slo: SloEntity = {
  apiVersion: 'openslo/v1',
  kind: 'SLO',
  metadata: { name: 'checkout-availability', title: 'Checkout availability' },
  spec: {
    service: 'checkout',
    budgetingMethod: 'Occurrences',
    objectives: [{ target: 0.999 }],
    timeWindow: [{ duration: '30d', isRolling: true }],
    indicator: {
      spec: {
        ratioMetric: {
          counter: true,
          bad: {
            metricSource: {
              type: 'Prometheus',
              spec: {
                query: 'http_requests_total{service="checkout",code="500"}',
              },
            },
          },
          total: {
            metricSource: {
              type: 'Prometheus',
              spec: { query: 'http_requests_total{service="checkout"}' },
            },
          },
        },
      },
    },
  },
};

describeWithPrometheus('generated rules in a real Prometheus', () => {
  jest.setTimeout(120_000);
  const prometheus = prometheusForSuite(() => {
    const rules = formatSloRules(
      generateSloRules(
        {
          slos: [slo],
          slis: [],
          entities: [component, other],
          runbooks: [runbook],
        },
        { portalBaseUrl: 'http://localhost:3000' },
      ),
    );
    // An engineered burn: half of checkout's requests fail over the last 2 h
    // (burn rate 500 on a 99.9 % target), up to now.
    return {
      series: requestCounters({
        service: 'checkout',
        perSecond: 10,
        errorRatio: 0.5,
        startMs: NOW - 2 * 3600_000,
        endMs: NOW,
        stepMs: 15_000,
      }),
      ruleFiles: [{ name: 'slo.rules.yml', content: rules }],
      evaluationInterval: '1s',
    };
  });

  it("fires the page alert, and the entity's alerts list it with its runbook link", async () => {
    const { server } = await startTestBackend({
      features: [
        opsPlugin,
        mockServices.rootConfig.factory({
          data: {
            ops: {
              prometheus: {
                servers: [{ name: 'default', url: prometheus.url }],
              },
            },
          },
        }),
        catalogServiceMock.factory({
          entities: [component, other, runbook, slo],
        }),
      ],
    });
    const deadline = Date.now() + 60_000;
    let page: any;
    while (!page && Date.now() < deadline) {
      const res = await request(server)
        .get('/api/ops/alerts')
        .query({ entityRef: ENTITY })
        .set('Authorization', alice);
      expect(res.status).toBe(200);
      page = res.body.items.find(
        (a: any) =>
          a.alertname === 'SLOErrorBudgetBurn' &&
          a.state === 'firing' &&
          a.labels.long_window === '1h',
      );
      if (!page) await new Promise(r => setTimeout(r, 1000));
    }
    expect(page).toMatchObject({
      source: 'prometheus',
      severity: 'page',
      runbookRef: 'runbook:default/checkout-burn',
      labels: {
        slo: 'checkout-availability',
        service: 'checkout',
        short_window: '5m',
      },
      annotations: {
        runbook_url:
          'http://localhost:3000/catalog/default/runbook/checkout-burn',
        summary:
          'Checkout availability: error budget burning 14.4× too fast (1h and 5m)',
      },
    });
    expect(page.value).toBeCloseTo(0.5, 2);
    // The other entity's selector does not select them.
    const search = await request(server)
      .get('/api/ops/alerts')
      .query({ entityRef: 'component:default/search' })
      .set('Authorization', alice);
    expect(
      search.body.items.filter(
        (a: any) => a.alertname === 'SLOErrorBudgetBurn',
      ),
    ).toEqual([]);
  });
});
