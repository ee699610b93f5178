import {
  BackstageCredentials,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import mcpPlugin from '@backstage/plugin-mcp-actions-backend';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  createTestDatabases,
  sendJson,
  startTestHttpServer,
  TestHttpServer,
} from '@internal/ops-test-utils';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { RecordedAuditEvent, recordingAuditor } from '../__testUtils__/auditor';
import { DatabaseSloStore } from '../database/DatabaseSloStore';
import { opsPlugin } from '../plugin';

// The whole path an assistant takes: the MCP SDK's client over streamable
// HTTP to the real mcp-actions backend, which lists and invokes actions
// through Backstage's actions service and the ops plugin's actions registry.
// Mocked, as in the routes' tests: the catalog (catalogServiceMock) and the
// permission policy (ALICE may execute runbooks, MALLORY may not), which in
// a portal come from the catalog and permission backends.

const databases = createTestDatabases();
const ALICE = 'user:default/alice';
const MALLORY = 'user:default/mallory';
const SERVICE = 'component:default/mairust-smtp';
const SLO_REF = 'slo:default/mairust-availability';
const RUNBOOK = 'runbook:default/mairust-queue-backlog';

const service: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'mairust-smtp', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/sre', lifecycle: 'prod' },
  relations: [
    { type: 'measuredBy', targetRef: SLO_REF },
    { type: 'hasRunbook', targetRef: RUNBOOK },
    { type: 'ownedBy', targetRef: 'group:default/sre' },
  ],
};

const slo: Entity = {
  apiVersion: 'openslo/v1',
  kind: 'SLO',
  metadata: {
    name: 'mairust-availability',
    namespace: 'default',
    displayName: 'MaiRust availability',
  } as Entity['metadata'],
  spec: {
    service: 'mairust-smtp',
    indicatorRef: 'mairust-sli',
    timeWindow: [{ duration: '30d', isRolling: true }],
    budgetingMethod: 'Occurrences',
    objectives: [{ target: 0.999 }],
  },
};

const runbook: Entity = {
  apiVersion: 'unyo.dev/v1alpha1',
  kind: 'Runbook',
  metadata: {
    name: 'mairust-queue-backlog',
    namespace: 'default',
    title: 'Mail queue backlog',
  },
  spec: {
    owner: 'group:default/sre',
    appliesTo: [SERVICE],
    severity: 'high',
    alerts: ['MairustQueueBacklog'],
    steps: [
      { title: 'Look at the queue', run: 'mairust queue stats' },
      { title: 'Flush it', action: 'flush' },
    ],
    actions: [
      {
        id: 'flush',
        title: 'Flush the queue',
        type: 'http',
        target: 'automation',
        destructive: true,
        parameters: {
          type: 'object',
          properties: { reason: { type: 'string', minLength: 1 } },
          required: ['reason'],
        },
        request: {
          method: 'POST',
          path: '/jobs/flush/run',
          body: { reason: '${parameters.reason}' },
        },
      },
    ],
  },
};

/** The policy stand-in: only MALLORY is refused, every permission. */
const permissionsByUser = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: () => {
    const decide = (credentials: BackstageCredentials) =>
      (credentials.principal as { userEntityRef?: string }).userEntityRef ===
      MALLORY
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW;
    return {
      authorize: async (requests: unknown[], { credentials }: any) =>
        requests.map(() => ({ result: decide(credentials) })),
      authorizeConditional: async (requests: unknown[], { credentials }: any) =>
        requests.map(() => ({ result: decide(credentials) })),
    } as any;
  },
});

