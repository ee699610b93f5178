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
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/ops/status',
      expect.objectContaining({ method: 'GET' }),
    );
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

describe('RunbooksClient executions', () => {
  const execution = {
    id: 'e1',
    runbookRef: 'runbook:default/mairust-db-failure',
    actionId: 'health',
    actor: 'user:default/guest',
    parameters: {},
    status: 'pending',
    output: null,
    createdAt: '2026-11-23T07:00:00Z',
    finishedAt: null,
  };

  it('posts an execution to the action of the runbook', async () => {
    const { client: c, fetch } = client(
      new Response(JSON.stringify(execution), { status: 201 }),
    );
    const request = {
      parameters: { reason: 'x' },
      idempotencyKey: 'k1',
      entityRef: 'component:default/mairust-smtp',
    };
    await expect(
      c.createExecution(
        'runbook:default/mairust-db-failure',
        'health',
        request,
      ),
    ).resolves.toEqual(execution);
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/ops/runbooks/default/mairust-db-failure/actions/health/executions',
      expect.objectContaining({ method: 'POST' }),
    );
    const init = (fetch.mock.calls[0] as any[])[1] as RequestInit;
    expect(JSON.parse(init.body as string)).toEqual(request);
  });

  it('rejects with the server message of a 400', async () => {
    const { client: c } = client(
      new Response(
        JSON.stringify({
          error: {
            name: 'InputError',
            message: 'parameters.reason is required',
          },
        }),
        { status: 400 },
      ),
    );
    await expect(
      c.createExecution('runbook:default/x', 'failover', { parameters: {} }),
    ).rejects.toEqual(
      new RunbooksApiError('parameters.reason is required', 400),
    );
  });

  it('reads runbooks and executions lists', async () => {
    const runbooks = client(
      new Response(JSON.stringify({ items: [{ ref: 'runbook:default/a' }] })),
    );
    await expect(
      runbooks.client.getRunbooks('component:default/mairust-smtp'),
    ).resolves.toEqual({ items: [{ ref: 'runbook:default/a' }] });
    expect(runbooks.fetch).toHaveBeenCalledWith(
      'http://backend/api/ops/runbooks?entityRef=component%3Adefault%2Fmairust-smtp',
      expect.objectContaining({ method: 'GET' }),
    );

    // a bare array is accepted as well as { items }
    const list = client(new Response(JSON.stringify([execution])));
    await expect(
      list.client.getExecutions('runbook:default/mairust-db-failure'),
    ).resolves.toEqual({ items: [execution], totalCount: 1 });
    expect(list.fetch).toHaveBeenCalledWith(
      'http://backend/api/ops/executions?runbookRef=runbook%3Adefault%2Fmairust-db-failure',
      expect.objectContaining({ method: 'GET' }),
    );

    // one page, filtered by the backend, with the count over all pages
    const page = client(
      new Response(JSON.stringify({ items: [execution], totalCount: 73 })),
    );
    await expect(
      page.client.getExecutions('runbook:default/mairust-db-failure', {
        status: 'failed',
        actor: 'user:default/alice',
        limit: 20,
        offset: 40,
      }),
    ).resolves.toEqual({ items: [execution], totalCount: 73 });
    const url = new URL((page.fetch.mock.calls[0] as unknown[])[0] as string);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      runbookRef: 'runbook:default/mairust-db-failure',
      status: 'failed',
      actor: 'user:default/alice',
      limit: '20',
      offset: '40',
    });

    const one = client(new Response(JSON.stringify(execution)));
    await expect(one.client.getExecution('e1')).resolves.toEqual(execution);
    expect(one.fetch).toHaveBeenCalledWith(
      'http://backend/api/ops/executions/e1',
      expect.objectContaining({ method: 'GET' }),
    );
  });
});
