import { OpsApiError, OpsClient } from './OpsClient';

function client(response: Response) {
  const fetch = jest.fn(async () => response);
  const getBaseUrl = jest.fn(async () => 'http://backend/api/ops');
  return {
    fetch,
    getBaseUrl,
    client: new OpsClient({
      discoveryApi: { getBaseUrl },
      fetchApi: { fetch },
    }),
  };
}

describe('OpsClient', () => {
  it('reads GET /api/ops/status and caches it briefly', async () => {
    const body = {
      sources: {
        prometheus: {
          configured: true,
          configKey: 'ops.prometheus.servers',
          servers: ['default'],
        },
      },
    };
    const {
      client: opsClient,
      fetch,
      getBaseUrl,
    } = client(new Response(JSON.stringify(body), { status: 200 }));
    const status = await opsClient.getStatus();
    expect(getBaseUrl).toHaveBeenCalledWith('ops');
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/ops/status',
      expect.objectContaining({ method: 'GET' }),
    );
    expect(status.sources.prometheus).toEqual({
      configured: true,
      configKey: 'ops.prometheus.servers',
      servers: ['default'],
    });
    // sources an older backend leaves out count as not configured
    expect(status.sources.backupSources).toEqual({
      configured: false,
      configKey: 'ops.backups.sources',
      sources: [],
    });
    await opsClient.getStatus();
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('throws the backend error message', async () => {
    const { client: opsClient } = client(
      new Response(
        JSON.stringify({ error: { name: 'NotFoundError', message: 'nope' } }),
        { status: 404, statusText: 'Not Found' },
      ),
    );
    await expect(opsClient.getStatus()).rejects.toEqual(
      new OpsApiError('nope', 404),
    );
  });

  it('reads the SLOs of an entity with the ref encoded', async () => {
    const items = [{ ref: 'slo:default/identity-availability' }];
    const { client: opsClient, fetch } = client(
      new Response(JSON.stringify({ items }), { status: 200 }),
    );
    await expect(
      opsClient.getSlos('component:default/identity-service'),
    ).resolves.toEqual({ items });
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/ops/slos?entityRef=component%3Adefault%2Fidentity-service',
      expect.objectContaining({ method: 'GET' }),
    );
  });

  it('reads one SLO with its history', async () => {
    const { client: opsClient, fetch } = client(
      new Response(
        JSON.stringify({ ref: 'slo:default/a b', history: [{ t: 'x' }] }),
        { status: 200 },
      ),
    );
    const slo = await opsClient.getSlo('default', 'a b');
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/ops/slos/default/a%20b',
      expect.objectContaining({ method: 'GET' }),
    );
    expect(slo.history).toEqual([{ t: 'x' }]);
  });

  it('surfaces the name and message of a 4xx answer about an SLO', async () => {
    const { client: opsClient } = client(
      new Response(
        JSON.stringify({
          error: {
            name: 'NotFoundError',
            message: 'No SLO slo:default/nope in the catalog',
          },
        }),
        { status: 404, statusText: 'Not Found' },
      ),
    );
    const error = await opsClient.getSlo('default', 'nope').catch(e => e);
    expect(error.message).toBe('No SLO slo:default/nope in the catalog');
    expect(error.status).toBe(404);
    expect(error.errorName).toBe('NotFoundError');
  });

  it('reads backup statuses and a system coverage', async () => {
    const backups = client(
      new Response(JSON.stringify({ items: [{ target: 'wal' }] }), {
        status: 200,
      }),
    );
    expect(await backups.client.getBackups('resource:default/db 1')).toEqual({
      items: [{ target: 'wal' }],
    });
    expect(backups.fetch).toHaveBeenCalledWith(
      'http://backend/api/ops/backups?entityRef=resource%3Adefault%2Fdb%201',
      expect.objectContaining({ method: 'GET' }),
    );

    const coverage = client(
      new Response(
        JSON.stringify({
          entityRef: 'system:default/s',
          items: [{ entityRef: 'resource:default/db', policies: [] }],
          covered: 0,
          total: 1,
        }),
        { status: 200 },
      ),
    );
    const answer = await coverage.client.getBackupCoverage('system:default/s');
    expect(coverage.fetch).toHaveBeenCalledWith(
      'http://backend/api/ops/backups/coverage?entityRef=system%3Adefault%2Fs',
      expect.objectContaining({ method: 'GET' }),
    );
    expect([answer.covered, answer.total, answer.items.length]).toEqual([
      0, 1, 1,
    ]);
  });

  it('falls back to the status line when the body is not JSON', async () => {
    const { client: opsClient } = client(
      new Response('<html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    await expect(opsClient.getSlos('component:default/x')).rejects.toThrow(
      'Request failed with 502 Bad Gateway',
    );
  });
});
