import {
  freePort,
  sendJson,
  startTestHttpServer,
  TestHttpServer,
} from '@internal/ops-test-utils';
import { startGrpcHealthServer } from './__testUtils__/grpcHealthServer';
import { ServingStatus } from './grpcHealthProtocol';
import { HealthProber } from './HealthProber';
import { healthTarget } from '../lib/allowedHosts';

// Real servers on loopback answering as each manual describes.
const SHAPES: Record<string, { healthy: object; degraded: object }> = {
  'seed 000 /health': {
    healthy: {
      status: 'ok',
      version: '1.0.0',
      services: { database: 'connected', cache: 'connected', grpc: 'serving' },
    },
    degraded: {
      status: 'ok',
      version: '1.0.0',
      services: { database: 'connected', cache: 'degraded', grpc: 'serving' },
    },
  },
  'seed 002 /api/health': {
    healthy: { status: 'healthy', timestamp: '2024-01-15T10:30:00Z' },
    degraded: { status: 'degraded', timestamp: '2024-01-15T10:30:00Z' },
  },
  'seed 004 /health/ready': {
    healthy: {
      status: 'healthy',
      checks: {
        database: { status: 'healthy', latency_ms: 5 },
        storage: { status: 'healthy' },
        queue: { status: 'healthy', length: 42 },
      },
    },
    degraded: {
      status: 'degraded',
      checks: {
        database: { status: 'healthy', latency_ms: 5 },
        storage: { status: 'healthy' },
        queue: { status: 'degraded', length: 25000 },
      },
    },
  },
};