describe.each(databases.eachSupportedId())(
  'Unyo actions over MCP on %s',
  id => {
    let target: TestHttpServer;
    let server: Server;
    let audits: RecordedAuditEvent[];
    const clients: Client[] = [];

    beforeEach(async () => {
      target = await startTestHttpServer((_req, res) =>
        sendJson(res, 200, { id: 7, status: 'started' }),
      );
      const knex = await databases.init(id);
      const auditor = recordingAuditor();
      audits = auditor.events;
      ({ server } = await startTestBackend({
        features: [
          opsPlugin,
          mcpPlugin,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              backend: { actions: { pluginSources: ['ops'] } },
              ops: {
                runbooks: { targets: { automation: { baseUrl: target.url } } },
              },
            },
          }),
          permissionsByUser,
          catalogServiceMock.factory({ entities: [service, slo, runbook] }),
          auditor.factory,
        ],
      }));
      const store = await DatabaseSloStore.create({
        database: mockServices.database({ knex }),
      });
      await store.saveStatus({
        ref: SLO_REF,
        entityRef: SERVICE,
        target: 0.999,
        window: { duration: '30d', calendar: false },
        budgetingMethod: 'Occurrences',
        state: 'ok',
        sli: { good: 999_300, total: 1_000_000, ratio: 0.9993 },
        errorBudget: {
          total: 1000,
          consumed: 700,
          consumedRatio: 0.7,
          remainingRatio: 0.3,
        },
        policy: 'feature-freeze',
        evaluatedAt: new Date(Date.now() - 60_000).toISOString(),
      });
    });

    afterEach(async () => {
      await Promise.all(clients.splice(0).map(c => c.close()));
      await target.close();
    });

    /** An MCP client signed in as `user`, as an assistant with the user's token. */
    async function connect(user: string): Promise<Client> {
      const { port } = server.address() as AddressInfo;
      const transport = new StreamableHTTPClientTransport(
        new URL(`http://localhost:${port}/api/mcp-actions/v1`),
        {
          requestInit: {
            headers: { Authorization: mockCredentials.user.header(user) },
          },
        },
      );
      const client = new Client({ name: 'unyo-test', version: '1.0.0' });
      await client.connect(transport);
      clients.push(client);
      return client;
    }

    function textOf(result: Awaited<ReturnType<Client['callTool']>>) {
      return (result.content as Array<{ text: string }>)[0].text;
    }

    it('lists the Unyo tools with input schemas an assistant can fill', async () => {
      const client = await connect(ALICE);
      const { tools } = await client.listTools();
      const byName = new Map(tools.map(t => [t.name, t]));
      expect([...byName.keys()].sort()).toEqual([
        'ops.deploy-gate',
        'ops.execute-runbook-action',
        'ops.get-runbook',
        'ops.get-slo-status',
        'ops.list-backup-status',
        'ops.list-firing-alerts',
        'ops.list-health',
      ]);
      for (const tool of tools) {
        expect(tool.description).toEqual(expect.any(String));
        // Every input field says what to put in it.
        for (const [field, schema] of Object.entries(
          tool.inputSchema.properties ?? {},
        )) {
          expect([field, (schema as any).description]).toEqual([
            field,
            expect.stringMatching(/\w{3}/),
          ]);
        }
      }
      const execute = byName.get('ops.execute-runbook-action')!;
      expect(execute.inputSchema.required?.sort()).toEqual([
        'actionId',
        'runbookRef',
      ]);
      expect(Object.keys(execute.inputSchema.properties ?? {}).sort()).toEqual([
        'actionId',
        'confirmation',
        'entityRef',
        'idempotencyKey',
        'parameters',
        'runbookRef',
        'waitSeconds',
      ]);
      expect(execute.annotations).toMatchObject({
        destructiveHint: true,
        readOnlyHint: false,
      });
      expect(byName.get('ops.get-slo-status')!.annotations).toMatchObject({
        readOnlyHint: true,
        destructiveHint: false,
      });
      expect(byName.get('ops.get-slo-status')!.inputSchema.required).toEqual([
        'entityRef',
      ]);
    });

    it('reads the SLO status GET /api/ops/slos answers for the entity', async () => {
      const client = await connect(ALICE);
      const result = await client.callTool({
        name: 'ops.get-slo-status',
        arguments: { entityRef: 'component:mairust-smtp' },
      });
      expect(result.isError).toBeFalsy();
      const route = await request(server)
        .get('/api/ops/slos')
        .query({ entityRef: SERVICE })
        .set('Authorization', mockCredentials.user.header(ALICE));
      expect(route.status).toBe(200);
      expect(route.body.items).toHaveLength(1);
      expect(route.body.items[0]).toMatchObject({
        ref: SLO_REF,
        state: 'ok',
        policy: 'feature-freeze',
        errorBudget: { remainingRatio: 0.3 },
      });
      expect(result.structuredContent).toEqual(route.body);
      expect(JSON.parse(textOf(result))).toEqual(route.body);
    });

    it('reads a runbook with its actions and their parameter schemas', async () => {
      const client = await connect(ALICE);
      const result = await client.callTool({
        name: 'ops.get-runbook',
        arguments: { runbookRef: 'Runbook:default/mairust-queue-backlog' },
      });
      expect(result.isError).toBeFalsy();
      expect(result.structuredContent).toMatchObject({
        ref: RUNBOOK,
        name: 'mairust-queue-backlog',
        title: 'Mail queue backlog',
        steps: [
          { title: 'Look at the queue', run: 'mairust queue stats' },
          { title: 'Flush it', action: 'flush' },
        ],
        actions: [
          {
            id: 'flush',
            type: 'http',
            destructive: true,
            parameters: { required: ['reason'] },
          },
        ],
      });
      // The request template and target stay in the backend.
      expect(JSON.stringify(result.structuredContent)).not.toContain(
        '/jobs/flush/run',
      );
    });

    it('executes a runbook action as the calling user: one request to the target, once per idempotency key, in the history', async () => {
      const client = await connect(ALICE);
      const args = {
        runbookRef: RUNBOOK,
        actionId: 'flush',
        parameters: { reason: 'backlog 5000' },
        confirmation: 'mairust-queue-backlog',
        idempotencyKey: 'assistant-run-1',
        entityRef: SERVICE,
      };
      const first = await client.callTool({
        name: 'ops.execute-runbook-action',
        arguments: args,
      });
      expect(first.isError).toBeFalsy();
      const { created, execution } = first.structuredContent as any;
      expect(created).toBe(true);
      expect(execution).toMatchObject({
        runbookRef: RUNBOOK,
        actionId: 'flush',
        actor: ALICE,
        entityRef: SERVICE,
        status: 'succeeded',
        parameters: { reason: 'backlog 5000' },
        output: { httpStatus: 200, body: { id: 7, status: 'started' } },
      });

      // An assistant retrying the call with the same key runs nothing more.
      const again = await client.callTool({
        name: 'ops.execute-runbook-action',
        arguments: args,
      });
      expect(again.structuredContent).toMatchObject({
        created: false,
        execution: { id: execution.id },
      });
      expect(target.requests).toHaveLength(1);
      expect(target.requests[0]).toMatchObject({
        method: 'POST',
        url: '/jobs/flush/run',
      });
      expect(JSON.parse(target.requests[0].body)).toEqual({
        reason: 'backlog 5000',
      });

      // The runbook page's history: the run, by the user.
      const history = await request(server)
        .get('/api/ops/executions')
        .query({ runbookRef: RUNBOOK })
        .set('Authorization', mockCredentials.user.header(ALICE));
      expect(history.status).toBe(200);
      expect(history.body.items).toEqual([
        expect.objectContaining({
          id: execution.id,
          actor: ALICE,
          status: 'succeeded',
        }),
      ]);
      expect(audits.filter(e => e.eventId === 'runbook-execution')).toEqual([
        expect.objectContaining({
          outcome: 'success',
          meta: expect.objectContaining({ actor: ALICE }),
        }),
      ]);
    });

    it('refuses a user without ops.runbook.execute: nothing is sent, the refusal is in the history', async () => {
      const client = await connect(MALLORY);
      const result = await client.callTool({
        name: 'ops.execute-runbook-action',
        arguments: {
          runbookRef: RUNBOOK,
          actionId: 'flush',
          parameters: { reason: 'x' },
          confirmation: 'mairust-queue-backlog',
        },
      });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toBe(
        `NotAllowedError: You are not allowed to execute ${RUNBOOK} (permission ops.runbook.execute)`,
      );
      expect(target.requests).toEqual([]);
      const history = await request(server)
        .get('/api/ops/executions')
        .query({ runbookRef: RUNBOOK })
        .set('Authorization', mockCredentials.user.header(ALICE));
      expect(history.body.items).toEqual([
        expect.objectContaining({ actor: MALLORY, status: 'rejected' }),
      ]);
    });

    it.each([
      [
        'a destructive action without its typed confirmation',
        { parameters: { reason: 'x' }, confirmation: 'yes' },
        'InputError: confirmation must be the runbook\'s name "mairust-queue-backlog", typed: action flush is destructive',
      ],
      [
        'parameters failing the schema',
        { parameters: {}, confirmation: 'mairust-queue-backlog' },
        'InputError: parameters.reason is required',
      ],
      [
        'a ref that is not a runbook',
        { runbookRef: SERVICE },
        'InputError: runbookRef must be a runbook ref such as runbook:default/my-runbook',
      ],
    ])(
      'answers %s with an error naming the field, and sends nothing',
      async (_what, overrides, message) => {
        const client = await connect(ALICE);
        const result = await client.callTool({
          name: 'ops.execute-runbook-action',
          arguments: { runbookRef: RUNBOOK, actionId: 'flush', ...overrides },
        });
        expect(result.isError).toBe(true);
        expect(textOf(result)).toBe(message);
        expect(target.requests).toEqual([]);
      },
    );

    it('answers input outside the schema with an error naming the field', async () => {
      const client = await connect(ALICE);
      const result = await client.callTool({
        name: 'ops.execute-runbook-action',
        arguments: { runbookRef: RUNBOOK, actionId: '../flush' },
      });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/^InputError: .*actionId/s);
      expect(target.requests).toEqual([]);
    });
  },
);
