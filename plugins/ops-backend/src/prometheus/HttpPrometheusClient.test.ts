import { mockServices } from '@backstage/backend-test-utils';
import {
  freePort,
  sendJson,
  startTestHttpServer,
  TestHttpServer,
} from '@internal/ops-test-utils';
import { PrometheusQueryError, PrometheusUnavailableError } from './errors';
import { HttpPrometheusClient } from './HttpPrometheusClient';
import { createPrometheusClients } from './PrometheusClients';
import { OpsServerConfig } from '../config/OpsConfig';

const vector = {
  status: 'success',
  data: {
    resultType: 'vector',
    result: [{ metric: { service: 'a' }, value: [1700000000, '12.5'] }],
  },
};
const fastRetry = { baseDelayMs: 5, maxDelayMs: 20 };

function server(
  url: string,
  extra: Partial<OpsServerConfig> = {},
): OpsServerConfig {
  return { name: 'main', url, headers: {}, timeout: { seconds: 5 }, ...extra };
}

describe('HttpPrometheusClient', () => {
  let http: TestHttpServer | undefined;
  afterEach(async () => {
    await http?.close();
    http = undefined;
  });

  it('POSTs the query form-encoded with the configured headers', async () => {
    http = await startTestHttpServer((_req, res) => sendJson(res, 200, vector));
    const client = new HttpPrometheusClient({
      server: server(`${http.url}/prometheus`, {
        headers: { 'X-Scope-OrgID': 'team-a', Authorization: 'Bearer s3cret' },
      }),
    });
    const query = 'sum by (service) (increase(x{a="b & c"}[1h]))';
    await expect(
      client.instantQuery(query, { time: new Date(1700000000500) }),
    ).resolves.toEqual([
      {
        labels: { service: 'a' },
        value: 12.5,
        timestamp: new Date(1700000000000),
      },
    ]);
    const [request] = http.requests;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/prometheus/api/v1/query');
    expect(request.headers['x-scope-orgid']).toBe('team-a');
    expect(request.headers.authorization).toBe('Bearer s3cret');
    expect(request.headers['content-type']).toBe(
      'application/x-www-form-urlencoded',
    );
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({
      query,
      time: '1700000000.5',
    });
  });

  it('POSTs range queries to query_range', async () => {
    http = await startTestHttpServer((_req, res) =>
      sendJson(res, 200, {
        status: 'success',
        data: {
          resultType: 'matrix',
          result: [
            {
              metric: {},
              values: [
                [60, '1'],
                [120, '2'],
              ],
            },
          ],
        },
      }),
    );
    const client = new HttpPrometheusClient({ server: server(http.url) });
    const series = await client.rangeQuery('x', {
      start: new Date(60_000),
      end: new Date(120_000),
      stepSeconds: 60,
    });
    expect(series[0].values).toEqual([
      [new Date(60_000), 1],
      [new Date(120_000), 2],
    ]);
    expect(http.requests[0].url).toBe('/api/v1/query_range');
    expect(
      Object.fromEntries(new URLSearchParams(http.requests[0].body)),
    ).toEqual({
      query: 'x',
      start: '60',
      end: '120',
      step: '60',
    });
  });

  it('sends credentials in the URL as Basic auth and never shows them', async () => {
    http = await startTestHttpServer((_req, res) => sendJson(res, 503, {}));
    const url = http.url.replace('://', '://user:p%40ss@');
    const client = new HttpPrometheusClient({
      server: server(url),
      retry: { attempts: 1 },
    });
    const error = await client.instantQuery('x').catch(e => e);
    expect(http.requests[0].headers.authorization).toBe(
      `Basic ${Buffer.from('user:p@ss').toString('base64')}`,
    );
    // The browser sees the server's name, not its internal address.
    expect(error.message).not.toContain(http.url);
    expect(error.message).toContain('Prometheus server "main"');
    expect(error.message).not.toMatch(/p%40ss|p@ss|user/);
  });

  it('times out a server that never answers after the configured time', async () => {
    http = await startTestHttpServer(() => {});
    const client = new HttpPrometheusClient({
      server: server(http.url, { timeout: { milliseconds: 300 } }),
      retry: fastRetry,
    });
    const started = Date.now();
    const error = await client.instantQuery('up').catch(e => e);
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(PrometheusUnavailableError);
    expect(error.message).toBe(
      `Prometheus server "main" did not answer within 0.3 s (1 attempt)`,
    );
    expect(error.details).toMatchObject({ reason: 'timeout', attempts: 1 });
    expect(elapsed).toBeGreaterThanOrEqual(280);
    expect(elapsed).toBeLessThan(2000);
    expect(http.requests).toHaveLength(1);
  });

  it('retries 503 with backoff until it succeeds', async () => {
    let calls = 0;
    http = await startTestHttpServer((_req, res) =>
      ++calls <= 2
        ? sendJson(res, 503, {
            status: 'error',
            errorType: 'unavailable',
            error: 'busy',
          })
        : sendJson(res, 200, vector),
    );
    const logger = mockServices.logger.mock();
    const client = new HttpPrometheusClient({
      server: server(http.url),
      retry: fastRetry,
      logger,
    });
    await expect(client.instantQuery('x')).resolves.toHaveLength(1);
    expect(http.requests).toHaveLength(3);
    expect(logger.warn).toHaveBeenCalledTimes(2);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /answered HTTP 503 Service Unavailable: unavailable: busy \(1 attempt\) at http:\/\/127\.0\.0\.1:\d+; retry 1 of 2 in \d+ ms/,
      ),
    );
  });

  it('gives up after the configured attempts', async () => {
    http = await startTestHttpServer((_req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' });
      res.end('<html>bad gateway</html>');
    });
    const client = new HttpPrometheusClient({
      server: server(http.url),
      retry: { ...fastRetry, attempts: 4 },
    });
    const error = await client.instantQuery('x').catch(e => e);
    expect(error).toBeInstanceOf(PrometheusUnavailableError);
    expect(error.message).toBe(
      `Prometheus server "main" answered HTTP 502 Bad Gateway (4 attempts)`,
    );
    expect(error.details).toEqual({
      server: 'main',
      reason: 'http',
      status: 502,
      attempts: 4,
    });
    expect(http.requests).toHaveLength(4);
  });

  it('retries 429, waiting as Retry-After says', async () => {
    let calls = 0;
    http = await startTestHttpServer((_req, res) => {
      if (++calls === 1) {
        res.writeHead(429, { 'Retry-After': '0' });
        res.end();
      } else {
        sendJson(res, 200, vector);
      }
    });
    const client = new HttpPrometheusClient({
      server: server(http.url),
      retry: fastRetry,
    });
    await expect(client.instantQuery('x')).resolves.toHaveLength(1);
    expect(http.requests).toHaveLength(2);
  });

  it('does not retry bad_data and carries Prometheus’s message', async () => {
    http = await startTestHttpServer((_req, res) =>
      sendJson(res, 400, {
        status: 'error',
        errorType: 'bad_data',
        error: '1:12: parse error: unexpected identifier "bar"',
      }),
    );
    const client = new HttpPrometheusClient({
      server: server(http.url),
      retry: fastRetry,
    });
    const error = await client.instantQuery('sum(x) foo bar').catch(e => e);
    expect(error).toBeInstanceOf(PrometheusQueryError);
    expect(error.message).toBe(
      `Prometheus server "main" rejected the query (bad_data): 1:12: parse error: unexpected identifier "bar"`,
    );
    expect(error.details).toMatchObject({
      errorType: 'bad_data',
      status: 400,
      query: 'sum(x) foo bar',
    });
    expect(http.requests).toHaveLength(1);
  });

  it('does not retry a query that hit the server’s own timeout', async () => {
    http = await startTestHttpServer((_req, res) =>
      sendJson(res, 503, {
        status: 'error',
        errorType: 'timeout',
        error: 'query timed out in expression evaluation',
      }),
    );
    const client = new HttpPrometheusClient({
      server: server(http.url),
      retry: fastRetry,
    });
    const error = await client.instantQuery('x').catch(e => e);
    expect(error).toBeInstanceOf(PrometheusUnavailableError);
    expect(error.details.reason).toBe('timeout');
    expect(error.message).toContain(
      'timeout: query timed out in expression evaluation',
    );
    expect(http.requests).toHaveLength(1);
  });

  it('does not retry 401 and hints at the headers without showing them', async () => {
    http = await startTestHttpServer((_req, res) => {
      res.writeHead(401);
      res.end('no');
    });
    const client = new HttpPrometheusClient({
      server: server(http.url, { headers: { Authorization: 'Bearer s3cret' } }),
      retry: fastRetry,
    });
    const error = await client.instantQuery('x').catch(e => e);
    expect(error).toBeInstanceOf(PrometheusUnavailableError);
    expect(error.message).toBe(
      `Prometheus server "main" answered HTTP 401 Unauthorized; check its headers in ops.prometheus.servers (1 attempt)`,
    );
    expect(error.message).not.toContain('s3cret');
    expect(http.requests).toHaveLength(1);
  });

  it('reports a refused connection after retrying it', async () => {
    const port = await freePort();
    const client = new HttpPrometheusClient({
      server: server(`http://127.0.0.1:${port}`),
      retry: fastRetry,
    });
    const error = await client.instantQuery('x').catch(e => e);
    expect(error).toBeInstanceOf(PrometheusUnavailableError);
    expect(error.message).toMatch(
      new RegExp(
        `^Prometheus server "main" could not be reached: connection refused \\(3 attempts\\)`,
      ),
    );
    expect(error.details).toMatchObject({ reason: 'network', attempts: 3 });
  });

  it('stops at once when the caller aborts', async () => {
    http = await startTestHttpServer(() => {});
    const client = new HttpPrometheusClient({
      server: server(http.url),
      retry: fastRetry,
    });
    const controller = new AbortController();
    const pending = client.instantQuery('x', { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(http.requests).toHaveLength(1);
  });

  it('refuses an answer of the wrong shape as a query error', async () => {
    http = await startTestHttpServer((_req, res) =>
      sendJson(res, 200, {
        status: 'success',
        data: { resultType: 'matrix', result: [] },
      }),
    );
    const client = new HttpPrometheusClient({ server: server(http.url) });
    await expect(client.instantQuery('x[5m]')).rejects.toThrow(
      /gave an unusable result for the query: the query returned a matrix/,
    );
  });
});