describe('HealthProber over HTTP', () => {
  const servers: TestHttpServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map(s => s.close()));
  });
  const start = async (
    ...args: Parameters<typeof startTestHttpServer>
  ): Promise<TestHttpServer> => {
    const server = await startTestHttpServer(...args);
    servers.push(server);
    return server;
  };
  const prober = (timeoutMs = 2000, allowedHosts = ['127.0.0.1']) =>
    new HealthProber({ timeoutMs, allowedHosts });

  it.each(Object.entries(SHAPES))(
    'reads %s healthy and degraded',
    async (_name, shape) => {
      let body: object = shape.healthy;
      const server = await start((_req, res) => sendJson(res, 200, body));
      const url = `${server.url}/health`;

      const healthy = await prober().probe(url);
      expect(healthy).toMatchObject({ url, status: 'up' });
      expect(healthy!.checks.every(c => c.status === 'up')).toBe(true);
      expect(healthy!.latencyMs).toBeGreaterThanOrEqual(0);
      expect(healthy!.latencyMs).toBeLessThan(2000);

      body = shape.degraded;
      const degraded = await prober().probe(url);
      expect(degraded!.status).toBe('degraded');
      expect(server.requests.map(r => r.url)).toEqual(['/health', '/health']);
    },
  );

  it('keeps per-dependency statuses and details of seed 000 and MaiRust', async () => {
    const server = await start((req, res) =>
      sendJson(
        res,
        200,
        req.url === '/ready'
          ? SHAPES['seed 004 /health/ready'].degraded
          : SHAPES['seed 000 /health'].degraded,
      ),
    );
    const elixir = await prober().probe(`${server.url}/health`);
    expect(elixir!.checks).toEqual([
      { name: 'database', status: 'up' },
      { name: 'cache', status: 'degraded' },
      { name: 'grpc', status: 'up' },
    ]);
    const mairust = await prober().probe(`${server.url}/ready`);
    expect(mairust!.checks).toEqual([
      { name: 'database', status: 'up', detail: 'latency_ms: 5' },
      { name: 'storage', status: 'up' },
      { name: 'queue', status: 'degraded', detail: 'length: 25000' },
    ]);
  });

  it('reads the Rails /up page (seed 003) by its status code', async () => {
    let code = 200;
    const server = await start((_req, res) => {
      res.writeHead(code, { 'Content-Type': 'text/html' });
      res.end('<html><body style="background-color: green"></body></html>');
    });
    expect(await prober().probe(`${server.url}/up`)).toMatchObject({
      status: 'up',
      checks: [],
    });
    code = 503;
    expect(await prober().probe(`${server.url}/up`)).toMatchObject({
      status: 'down',
      message: 'HTTP 503',
    });
  });

  it('gives up on a slow endpoint and says it timed out', async () => {
    const server = await start(() => {
      // never answers
    });
    const started = Date.now();
    const result = await prober(300).probe(`${server.url}/health`);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result).toMatchObject({
      status: 'down',
      checks: [],
      message: 'No answer within 300 ms (timeout)',
    });
    expect(result!.latencyMs).toBeGreaterThanOrEqual(290);
  });

  it('shows a malformed JSON body as an error, not a crash', async () => {
    const server = await start((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"status": "ok", "services": {"database": ');
    });
    const result = await prober().probe(`${server.url}/health`);
    expect(result!.status).toBe('unknown');
    expect(result!.message).toMatch(/^the body is not valid JSON/);
  });

  it('reports an unreachable port as down with the error', async () => {
    const port = await freePort();
    const result = await prober().probe(`http://127.0.0.1:${port}/health`);
    expect(result).toMatchObject({
      status: 'down',
      message: expect.stringContaining('ECONNREFUSED'),
    });
  });

  it('does not probe a URL outside the allowed hosts', async () => {
    const server = await start((_req, res) => sendJson(res, 200, {}));
    const result = await prober(2000, ['*.internal.example.com']).probe(
      `${server.url}/health`,
    );
    expect(result).toBeUndefined();
    expect(server.requests).toEqual([]);
  });

  it('follows redirects on the list, not off it', async () => {
    const target = await start((_req, res) =>
      sendJson(res, 200, { status: 'ok' }),
    );
    const port = new URL(target.url).port;
    const redirector = await start((req, res) => {
      // `localhost` is the same machine, but not on the list
      const host = req.url === '/off' ? 'localhost' : '127.0.0.1';
      res.writeHead(302, { Location: `http://${host}:${port}/health` });
      res.end();
    });

    expect(await prober().probe(`${redirector.url}/on`)).toMatchObject({
      status: 'up',
    });
    expect(target.requests).toHaveLength(1);

    const off = await prober().probe(`${redirector.url}/off`);
    expect(off).toMatchObject({
      status: 'unknown',
      message:
        'HTTP 302 redirects to localhost/health, which ops.health.allowedHosts does not allow: not followed',
    });
    expect(target.requests).toHaveLength(1);
  });

  it('keeps probes and their redirects under an allowed base path', async () => {
    const target = await start((req, res) =>
      req.url === '/svc/health'
        ? sendJson(res, 200, { status: 'ok' })
        : sendJson(res, 200, { status: 'ok', admin: true }),
    );
    const port = new URL(target.url).port;
    const base = [`127.0.0.1/svc`];
    const redirector = await start((req, res) => {
      const path = req.url === '/svc/in' ? '/svc/health' : '/admin/health';
      res.writeHead(302, { Location: `http://127.0.0.1:${port}${path}` });
      res.end();
    });

    expect(
      await prober(2000, base).probe(`${target.url}/svc/health`),
    ).toMatchObject({ status: 'up' });
    expect(target.requests).toHaveLength(1);
    for (const path of [
      '/admin/health',
      '/svc/../admin/health',
      '/svc/%2e%2e/admin',
      '/svcx/health',
    ]) {
      // Not probed: no connection (the target counts its requests).
      expect(
        await prober(2000, base).probe(`${target.url}${path}`),
      ).toBeUndefined();
      expect(healthTarget(`${target.url}${path}`, base)).toMatchObject({
        probe: false,
        message: expect.stringContaining('is not under a base path'),
      });
    }
    expect(target.requests).toHaveLength(1);

    const redirectorUrl = new URL(redirector.url);
    const both = [`127.0.0.1/svc`];
    expect(
      await prober(2000, both).probe(
        `http://127.0.0.1:${redirectorUrl.port}/svc/in`,
      ),
    ).toMatchObject({ status: 'up' });
    expect(target.requests).toHaveLength(2);
    expect(
      await prober(2000, both).probe(
        `http://127.0.0.1:${redirectorUrl.port}/svc/out`,
      ),
    ).toMatchObject({
      status: 'unknown',
      message: `HTTP 302 redirects to 127.0.0.1/admin/health, which ops.health.allowedHosts does not allow: not followed`,
    });
    expect(target.requests).toHaveLength(2);
  });
});

