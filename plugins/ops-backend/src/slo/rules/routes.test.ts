import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createTestDatabases } from '@internal/ops-test-utils';
import request from 'supertest';
import { parse } from 'yaml';
import { opsPlugin } from '../../plugin';

const component = (name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    annotations: { 'unyo.dev/alert-selector': `service="${name}"` },
  },
  spec: { type: 'service', lifecycle: 'production', owner },
  relations: [{ type: 'ownedBy', targetRef: owner }],
});

const slo = (name: string, service: string): Entity => ({
  apiVersion: 'openslo/v1',
  kind: 'SLO',
  metadata: { name },
  spec: {
    service,
    budgetingMethod: 'Occurrences',
    objectives: [{ target: 0.99 }],
    indicatorRef: 'requests',
  },
});

const sli: Entity = {
  apiVersion: 'openslo/v1',
  kind: 'SLI',
  metadata: { name: 'requests' },
  spec: {
    ratioMetric: {
      counter: true,
      bad: {
        metricSource: { type: 'Prometheus', spec: { query: 'errors_total' } },
      },
      total: {
        metricSource: { type: 'Prometheus', spec: { query: 'requests_total' } },
      },
    },
  },
};

const runbook: Entity = {
  apiVersion: 'unyo.dev/v1alpha1',
  kind: 'Runbook',
  metadata: { name: 'burn' },
  spec: {
    owner: 'group:default/a',
    appliesTo: ['api'],
    alerts: ['Burn'],
    steps: [],
  },
};

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('GET /slos/rules on %s', id => {
  async function start() {
    const knex = await databases.init(id);
    const { server } = await startTestBackend({
      features: [
        opsPlugin,
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'https://portal.example.com' },
            ops: {
              slo: {
                rules: {
                  alertName: 'Burn',
                  severities: { page: 'critical', ticket: 'warning' },
                },
              },
            },
          },
        }),
        catalogServiceMock.factory({
          entities: [
            component('api', 'group:default/a'),
            component('web', 'group:default/b'),
            slo('api-availability', 'api'),
            slo('web-availability', 'web'),
            sli,
            runbook,
          ],
        }),
      ],
    });
    return server;
  }

  it('answers a Prometheus rule file from the catalog and the configured names', async () => {
    const server = await start();
    const res = await request(server).get('/api/ops/slos/rules');
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/yaml');
    const file = parse(res.text);
    expect(file.groups.map((g: any) => g.name)).toEqual([
      'slo:default/api-availability',
      'slo:default/web-availability',
    ]);
    const page = file.groups[0].rules[7];
    expect(page).toMatchObject({
      alert: 'Burn',
      labels: { severity: 'critical', service: 'api', slo: 'api-availability' },
      annotations: {
        runbook_url: 'https://portal.example.com/catalog/default/runbook/burn',
      },
    });
    expect(page.expr).toContain('> (14.4 * 0.01)');
  });

  it('narrows by entityRef and owner, and writes a PrometheusRule', async () => {
    const server = await start();
    const byEntity = await request(server)
      .get('/api/ops/slos/rules')
      .query({ entityRef: 'component:default/web', format: 'prometheusrule' });
    expect(byEntity.status).toBe(200);
    const resource = parse(byEntity.text);
    expect(resource.kind).toBe('PrometheusRule');
    expect(resource.spec.groups.map((g: any) => g.name)).toEqual([
      'slo:default/web-availability',
    ]);
    const byOwner = await request(server)
      .get('/api/ops/slos/rules')
      .query({ owner: 'a' });
    expect(parse(byOwner.text).groups.map((g: any) => g.name)).toEqual([
      'slo:default/api-availability',
    ]);
  });

  it.each([
    [{ format: 'json' }, 'format'],
    [{ entityRef: 'not a ref!' }, 'entityRef'],
    [{ owner: 'group:' }, 'owner'],
  ])('refuses %j with a 400 naming %s', async (query, field) => {
    const server = await start();
    const res = await request(server).get('/api/ops/slos/rules').query(query);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(`Query parameter ${field}`);
  });
});
