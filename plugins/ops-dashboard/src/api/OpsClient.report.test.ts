import { OpsApiError, OpsClient } from './OpsClient';

function client(response: () => Response) {
  const fetch = jest.fn(async () => response());
  return {
    fetch,
    client: new OpsClient({
      discoveryApi: { getBaseUrl: async () => 'http://backend/api/ops' },
      fetchApi: { fetch },
    }),
  };
}

describe('OpsClient SLO report', () => {
  it('asks for a page with the filters set, and its total', async () => {
    const { client: ops, fetch } = client(
      () =>
        new Response(JSON.stringify({ items: [], totalCount: 7 }), {
          status: 200,
        }),
    );
    const page = await ops.getSloReport({
      owner: 'group:default/a&b',
      month: '2026-11',
      months: 12,
      q: '',
      sort: 'attainment',
      limit: 200,
      offset: 400,
    });
    expect(page).toEqual({ items: [], totalCount: 7 });
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/ops/slo-report?owner=group%3Adefault%2Fa%26b&month=2026-11&months=12&sort=attainment&limit=200&offset=400',
      expect.objectContaining({ method: 'GET' }),
    );
  });

  it('downloads every row as CSV with the same filters, through fetchApi', async () => {
    const { client: ops, fetch } = client(
      () =>
        new Response('title\r\n', {
          status: 200,
          headers: { 'Content-Type': 'text/csv' },
        }),
    );
    const blob = await ops.getSloReportCsv({
      system: 'system:default/shop',
      policy: 'frozen',
      limit: 200,
      offset: 200,
    });
    expect(await blob.text()).toBe('title\r\n');
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/ops/slo-report?system=system%3Adefault%2Fshop&policy=frozen&format=csv',
      expect.objectContaining({ method: 'GET' }),
    );
  });

  it('rejects with the backend message naming the parameter', async () => {
    const { client: ops } = client(
      () =>
        new Response(
          JSON.stringify({
            error: { name: 'InputError', message: 'month must be YYYY-MM' },
          }),
          { status: 400 },
        ),
    );
    await expect(ops.getSloReportCsv({ month: 'x' })).rejects.toEqual(
      new OpsApiError('month must be YYYY-MM', 400),
    );
    await expect(ops.getSloReportSummary({ month: 'x' })).rejects.toEqual(
      new OpsApiError('month must be YYYY-MM', 400),
    );
  });
});
