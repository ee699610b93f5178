import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createTestDatabases } from '@internal/ops-test-utils';
import request from 'supertest';
import { opsPlugin } from '../../plugin';

const shop: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'shop', namespace: 'default' },
  spec: { owner: 'group:default/shop' },
  relations: [
    { type: 'hasJourney', targetRef: 'compositeslo:default/checkout' },
  ],
};

const checkout: Entity = {
  apiVersion: 'unyo.dev/v1alpha1',
  kind: 'CompositeSLO',
  metadata: { name: 'checkout', namespace: 'default', title: 'Checkout' },
  spec: {
    owner: 'group:default/shop',
    system: 'shop',
    target: 0.995,
    components: [{ slo: 'cart-availability', weight: 1 }],
  },
};

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('GET /journeys on %s', id => {
  async function start() {
    const { server } = await startTestBackend({
      features: [
        opsPlugin,
        mockServices.database.factory({ knex: await databases.init(id) }),
        catalogServiceMock.factory({ entities: [shop, checkout] }),
      ],
    });
    return server;
  }

  it('lists the journeys of a system as the catalog declares them', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/ops/journeys')
      .query({ entityRef: 'system:default/shop' });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        ref: 'compositeslo:default/checkout',
        entityRef: 'system:default/shop',
        title: 'Checkout',
        target: 0.995,
        window: { duration: '30d', calendar: false },
        state: 'error',
      }),
    ]);
  });

  it('refuses a bad ref with a 400 naming the field, an unknown one with a 404', async () => {
    const server = await start();
    const bad = await request(server)
      .get('/api/ops/journeys')
      .query({ entityRef: 'shop' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('entityRef is not an entity ref');
    const unknown = await request(server)
      .get('/api/ops/journeys')
      .query({ entityRef: 'system:default/nope' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('system:default/nope');
  });
});
