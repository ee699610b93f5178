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
    expect(fetch).toHaveBeenCalledWith('http://backend/api/ops/status');
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
});
