import { RunbooksApiError, RunbooksClient } from './RunbooksClient';

function client(response: Response) {
  const fetch = jest.fn(async () => response);
  const getBaseUrl = jest.fn(async () => 'http://backend/api/ops');
  return {
    fetch,
    client: new RunbooksClient({
      discoveryApi: { getBaseUrl },
      fetchApi: { fetch },
    }),
  };
}

describe('RunbooksClient', () => {
  it('reads the runbook targets from GET /api/ops/status', async () => {
    const { client: c, fetch } = client(
      new Response(
        JSON.stringify({
          sources: {
            runbookTargets: {
              configured: true,
              configKey: 'ops.runbooks.targets',
              targets: ['automation'],
            },
          },
        }),
      ),
    );
    await expect(c.getTargetsStatus()).resolves.toEqual({
      configured: true,
      configKey: 'ops.runbooks.targets',
      targets: ['automation'],
    });
    expect(fetch).toHaveBeenCalledWith('http://backend/api/ops/status');
  });

  it('throws the backend error message', async () => {
    const { client: c } = client(
      new Response(
        JSON.stringify({ error: { name: 'Error', message: 'down' } }),
        {
          status: 503,
        },
      ),
    );
    await expect(c.getTargetsStatus()).rejects.toEqual(
      new RunbooksApiError('down', 503),
    );
  });
});