describe('createPrometheusClients', () => {
  const servers = [
    server('http://127.0.0.1:1', { name: 'default' }),
    server('http://127.0.0.1:2', { name: 'thanos' }),
  ];

  it('gives the first server by default and others by name', () => {
    const clients = createPrometheusClients(servers);
    expect(clients.names()).toEqual(['default', 'thanos']);
    expect(clients.get().name).toBe('default');
    expect(clients.get('thanos').name).toBe('thanos');
  });

  it('names an unknown server and the configured ones', () => {
    expect(() => createPrometheusClients(servers).get('mimir')).toThrow(
      'No Prometheus server named "mimir" in ops.prometheus.servers (configured: default, thanos)',
    );
  });

  it('names the missing config key when there is no server', () => {
    expect(() => createPrometheusClients([]).get()).toThrow(
      'No Prometheus server is configured: set ops.prometheus.servers',
    );
  });

  it('gives the same servers in one attempt with withRetry, the retrying set unchanged', async () => {
    const http = await startTestHttpServer((_req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' });
      res.end('<html>bad gateway</html>');
    });
    try {
      const clients = createPrometheusClients(
        [server(http.url, { name: 'default' })],
        { retry: { ...fastRetry, attempts: 3 } },
      );
      const oneAttempt = clients.withRetry({ attempts: 1 });
      expect(oneAttempt.names()).toEqual(['default']);
      await expect(oneAttempt.get().instantQuery('x')).rejects.toThrow(
        'Prometheus server "default" answered HTTP 502 Bad Gateway (1 attempt)',
      );
      expect(http.requests).toHaveLength(1);
      await expect(clients.get().instantQuery('x')).rejects.toThrow(
        '(3 attempts)',
      );
      expect(http.requests).toHaveLength(4);
    } finally {
      await http.close();
    }
  });
});
