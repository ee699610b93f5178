import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import {
  createTestDatabases,
  sendJson,
  startTestHttpServer,
  TestHttpServer,
} from '@internal/ops-test-utils';
import { opsPlugin } from '../plugin';
import { startGrpcHealthServer } from './__testUtils__/grpcHealthServer';
import { DatabaseHealthStore } from './DatabaseHealthStore';
import { ServingStatus } from './grpcHealthProtocol';
import { HealthMonitor } from './HealthMonitor';
import { HealthProber } from './HealthProber';

const databases = createTestDatabases();

function component(name: string, healthUrl?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: healthUrl ? { 'unyo.dev/health-url': healthUrl } : {},
    },
    spec: { type: 'service', owner: 'group:default/sre', lifecycle: 'prod' },
  };
}

describe.each(databases.eachSupportedId())('GET /health on %s', id => {
  let http: TestHttpServer;
  let outside: TestHttpServer;
  let body: object;
  beforeEach(async () => {
    body = {
      status: 'ok',
      services: { database: 'connected', cache: 'connected', grpc: 'serving' },
    };
    http = await startTestHttpServer((_req, res) => sendJson(res, 200, body));
    outside = await startTestHttpServer((_req, res) =>
      sendJson(res, 200, { status: 'ok' }),
    );
  });
  afterEach(async () => {
    await http.close();
    await outside.close();
  });

  async function start(entities: Entity[], config: object) {
    const knex = await databases.init(id);
    const { server } = await startTestBackend({
      features: [
        opsPlugin,
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({ data: config }),
        catalogServiceMock.factory({ entities }),
      ],
    });
    const store = await DatabaseHealthStore.create({
      database: mockServices.database({ knex }),
    });
    // One probe round, as the scheduled task runs it.
    const monitor = new HealthMonitor({
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      store,
      logger: mockServices.logger.mock(),
      prober: new HealthProber({
        timeoutMs: 2000,
        allowedHosts: ['127.0.0.1'],
      }),
    });
    return { server, probeRound: () => monitor.probeAll() };
  }

  it('answers each endpoint with its probe results, and why one is not probed', async () => {
    const grpc = await startGrpcHealthServer({
      'cqrs.QueryService': ServingStatus.NOT_SERVING,
    });
    try {
      // `localhost` is this machine, but only 127.0.0.1 is allowed
      const outsideUrl = outside.url.replace('127.0.0.1', 'localhost');
      const urls = [
        `${http.url}/health`,
        `grpc://${grpc.address}/cqrs.QueryService`,
        `${outsideUrl}/health`,
      ];
      const { server, probeRound } = await start(
        [component('client', urls.join(', '))],
        { ops: { health: { allowedHosts: ['127.0.0.1'] } } },
      );

      await probeRound();
      body = {
        status: 'ok',
        services: { database: 'connected', cache: 'degraded' },
      };
      const round = await probeRound();
      expect(round).toMatchObject({
        urls: 3,
        probed: 2,
        notAllowed: 1,
        down: 1,
      });

      const res = await request(server)
        .get('/api/ops/health')
        .query({ entityRef: 'component:default/client' });
      expect(res.status).toBe(200);
      const [web, query, off] = res.body.items;
      expect(res.body.items).toHaveLength(3);

      expect(web).toMatchObject({
        url: urls[0],
        status: 'degraded',
        checks: [
          { name: 'database', status: 'up' },
          { name: 'cache', status: 'degraded' },
        ],
        uptime: { '24h': 1, '7d': 1 },
        probed: true,
      });
      expect(web.latencyMs).toEqual(expect.any(Number));
      // the second round changed the status: since is its time
      expect(web.since).toBe(web.checkedAt);
      expect(web.history).toHaveLength(96);
      const probed = web.history.filter((p: any) => p.probes > 0);
      expect(probed.reduce((n: number, p: any) => n + p.probes, 0)).toBe(2);
      expect(probed[probed.length - 1].status).toBe('degraded');

      expect(query).toMatchObject({
        url: urls[1],
        status: 'down',
        message: 'NOT_SERVING',
        uptime: { '24h': 0, '7d': 0 },
      });
      expect(Date.parse(query.since)).toBeLessThan(Date.parse(query.checkedAt));

      expect(off).toEqual({
        url: urls[2],
        status: 'unknown',
        latencyMs: null,
        checks: [],
        checkedAt: null,
        since: null,
        uptime: { '24h': null, '7d': null },
        probed: false,
        message: 'Not probed: host localhost is not in ops.health.allowedHosts',
      });
      expect(outside.requests).toEqual([]);
      expect(http.requests).toHaveLength(2);
    } finally {
      await grpc.close();
    }
  });

  it('says which key is missing when no host is allowed', async () => {
    const { server } = await start(
      [component('client', `${http.url}/health`)],
      {},
    );
    const res = await request(server)
      .get('/api/ops/health')
      .query({ entityRef: 'component:default/client' });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        status: 'unknown',
        message:
          'Not probed: no host is allowed for health checks; set ops.health.allowedHosts',
      }),
    ]);
    expect(http.requests).toEqual([]);
  });

  it('says an allowed endpoint is not probed yet, and lists none without the annotation', async () => {
    const { server } = await start(
      [component('client', `${http.url}/health`), component('plain')],
      { ops: { health: { allowedHosts: ['127.0.0.1'] } } },
    );
    const res = await request(server)
      .get('/api/ops/health')
      .query({ entityRef: 'component:default/client' });
    expect(res.body.items).toEqual([
      expect.objectContaining({
        status: 'unknown',
        probed: true,
        message: 'Not probed yet: the first probe runs within 30 s',
      }),
    ]);
    const plain = await request(server)
      .get('/api/ops/health')
      .query({ entityRef: 'component:default/plain' });
    expect(plain.body).toEqual({ items: [] });
  });

  it('answers 400 naming entityRef, and 404 for an unknown entity', async () => {
    const { server } = await start([component('client')], {});
    for (const query of [{}, { entityRef: 'component:default/bad name!' }]) {
      const res = await request(server).get('/api/ops/health').query(query);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toMatch(/entityRef/);
    }
    const missing = await request(server)
      .get('/api/ops/health')
      .query({ entityRef: 'component:default/nope' });
    expect(missing.status).toBe(404);
  });
});
