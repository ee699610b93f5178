import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { opsPlugin } from '../../plugin';
import { createTestDatabases } from '@internal/ops-test-utils';

// An SLO without `displayName` is named by its title, else its name: never by
// its bare ref, in the report (page and CSV) and in the live status alike.

const service: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'api', namespace: 'default' },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  relations: [
    { type: 'ownedBy', targetRef: 'group:default/team-a' },
    { type: 'measuredBy', targetRef: 'slo:default/api-titled' },
    { type: 'measuredBy', targetRef: 'slo:default/api-bare' },
  ],
};

function slo(name: string, metadata: Record<string, string> = {}): Entity {
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name, namespace: 'default', ...metadata },
    spec: {
      service: 'api',
      indicatorRef: 'x',
      timeWindow: [{ duration: '30d', isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [{ target: 0.99 }],
    },
  };
}

const entities = [
  service,
  slo('api-titled', { title: 'API answers' }),
  slo('api-bare'),
  slo('api-named', { displayName: 'API display name', title: 'ignored' }),
];

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('SLO names on %s', id => {
  async function start() {
    const knex = await databases.init(id);
    const { server } = await startTestBackend({
      features: [
        opsPlugin,
        mockServices.database.factory({ knex }),
        catalogServiceMock.factory({ entities }),
      ],
    });
    return server;
  }

  it('names SLOs without displayName by title, else name, in the report and its CSV', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/ops/slo-report')
      .query({ month: '2025-03' });
    expect(res.status).toBe(200);
    const titles = Object.fromEntries(
      res.body.items.map((i: any) => [i.ref, i.title]),
    );
    expect(titles).toEqual({
      'slo:default/api-titled': 'API answers',
      'slo:default/api-bare': 'api-bare',
      'slo:default/api-named': 'API display name',
    });

    const csv = await request(server)
      .get('/api/ops/slo-report')
      .query({ month: '2025-03', format: 'csv' });
    expect(csv.status).toBe(200);
    const lines = csv.text.split(/\r?\n/);
    const bare = lines.find(line => line.includes('slo:default/api-bare'));
    expect(bare).toMatch(/(^|,)"?api-bare"?,/);
  });

  it('gives the same names in the live status of the measured entity', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/ops/slos')
      .query({ entityRef: 'component:default/api' });
    expect(res.status).toBe(200);
    const titles = Object.fromEntries(
      res.body.items.map((i: any) => [i.ref, i.title]),
    );
    expect(titles['slo:default/api-bare']).toBe('api-bare');
    expect(titles['slo:default/api-titled']).toBe('API answers');
  });
});
