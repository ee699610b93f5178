import { Client, credentials, Metadata } from '@grpc/grpc-js';
import { createServer } from 'node:net';
import { healthService } from './grpcHealth';
import { RunningHealthEndpoints, startHealthEndpoints } from './server';

/** Free loopback ports, one per annotated port. */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, async () => {
      const server = createServer();
      await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
      return server;
    }),
  );
  const ports = servers.map(s => (s.address() as { port: number }).port);
  await Promise.all(servers.map(s => new Promise(r => s.close(r))));
  return ports;
}

function check(address: string, service: string) {
  const client = new Client(address, credentials.createInsecure());
  const { path, requestSerialize, responseDeserialize } = healthService.Check;
  return new Promise<{ status?: number; code?: number }>(resolve =>
    client.makeUnaryRequest(
      path,
      requestSerialize,
      responseDeserialize,
      { service },
      new Metadata(),
      { deadline: Date.now() + 3000 },
      (error, res: any) => {
        client.close();
        resolve(error ? { code: error.code } : { status: res.status });
      },
    ),
  );
}

describe('the demo health endpoints', () => {
  let running: RunningHealthEndpoints;
  let map: Map<number, number>;
  beforeAll(async () => {
    const annotated = [
      18001, 18002, 18003, 18011, 18012, 18013, 18014, 18015, 18016, 18021,
      18022, 18023, 18024, 18031, 18041, 18042,
    ];
    const ports = await freePorts(annotated.length);
    map = new Map(annotated.map((p, i) => [p, ports[i]]));
    running = await startHealthEndpoints({ portFor: p => map.get(p)! });
  });
  afterAll(() => running.close());
  const url = (port: number, path: string) =>
    `http://127.0.0.1:${map.get(port)}${path}`;

  it('answers seed 000 healthy, the audit cache degraded and the cluster down', async () => {
    const client = await fetch(url(18001, '/health'));
    expect(client.status).toBe(200);
    expect(await client.json()).toEqual({
      status: 'ok',
      version: '1.0.0',
      services: { database: 'connected', cache: 'connected', grpc: 'serving' },
    });
    const audit = await (await fetch(url(18012, '/health'))).json();
    expect(audit.components.cache.status).toBe('DEGRADED');
    const cluster = await fetch(url(18016, '/health'));
    expect(cluster.status).toBe(503);
    expect((await fetch(url(18001, '/nope'))).status).toBe(404);
  });

  it('answers MaiRust live and ready (long queue), Rails /up and Azure', async () => {
    expect(await (await fetch(url(18041, '/health/live'))).json()).toEqual({
      status: 'healthy',
    });
    const ready = await (await fetch(url(18041, '/health/ready'))).json();
    expect(ready.checks.queue).toEqual({ status: 'degraded', length: 18500 });
    const up = await fetch(url(18031, '/up'));
    expect(up.status).toBe(200);
    expect(up.headers.get('content-type')).toMatch(/text\/html/);
    expect(await (await fetch(url(18021, '/api/health'))).json()).toMatchObject(
      { status: 'healthy' },
    );
  });

  it('serves grpc.health.v1 for the command and query services', async () => {
    const command = `127.0.0.1:${map.get(18002)}`;
    const query = `127.0.0.1:${map.get(18003)}`;
    expect(await check(command, 'cqrs.CommandService')).toEqual({ status: 1 });
    expect(await check(query, 'cqrs.QueryService')).toEqual({ status: 1 });
    expect(await check(query, '')).toEqual({ status: 1 });
    expect(await check(query, 'no.Such')).toEqual({ code: 5 }); // NOT_FOUND
  });
});
