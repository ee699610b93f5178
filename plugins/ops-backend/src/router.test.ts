import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { DatabaseSloStore } from './database/DatabaseSloStore';
import { opsPlugin } from './plugin';
import { createTestDatabases } from '@internal/ops-test-utils';

const component: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'identity-service', namespace: 'default' },
  spec: {
    type: 'service',
    owner: 'group:default/sre',
    lifecycle: 'production',
  },
  relations: [
    { type: 'measuredBy', targetRef: 'slo:default/identity-availability' },
    { type: 'ownedBy', targetRef: 'group:default/sre' },
  ],
};

const slo: Entity = {
  apiVersion: 'openslo/v1',
  kind: 'SLO',
  metadata: {
    name: 'identity-availability',
    namespace: 'default',
    displayName: 'Identity availability',
  } as Entity['metadata'],
  spec: {
    service: 'identity-service',
    indicatorRef: 'identity-sli',
    timeWindow: [{ duration: '30d', isRolling: true }],
    budgetingMethod: 'Occurrences',
    objectives: [{ target: 0.999 }],
  },
};

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('the /slos routes on %s', id => {
  async function start(config: object = {}) {
    const knex = await databases.init(id);
    const { server } = await startTestBackend({
      features: [
        opsPlugin,
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({ data: config }),
        catalogServiceMock.factory({ entities: [component, slo] }),
      ],
    });
    const store = await DatabaseSloStore.create({
      database: mockServices.database({ knex }),
    });
    return { server, store };
  }

  it('lists the SLOs of an entity, saying which config key is missing', async () => {
    const { server } = await start();

    const res = await request(server)
      .get('/api/ops/slos')
      .query({ entityRef: 'component:default/identity-service' });

    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        ref: 'slo:default/identity-availability',
        entityRef: 'component:default/identity-service',
        title: 'Identity availability',
        target: 0.999,
        window: { duration: '30d', calendar: false },
        budgetingMethod: 'Occurrences',
        state: 'error',
        message: 'No Prometheus server is configured (ops.prometheus.servers)',
      }),
    ]);
  });

  it('answers the last good values with their age when the last evaluation failed', async () => {
    const { server, store } = await start({
      ops: {
        prometheus: {
          servers: [{ name: 'default', url: 'http://127.0.0.1:1' }],
        },
      },
    });
    const base = {
      ref: 'slo:default/identity-availability',
      entityRef: 'component:default/identity-service',
      target: 0.999,
      window: { duration: '30d', calendar: false },
      budgetingMethod: 'Occurrences' as const,
    };
    const lastGoodAt = new Date(Date.now() - 10 * 60_000).toISOString();
    await store.saveStatus({
      ...base,
      state: 'ok',
      sli: { good: 999_300, total: 1_000_000, ratio: 0.9993 },
      errorBudget: {
        total: 1000,
        consumed: 700,
        consumedRatio: 0.7,
        remainingRatio: 0.3,
      },
      policy: 'feature-freeze',
      evaluatedAt: lastGoodAt,
    });
    await store.saveStatus({
      ...base,
      state: 'error',
      message: 'Prometheus default is unreachable: connection refused',
      evaluatedAt: new Date().toISOString(),
    });
    await store.addHistoryPoint(
      base.ref,
      { t: lastGoodAt, remainingRatio: 0.3, sliRatio: 0.9993 },
      60,
    );

    const list = await request(server)
      .get('/api/ops/slos')
      .query({ entityRef: 'component:default/identity-service' });
    const one = await request(server).get(
      '/api/ops/slos/default/identity-availability',
    );

    for (const status of [list.body.items[0], one.body]) {
      expect(status.state).toBe('error');
      expect(status.message).toBe(
        'Prometheus default is unreachable: connection refused',
      );
      expect(status.errorBudget.remainingRatio).toBe(0.3);
      expect(status.policy).toBe('feature-freeze');
      expect(status.lastSuccessAt).toBe(lastGoodAt);
      expect(status.staleSeconds).toBeGreaterThanOrEqual(600);
    }
    expect(one.body.history).toEqual([
      expect.objectContaining({ remainingRatio: 0.3, sliRatio: 0.9993 }),
    ]);
  });

  it('refuses bad refs with a 400 naming the field', async () => {
    const { server } = await start();
    const cases: Array<[string, object, string]> = [
      ['/api/ops/slos', {}, 'entityRef is required'],
      [
        '/api/ops/slos',
        { entityRef: 'identity-service' },
        'entityRef is not an entity ref',
      ],
      [
        '/api/ops/slos',
        { entityRef: 'component:default/a"} or vector(1)' },
        'entityRef has an invalid name',
      ],
      ['/api/ops/slos/default/bad%20name', {}, 'Path parameter name'],
      [
        '/api/ops/slos/-x/identity-availability',
        {},
        'Path parameter namespace',
      ],
    ];
    for (const [path, query, message] of cases) {
      const res = await request(server).get(path).query(query);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toContain(message);
    }
  });

  it('answers 404 for entities and SLOs that do not exist', async () => {
    const { server } = await start();
    const unknownEntity = await request(server)
      .get('/api/ops/slos')
      .query({ entityRef: 'component:default/nope' });
    const unknownSlo = await request(server).get('/api/ops/slos/default/nope');
    expect(unknownEntity.status).toBe(404);
    expect(unknownEntity.body.error.message).toContain(
      'component:default/nope',
    );
    expect(unknownSlo.status).toBe(404);
    expect(unknownSlo.body.error.message).toContain('slo:default/nope');
  });

  it('refuses unauthenticated callers', async () => {
    const { server } = await start();
    const res = await request(server)
      .get('/api/ops/slos')
      .query({ entityRef: 'component:default/identity-service' })
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });
});
