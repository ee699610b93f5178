import { ResponseError } from '@backstage/errors';
import { opsErrorDetails } from './errors';
import { OpsApiClient } from './generated';

function client(...responses: Response[]) {
  const fetch = jest.fn(async (_url: string, _init?: RequestInit) => {
    const next = responses.shift();
    if (!next) throw new Error('no more responses');
    return next;
  });
  const getBaseUrl = jest.fn(async () => 'http://backend/api/ops');
  return {
    fetch,
    getBaseUrl,
    client: new OpsApiClient({
      discoveryApi: { getBaseUrl },
      fetchApi: { fetch: fetch as typeof globalThis.fetch },
    }),
  };
}

function json(body: unknown, init?: ResponseInit) {
  return new Response(JSON.stringify(body), {
    ...init,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

describe('OpsApiClient (generated from the OpenAPI spec)', () => {
  it('discovers the ops backend and encodes path and query parameters', async () => {
    const slo = { ref: 'slo:default/a b', history: [] };
    const {
      client: c,
      fetch,
      getBaseUrl,
    } = client(json(slo), json({ items: [] }));
    await expect(
      c.getSlo({ path: { namespace: 'default', name: 'a b' } }),
    ).resolves.toEqual(slo);
    expect(getBaseUrl).toHaveBeenCalledWith('ops');
    expect(fetch.mock.calls[0][0]).toBe(
      'http://backend/api/ops/slos/default/a%20b',
    );
    expect(fetch.mock.calls[0][1]).toEqual({
      method: 'GET',
      headers: { Accept: 'application/json' },
    });

    await c.getSloReport({
      query: { owner: 'group:default/a&b', q: '', months: 0, limit: 20 },
    });
    // empty strings are left out, zero is a value
    expect(fetch.mock.calls[1][0]).toBe(
      'http://backend/api/ops/slo-report?owner=group%3Adefault%2Fa%26b&months=0&limit=20',
    );
  });

  it('sends a JSON body and a token, and reads a 204 as nothing', async () => {
    const { client: c, fetch } = client(
      json({ silenceId: 's1' }, { status: 201 }),
      new Response(null, { status: 204 }),
    );
    const body = {
      entityRef: 'component:default/x',
      matchers: [{ name: 'alertname', value: 'Down', isRegex: false }],
      durationMinutes: 60,
      comment: 'deploy',
    };
    await expect(c.createSilence({ body }, { token: 't0k' })).resolves.toEqual({
      silenceId: 's1',
    });
    const init = fetch.mock.calls[0][1]!;
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({
      Accept: 'application/json',
      'Content-Type': 'application/json',
      Authorization: 'Bearer t0k',
    });
    expect(JSON.parse(init.body as string)).toEqual(body);

    await expect(
      c.expireSilence({
        path: { id: 's/1' },
        query: { entityRef: 'component:default/x' },
      }),
    ).resolves.toBeUndefined();
    expect(fetch.mock.calls[1][0]).toBe(
      'http://backend/api/ops/silences/s%2F1?entityRef=component%3Adefault%2Fx',
    );
    expect(fetch.mock.calls[1][1]!.method).toBe('DELETE');
  });

  it('reads the CSV of the report as a blob', async () => {
    const { client: c, fetch } = client(
      new Response('slo,attainment\n', {
        headers: { 'content-type': 'text/csv' },
      }),
    );
    const blob = await c.getSloReportAsBlob({ query: { format: 'csv' } });
    expect(await blob.text()).toBe('slo,attainment\n');
    expect(fetch.mock.calls[0][1]!.headers).toEqual({ Accept: 'text/csv' });
  });

  it('rejects an error answer with ResponseError, whose details name the field', async () => {
    // the body Backstage's error middleware writes
    const { client: c } = client(
      json(
        {
          error: { name: 'InputError', message: 'entityRef is required' },
          request: { method: 'GET', url: '/slos' },
          response: { statusCode: 400 },
        },
        { status: 400, statusText: 'Bad Request' },
      ),
    );
    const error = await c.listSlos({ query: { entityRef: '' } }).catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(opsErrorDetails(error)).toEqual({
      status: 400,
      name: 'InputError',
      message: 'entityRef is required',
    });
  });

  it('reads the details of a bare { error } body and of a body that is not JSON', async () => {
    const { client: c } = client(
      new Response(
        JSON.stringify({ error: { name: 'NotFoundError', message: 'nope' } }),
        { status: 404, statusText: 'Not Found' },
      ),
      new Response('upstream down', {
        status: 503,
        statusText: 'Service Unavailable',
      }),
    );
    const notFound = await c.getStatus().catch(e => e);
    expect(opsErrorDetails(notFound)).toEqual({
      status: 404,
      name: 'NotFoundError',
      message: 'nope',
    });
    const down = await c.getStatus().catch(e => e);
    expect(opsErrorDetails(down)).toEqual({
      status: 503,
      name: undefined,
      message: 'Request failed with 503 Service Unavailable',
    });
    expect(opsErrorDetails(new TypeError('Failed to fetch'))).toEqual({
      message: 'Failed to fetch',
    });
  });
});