describe('HealthProber over gRPC', () => {
  const prober = new HealthProber({
    timeoutMs: 2000,
    allowedHosts: ['127.0.0.1'],
  });

  it('reports SERVING as up and NOT_SERVING as down', async () => {
    const server = await startGrpcHealthServer({
      '': ServingStatus.SERVING,
      'cqrs.CommandService': ServingStatus.SERVING,
      'cqrs.QueryService': ServingStatus.NOT_SERVING,
    });
    try {
      const command = await prober.probe(
        `grpc://${server.address}/cqrs.CommandService`,
      );
      expect(command).toMatchObject({
        status: 'up',
        checks: [
          { name: 'cqrs.CommandService', status: 'up', detail: 'SERVING' },
        ],
      });
      expect(command!.message).toBeUndefined();

      const query = await prober.probe(
        `grpc://${server.address}/cqrs.QueryService`,
      );
      expect(query).toMatchObject({
        status: 'down',
        message: 'NOT_SERVING',
        checks: [
          { name: 'cqrs.QueryService', status: 'down', detail: 'NOT_SERVING' },
        ],
      });

      expect(await prober.probe(`grpc://${server.address}`)).toMatchObject({
        status: 'up',
      });

      server.set('cqrs.QueryService', ServingStatus.SERVING);
      expect(
        await prober.probe(`grpc://${server.address}/cqrs.QueryService`),
      ).toMatchObject({ status: 'up' });
      expect(server.requests).toEqual([
        'cqrs.CommandService',
        'cqrs.QueryService',
        '',
        'cqrs.QueryService',
      ]);
    } finally {
      await server.close();
    }
  });

  it('reports an unknown service and a server without health as unknown', async () => {
    const server = await startGrpcHealthServer({ '': ServingStatus.SERVING });
    const bare = await startGrpcHealthServer({}, { implementHealth: false });
    try {
      expect(
        await prober.probe(`grpc://${server.address}/no.Such`),
      ).toMatchObject({
        status: 'unknown',
        message: 'SERVICE_UNKNOWN: unknown service',
      });
      expect(await prober.probe(`grpc://${bare.address}/x`)).toMatchObject({
        status: 'unknown',
        message: 'The server does not implement grpc.health.v1.Health',
      });
    } finally {
      await server.close();
      await bare.close();
    }
  });

  it('reports an unreachable port as down with the error, and a slow one as a timeout', async () => {
    const port = await freePort();
    const down = await prober.probe(`grpc://127.0.0.1:${port}/svc`);
    expect(down!.status).toBe('down');
    expect(down!.message).toMatch(/ECONNREFUSED|connect|No connection/i);

    const slow = await startGrpcHealthServer(
      { svc: ServingStatus.SERVING },
      { delayMs: 1500 },
    );
    try {
      const result = await new HealthProber({
        timeoutMs: 300,
        allowedHosts: ['127.0.0.1'],
      }).probe(`grpc://${slow.address}/svc`);
      expect(result).toMatchObject({
        status: 'down',
        message: 'No answer within 300 ms (timeout)',
      });
    } finally {
      await slow.close();
    }
  });
});
