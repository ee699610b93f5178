import { expect, test } from '@playwright/test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { apiGetJson, entityQuery, requireDemo } from './support';

// An AI assistant's view of the demo portal: the MCP SDK's client against
// /api/mcp-actions/v1 with the guest user's token, as an assistant holding a
// user's Backstage token calls it. What the jest test
// (plugins/ops-backend/src/actions/mcp.test.ts) cannot show: the portal's
// backend and app-config (backend.actions.pluginSources) serve Unyo's tools.
const ENTITY_REF = 'component:default/rainbow-seeker-api';
const RUNBOOK_REF = 'runbook:default/elixir-cqrs-partial-outage';
const SERVICE_REF = 'component:default/elixir-cqrs-client-service';

test.beforeEach(() => {
  requireDemo('the demo portal (scripts/e2e.sh starts it)');
});

async function connect(baseURL: string, token: string) {
  const client = new Client({ name: 'unyo-e2e', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL('/api/mcp-actions/v1', baseURL), {
      requestInit: { headers: { Authorization: `Bearer ${token}` } },
    }),
  );
  return client;
}

test('an MCP client lists the Unyo tools, reads the SLO status the API answers and runs a runbook action as the user', async ({
  request,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const auth = await (await request.post('/api/auth/guest/refresh')).json();
  const user = auth.backstageIdentity.identity.userEntityRef;
  const client = await connect(baseURL!, auth.backstageIdentity.token);
  try {
    const { tools } = await client.listTools();
    expect(tools.map(t => t.name)).toEqual(
      expect.arrayContaining([
        'ops.get-slo-status',
        'ops.list-firing-alerts',
        'ops.get-runbook',
        'ops.execute-runbook-action',
        'ops.list-backup-status',
        'ops.list-health',
      ]),
    );

    // Evaluations run every minute: compare answers taken together, again
    // if an evaluation landed in between.
    await expect(async () => {
      const viaMcp = await client.callTool({
        name: 'ops.get-slo-status',
        arguments: { entityRef: ENTITY_REF },
      });
      const viaApi = await apiGetJson(
        request,
        `/api/ops/slos?${entityQuery(ENTITY_REF)}`,
      );
      expect(viaApi.items.length).toBeGreaterThan(0);
      expect(viaMcp.structuredContent).toEqual(viaApi);
    }).toPass({ timeout: 120_000 });

    // The demo runbook's health check probes the demo endpoint (up).
    const key = `e2e-mcp-${Date.now()}`;
    const run = await client.callTool({
      name: 'ops.execute-runbook-action',
      arguments: {
        runbookRef: RUNBOOK_REF,
        actionId: 'health',
        entityRef: SERVICE_REF,
        idempotencyKey: key,
      },
    });
    expect(run.isError).toBeFalsy();
    const { execution } = run.structuredContent as any;
    expect(execution).toMatchObject({
      runbookRef: RUNBOOK_REF,
      actionId: 'health',
      actor: user,
      status: 'succeeded',
      idempotencyKey: key,
    });
    const history = await apiGetJson(
      request,
      `/api/ops/executions?runbookRef=${encodeURIComponent(
        RUNBOOK_REF,
      )}&limit=100`,
    );
    expect(history.items).toContainEqual(
      expect.objectContaining({ id: execution.id, actor: user }),
    );
  } finally {
    await client.close();
  }
});
