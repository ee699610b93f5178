import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  SignalPayload,
  signalsServiceRef,
} from '@backstage/plugin-signals-node';
import { Knex } from 'knex';
import request from 'supertest';
import {
  createTestDatabases,
  describeWithAlertmanager,
  sendJson,
  startAlertmanager,
  startTestHttpServer,
  TestAlertmanager,
  TestHttpServer,
} from '@internal/ops-test-utils';
import {
  constantGauge,
  describeWithPrometheus,
  prometheusForSuite,
} from '../__testUtils__/prometheus';
import { RecordedAuditEvent, recordingAuditor } from '../__testUtils__/auditor';
import { opsPlugin } from '../plugin';
import { DatabaseExecutionStore } from './DatabaseExecutionStore';
import { STALE_MESSAGE } from './DefaultRunbookService';

const databases = createTestDatabases();
const alice = mockCredentials.user.header('user:default/alice');
const RUNBOOK = 'runbook:default/mairust-queue-backlog';
const EXECUTIONS = '/api/ops/runbooks/default/mairust-queue-backlog/actions';

function component(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', owner: 'group:default/sre', lifecycle: 'prod' },
    relations: [{ type: 'hasRunbook', targetRef: RUNBOOK }],
  };
}

const reasonSchema = {
  type: 'object',
  properties: {
    reason: { type: 'string', minLength: 1 },
    nodes: { type: 'integer', minimum: 1, maximum: 10, default: 2 },
    token: { type: 'string', writeOnly: true },
  },
  required: ['reason'],
};

function runbook(): Entity {
  return {
    apiVersion: 'unyo.dev/v1alpha1',
    kind: 'Runbook',
    metadata: {
      name: 'mairust-queue-backlog',
      namespace: 'default',
      title: 'Mail queue backlog',
    },
    spec: {
      owner: 'group:default/sre',
      appliesTo: ['component:default/mairust-smtp'],
      severity: 'high',
      alerts: ['MairustQueueBacklog'],
      steps: [{ title: 'Flush', action: 'flush' }],
      actions: [
        {
          id: 'flush',
          title: 'Flush the queue',
          type: 'http',
          target: 'rundeck',
          destructive: true,
          parameters: reasonSchema,
          request: {
            method: 'POST',
            path: '/api/45/job/${parameters.reason}/run',
            headers: { 'X-Token': '${parameters.token}' },
            body: {
              argString: '-reason ${parameters.reason}',
              nodes: '${parameters.nodes}',
            },
          },
        },
        {
          id: 'trigger',
          title: 'Trigger',
          type: 'http',
          target: 'rundeck',
          parameters: reasonSchema,
          request: { method: 'POST', path: '/api/45/job/trigger/run' },
        },
        {
          id: 'by-name',
          title: 'Through a host name',
          type: 'http',
          target: 'byname',
          request: { method: 'GET', path: '/status' },
        },
        {
          id: 'leave',
          title: 'Redirects away',
          type: 'http',
          target: 'rundeck',
          request: { method: 'POST', path: '/redirect-out' },
        },
        {
          id: 'narrow',
          title: 'Outside its allow list',
          type: 'http',
          target: 'narrow',
          request: { method: 'POST', path: '/api/45/job/x/run' },
        },
        {
          id: 'restart',
          title: 'Restart',
          type: 'http',
          target: 'automation',
          request: { method: 'POST', path: '/api/45/job/restart/run' },
        },
        { id: 'health', title: 'Probe health', type: 'health-check' },
        {
          id: 'run-job',
          title: 'Run a job and follow it',
          type: 'http',
          target: 'rundeck',
          parameters: {
            type: 'object',
            properties: { job: { enum: ['poll-ok', 'poll-fail'] } },
            required: ['job'],
          },
          request: {
            method: 'POST',
            path: '/api/45/job/${parameters.job}/run',
          },
          poll: {
            path: '/api/45/execution/{id}',
            idFrom: '/execution/id',
            statusFrom: '/status',
            succeededWhen: ['succeeded'],
            failedWhen: ['failed', 'aborted'],
            intervalSeconds: 1,
          },
        },
        {
          id: 'slow',
          title: 'Never answers',
          type: 'http',
          target: 'rundeck',
          timeoutSeconds: 1,
          request: { method: 'GET', path: '/hang' },
        },
        {
          id: 'silence',
          title: 'Silence for 1 h',
          type: 'alertmanager-silence',
          durationMinutes: 60,
          parameters: reasonSchema,
        },
        {
          id: 'queue-ok',
          title: 'Queue below 1000',
          type: 'prometheus-query',
          query: 'max(mairust_queue_length{${selector}})',
          expect: { op: 'lt', value: 1000 },
        },
        {
          id: 'queue-small',
          title: 'Queue below 10',
          type: 'prometheus-query',
          query: 'max(mairust_queue_length{service="${labels.service}"})',
          expect: { op: 'lt', value: 10 },
        },
      ],
    },
  };
}

/** Alice asks for an execution of `actionId`. */
function execute(server: any, actionId: string, body: object = {}) {
  return request(server)
    .post(`${EXECUTIONS}/${actionId}/executions`)
    .set('Authorization', alice)
    .send(body);
}

/** The runbook's executions, as alice lists them. */
function listExecutions(server: any) {
  return request(server)
    .get('/api/ops/executions')
    .query({ runbookRef: RUNBOOK })
    .set('Authorization', alice);
}

/** The runbooks of mairust-smtp, as alice lists them. */
function listRunbooks(server: any) {
  return request(server)
    .get('/api/ops/runbooks')
    .query({ entityRef: 'component:default/mairust-smtp' })
    .set('Authorization', alice);
}

async function finished(server: any, id: string) {
  for (let i = 0; i < 200; i++) {
    const res = await request(server)
      .get(`/api/ops/executions/${id}`)
      .set('Authorization', alice);
    expect(res.status).toBe(200);
    if (res.body.status !== 'running') return res.body;
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  throw new Error(`execution ${id} did not finish`);
}

/** Starts an execution (a 201) and waits for its end. */
async function executeToEnd(server: any, actionId: string, body?: object) {
  const res = await execute(server, actionId, body);
  expect(res.status).toBe(201);
  return finished(server, res.body.id);
}

describe.each(databases.eachSupportedId())('runbook actions on %s', id => {
  jest.setTimeout(60_000);
  let target: TestHttpServer;
  let outside: TestHttpServer;
  let health: TestHttpServer;
  let signals: SignalPayload[];
  let polls: Map<string, number>;
  let audits: RecordedAuditEvent[];
  // The executor stores the final status, then publishes its signal: a test
  // that has just read the final status can get there before the signal.
  const settledSignals = async (finals: number) => {
    const isFinal = (s: SignalPayload) =>
      (s.message as any).execution.status !== 'running';
    for (let i = 0; i < 200 && signals.filter(isFinal).length < finals; i++) {
      await new Promise(resolve => setTimeout(resolve, 25));
    }
    return signals;
  };
  // Likewise the audit event's outcome is recorded after the final status.
  const settledAudits = async () => {
    for (let i = 0; i < 200 && audits.some(e => !e.outcome); i++) {
      await new Promise(resolve => setTimeout(resolve, 25));
    }
    return audits;
  };

  beforeEach(async () => {
    signals = [];
    polls = new Map();
    outside = await startTestHttpServer((_req, res) =>
      sendJson(res, 200, { leaked: true }),
    );
    target = await startTestHttpServer((req, res) => {
      if (req.url === '/redirect-out') {
        res.writeHead(302, { Location: `${outside.url}/stolen` });
        res.end();
        return;
      }
      if (req.url === '/hang') return; // never answers
      // Rundeck-like: a job run answers its execution id, then its state.
      const run = /^\/api\/45\/job\/(poll-ok|poll-fail)\/run$/.exec(req.url);
      if (run) {
        const runId = run[1] === 'poll-ok' ? 'a/7' : 'b8';
        polls.set(runId, 0);
        sendJson(res, 200, { execution: { id: runId } });
        return;
      }
      const execution = /^\/api\/45\/execution\/(.+)$/.exec(req.url);
      if (execution) {
        const runId = decodeURIComponent(execution[1]);
        const count = (polls.get(runId) ?? 0) + 1;
        polls.set(runId, count);
        let status = 'running';
        if (count >= 2) status = runId === 'a/7' ? 'succeeded' : 'failed';
        sendJson(res, 200, { id: runId, status });
        return;
      }
      if (req.url === '/status') {
        sendJson(res, 200, { ok: true });
        return;
      }
      sendJson(res, 200, { id: 42, status: 'running' });
    });
    health = await startTestHttpServer((_req, res) =>
      // As seed 004's /health/ready answers.
      sendJson(res, 200, {
        status: 'healthy',
        checks: {
          database: { status: 'healthy', latency_ms: 5 },
          queue: { status: 'healthy', length: 3 },
        },
      }),
    );
  });
  afterEach(async () => {
    await Promise.all([target.close(), outside.close(), health.close()]);
  });

  async function start(
    options: {
      allow?: boolean;
      knex?: Knex;
      ops?: object;
      entities?: Entity[];
    } = {},
  ) {
    const knex = options.knex ?? (await databases.init(id));
    const port = new URL(target.url).port;
    const auditor = recordingAuditor();
    audits = auditor.events;
    const { server } = await startTestBackend({
      features: [
        opsPlugin,
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({
          data: {
            ops: {
              runbooks: {
                targets: {
                  rundeck: {
                    baseUrl: target.url,
                    headers: { 'X-Rundeck-Auth-Token': 'secret-token' },
                  },
                  byname: {
                    baseUrl: `http://localhost:${port}`,
                    allowedHosts: [`localhost:${port}`],
                  },
                  narrow: {
                    baseUrl: target.url,
                    allowedHosts: ['rundeck.example.com'],
                  },
                },
              },
              health: { allowedHosts: ['127.0.0.1'] },
              ...options.ops,
            },
          },
        }),
        mockServices.permissions.factory({
          result:
            options.allow === false
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        }),
        catalogServiceMock.factory({
          entities: [
            runbook(),
            component('mairust-smtp', {
              'unyo.dev/alert-selector': 'service="mairust-smtp"',
              'unyo.dev/health-url': `${health.url}/health`,
            }),
            ...(options.entities ?? []),
          ],
        }),
        auditor.factory,
        // The signals service's transport (events bus → browsers) cannot be
        // observed here: what the plugin publishes is recorded instead.
        createServiceFactory({
          service: signalsServiceRef,
          deps: {},
          factory: () => ({
            publish: async (signal: SignalPayload<any>) => {
              signals.push(signal);
            },
          }),
        }),
      ],
    });
    return server;
  }

  it('runs an http action once per idempotency key, with the validated parameters, and lists it', async () => {
    const server = await start();
    const body = {
      parameters: { reason: 'backlog 5000', token: 'hunter2' },
      confirmation: 'mairust-queue-backlog',
      idempotencyKey: 'k-1',
    };
    // A double click: two concurrent requests with one key.
    const [a, b] = await Promise.all([
      execute(server, 'flush', body),
      execute(server, 'flush', body),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.id).toBe(b.body.id);
    const created = a.status === 201 ? a.body : b.body;
    expect(created).toMatchObject({
      runbookRef: RUNBOOK,
      actionId: 'flush',
      actor: 'user:default/alice',
      entityRef: 'component:default/mairust-smtp',
      status: 'running',
      idempotencyKey: 'k-1',
      // the default applied, the write-only value never stored
      parameters: { reason: 'backlog 5000', nodes: 2, token: '***' },
    });

    const done = await finished(server, created.id);
    expect(done).toMatchObject({
      status: 'succeeded',
      output: {
        summary: 'HTTP 200 from POST /api/45/job/backlog%205000/run',
        httpStatus: 200,
        body: { id: 42, status: 'running' },
      },
    });
    expect(done.finishedAt).toEqual(expect.any(String));

    // A third click after the end still answers the same execution.
    const again = await execute(server, 'flush', body);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: created.id, status: 'succeeded' });

    expect(target.requests).toHaveLength(1);
    const [sent] = target.requests;
    expect(sent.method).toBe('POST');
    expect(sent.url).toBe('/api/45/job/backlog%205000/run');
    expect(sent.headers['x-rundeck-auth-token']).toBe('secret-token');
    expect(sent.headers['x-token']).toBe('hunter2');
    expect(JSON.parse(sent.body)).toEqual({
      argString: '-reason backlog 5000',
      nodes: 2,
    });

    const list = await listExecutions(server);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([done]);

    const audit = (await settledAudits()).filter(
      e => e.eventId === 'runbook-execution',
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      outcome: 'success',
      options: {
        severityLevel: 'high',
        meta: {
          actor: 'user:default/alice',
          parameters: { reason: 'backlog 5000', nodes: 2, token: '***' },
        },
      },
    });
    expect(
      (await settledSignals(1)).map(s => (s.message as any).execution.status),
    ).toEqual(['running', 'succeeded']);
    expect(signals[0]).toMatchObject({
      channel: 'ops:runbook-executions',
      recipients: { type: 'user', entityRef: 'user:default/alice' },
    });
  });

  it('connects to the checked address of an allowed host name', async () => {
    const server = await start();
    expect(await executeToEnd(server, 'by-name')).toMatchObject({
      status: 'succeeded',
      output: { httpStatus: 200, body: { ok: true } },
    });
    expect(target.requests.map(r => r.headers.host)).toEqual([
      `localhost:${new URL(target.url).port}`,
    ]);
  });

  it.each([
    [
      'a target not in config',
      'restart',
      {},
      400,
      'Target "automation" is not configured: set ops.runbooks.targets.automation in app-config',
    ],
    [
      'a URL outside the allow list',
      'narrow',
      {},
      400,
      `Not sent: ${'127.0.0.1'}:PORT is not in ops.runbooks.targets.narrow.allowedHosts`,
    ],
    [
      'parameters failing the schema',
      'trigger',
      { parameters: { nodes: 11 } },
      400,
      'parameters.reason is required; parameters.nodes must be <= 10',
    ],
    [
      'a destructive action without its confirmation',
      'flush',
      { parameters: { reason: 'x' }, confirmation: 'yes' },
      400,
      'confirmation must be the runbook\'s name "mairust-queue-backlog", typed: action flush is destructive',
    ],
    ['an unknown action', 'nope', {}, 404, `${RUNBOOK} has no action "nope"`],
  ])(
    'refuses %s with a 4xx, sends nothing and stores it as rejected',
    async (_what, actionId, body, status, message) => {
      const server = await start();
      const expected = message.replace('PORT', new URL(target.url).port);
      const res = await execute(server, actionId, body);
      expect(res.status).toBe(status);
      expect(res.body.error.message).toBe(expected);
      expect(target.requests).toEqual([]);

      const list = await listExecutions(server);
      expect(list.body.items).toEqual([
        expect.objectContaining({
          actionId,
          actor: 'user:default/alice',
          status: 'rejected',
          output: { summary: expected, error: expected },
        }),
      ]);
      expect(audits).toEqual([expect.objectContaining({ outcome: 'fail' })]);
    },
  );

  it('refuses a user without ops.runbook.execute with a 403, sends nothing, and says so in the list', async () => {
    const server = await start({ allow: false });
    const res = await execute(server, 'trigger', {
      parameters: { reason: 'x' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      `You are not allowed to execute ${RUNBOOK} (permission ops.runbook.execute)`,
    );
    expect(target.requests).toEqual([]);
    const list = await listExecutions(server);
    expect(list.body.items).toEqual([
      expect.objectContaining({ status: 'rejected', actionId: 'trigger' }),
    ]);
    const runbooks = await listRunbooks(server);
    expect(runbooks.body.items).toEqual([
      expect.objectContaining({ ref: RUNBOOK, canExecute: false }),
    ]);
  });

  it('pages the executions newest first, filters by status and actor, and names a bad paging parameter', async () => {
    const server = await start();
    // Three refusals (no confirmation for a destructive action) and one run.
    for (let i = 0; i < 3; i++) {
      await execute(server, 'flush', { parameters: { reason: `r${i}` } });
    }
    const done = await executeToEnd(server, 'trigger', {
      parameters: { reason: 'backlog 5000', nodes: 2 },
    });
    const page = (query: Record<string, string | number>) =>
      request(server)
        .get('/api/ops/executions')
        .query({ runbookRef: RUNBOOK, ...query })
        .set('Authorization', alice);

    const all = await page({});
    expect(all.body.totalCount).toBe(4);
    expect(all.body.items.map((e: any) => e.id)[0]).toBe(done.id);

    const second = await page({ limit: 2, offset: 1 });
    expect(second.status).toBe(200);
    expect(second.body.totalCount).toBe(4);
    expect(second.body.items.map((e: any) => e.id)).toEqual(
      all.body.items.slice(1, 3).map((e: any) => e.id),
    );

    const rejected = await page({ status: 'rejected' });
    expect(rejected.body.totalCount).toBe(3);
    expect(rejected.body.items.every((e: any) => e.status === 'rejected')).toBe(
      true,
    );
    const byBob = await page({ actor: 'user:default/bob' });
    expect(byBob.body).toEqual({ items: [], totalCount: 0 });

    for (const [query, field] of [
      [{ offset: -1 }, 'offset'],
      [{ offset: 'x' }, 'offset'],
      [{ limit: 0 }, 'limit'],
      [{ status: 'done' }, 'status'],
    ] as const) {
      const bad = await page(query);
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain(field);
    }
  });

  it('refuses a malformed body with a 400 naming the field, and stores nothing', async () => {
    const server = await start();
    const unknown = await execute(server, 'trigger', { reason: 'x' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe(
      'Unknown field(s) in the body: reason',
    );
    const wrongType = await execute(server, 'trigger', { idempotencyKey: 5 });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.message).toMatch(/^idempotencyKey /);
    expect((await listExecutions(server)).body.items).toEqual([]);
    expect(target.requests).toEqual([]);
  });

  it('does not follow a redirect that leaves the allow list', async () => {
    const server = await start();
    const done = await executeToEnd(server, 'leave');
    expect(done).toMatchObject({
      status: 'failed',
      output: {
        httpStatus: 302,
        error: `HTTP 302 redirects to ${
          new URL(outside.url).host
        }, not followed: ${
          new URL(outside.url).host
        } is not in ops.runbooks.targets.rundeck.allowedHosts`,
      },
    });
    expect(target.requests).toHaveLength(1);
    expect(outside.requests).toEqual([]);
  });

  it('probes the health endpoints of the entity and shows each check', async () => {
    const server = await start();
    const done = await executeToEnd(server, 'health');
    expect(done).toMatchObject({
      status: 'succeeded',
      entityRef: 'component:default/mairust-smtp',
      output: {
        summary: '1 of 1 endpoints up',
        health: [
          {
            url: `${health.url}/health`,
            status: 'up',
            checks: [
              { name: 'database', status: 'up', detail: 'latency_ms: 5' },
              { name: 'queue', status: 'up', detail: 'length: 3' },
            ],
          },
        ],
      },
    });
  });

  it('reports a failing health endpoint as a failed check', async () => {
    await health.close();
    health = await startTestHttpServer((_req, res) =>
      // As seed 000's /health answers when its database is gone.
      sendJson(res, 503, {
        status: 'error',
        services: { database: 'disconnected' },
      }),
    );
    const server = await start();
    const done = await executeToEnd(server, 'health', {
      entityRef: 'component:default/mairust-smtp',
    });
    expect(done.status).toBe('failed');
    expect(done.output.health[0]).toMatchObject({
      status: 'down',
      checks: [{ name: 'database', status: 'down' }],
    });
  });

  it("lists the runbooks of an entity with the caller's permission", async () => {
    const server = await start();
    const res = await listRunbooks(server);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        ref: RUNBOOK,
        title: 'Mail queue backlog',
        severity: 'high',
        appliesTo: ['component:default/mairust-smtp'],
        alerts: ['MairustQueueBacklog'],
        firingAlerts: [],
        canExecute: true,
      }),
    ]);
    expect(res.body.items[0].actions[0]).toEqual({
      id: 'flush',
      title: 'Flush the queue',
      type: 'http',
      destructive: true,
    });
    const unknown = await request(server)
      .get('/api/ops/executions/no-such-id')
      .set('Authorization', alice);
    expect(unknown.status).toBe(404);
  });

  it('follows the run an http action started until its status is final', async () => {
    const server = await start();
    const runJob = (job: string) =>
      executeToEnd(server, 'run-job', { parameters: { job } });
    const ok = await runJob('poll-ok');
    expect(ok).toMatchObject({
      status: 'succeeded',
      output: {
        summary: 'Run a/7: succeeded',
        runId: 'a/7',
        runUrl: `${target.url}/api/45/execution/a%2F7`,
        httpStatus: 200,
        body: { id: 'a/7', status: 'succeeded' },
      },
    });
    // The page saw the run id while it ran.
    const seen = (await settledSignals(1)).map(
      s => (s.message as any).execution,
    );
    expect(seen.map(e => [e.status, e.output?.summary])).toEqual([
      ['running', undefined],
      ['running', 'Run a/7: started'],
      ['running', 'Run a/7: running'],
      ['succeeded', 'Run a/7: succeeded'],
    ]);
    expect(await runJob('poll-fail')).toMatchObject({
      status: 'failed',
      output: {
        summary: 'Run b8: failed',
        error: 'Run b8: failed',
        runId: 'b8',
      },
    });
    expect(target.requests.map(r => `${r.method} ${r.url}`)).toEqual([
      'POST /api/45/job/poll-ok/run',
      'GET /api/45/execution/a%2F7',
      'GET /api/45/execution/a%2F7',
      'POST /api/45/job/poll-fail/run',
      'GET /api/45/execution/b8',
      'GET /api/45/execution/b8',
    ]);
    // Polls carry the target's credentials too.
    expect(target.requests[1].headers['x-rundeck-auth-token']).toBe(
      'secret-token',
    );
  });

  it('fails an action that does not answer within timeoutSeconds', async () => {
    const server = await start();
    expect(await executeToEnd(server, 'slow')).toMatchObject({
      status: 'failed',
      output: { error: 'No answer within 1 s (timeoutSeconds)' },
    });
    expect((await settledAudits())[0].outcome).toBe('fail');
  });

  it('marks executions a stopped backend left running as failed at startup', async () => {
    const knex = await databases.init(id);
    const store = await DatabaseExecutionStore.create({
      database: mockServices.database({ knex }),
    });
    const row = (execution: string, deadline: number) => ({
      id: execution,
      runbookRef: RUNBOOK,
      actionId: 'trigger',
      actor: 'user:default/alice',
      parameters: { reason: 'x' },
      status: 'running' as const,
      output: null,
      createdAt: new Date(Date.now() - 120_000).toISOString(),
      deadlineAt: new Date(Date.now() + deadline),
    });
    await store.insert(row('stale', -60_000));
    await store.insert(row('current', 60_000));
    const server = await start({ knex });
    const get = (execution: string) =>
      request(server)
        .get(`/api/ops/executions/${execution}`)
        .set('Authorization', alice);
    expect((await get('stale')).body).toMatchObject({
      status: 'failed',
      output: { summary: STALE_MESSAGE, error: STALE_MESSAGE },
    });
    expect((await get('stale')).body.finishedAt).toEqual(expect.any(String));
    expect((await get('current')).body).toMatchObject({ status: 'running' });
  });

  describeWithAlertmanager('with a real Alertmanager', () => {
    let alertmanager: TestAlertmanager;
    beforeAll(async () => {
      alertmanager = await startAlertmanager();
    });
    afterAll(async () => {
      await alertmanager?.stop();
    });

    it('lists the runbooks answering firing alerts first, and silences their alerts for the entity', async () => {
      const diskFull = runbook();
      diskFull.metadata.name = 'mairust-disk-full';
      diskFull.metadata.title = 'Disk full';
      diskFull.spec = {
        ...diskFull.spec,
        severity: 'critical',
        alerts: ['MairustDiskFull'],
      };
      const server = await start({
        ops: {
          alertmanager: {
            servers: [{ name: 'default', url: alertmanager.url }],
          },
        },
        entities: [diskFull],
      });
      const list = async () =>
        (await listRunbooks(server)).body.items.map((r: any) => [
          r.ref,
          r.firingAlerts,
        ]);
      // Without alerts: by severity.
      expect(await list()).toEqual([
        ['runbook:default/mairust-disk-full', []],
        [RUNBOOK, []],
      ]);
      await alertmanager.postAlerts([
        {
          labels: {
            alertname: 'MairustQueueBacklog',
            service: 'mairust-smtp',
            severity: 'warning',
          },
        },
      ]);
      // Alertmanager and the alert cache need a moment.
      let items: unknown[] = [];
      for (let i = 0; i < 60; i++) {
        items = await list();
        if ((items[0] as any)[0] === RUNBOOK) break;
        await new Promise(resolve => setTimeout(resolve, 250));
      }
      expect(items).toEqual([
        [RUNBOOK, ['MairustQueueBacklog']],
        ['runbook:default/mairust-disk-full', []],
      ]);

      const done = await executeToEnd(server, 'silence', {
        parameters: { reason: 'flushing by hand' },
      });
      expect(done).toMatchObject({
        status: 'succeeded',
        output: {
          summary:
            'Silenced MairustQueueBacklog on component:default/mairust-smtp for 60 min',
        },
      });
      const silences = await alertmanager.silences();
      const silence = silences.find(
        s => s.id === done.output.silenceIds[0],
      ) as any;
      expect(silence).toMatchObject({
        createdBy: 'user:default/alice',
        comment: `Runbook ${RUNBOOK}, action silence: flushing by hand`,
        status: { state: 'active' },
      });
      expect(silence.matchers).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: 'service', value: 'mairust-smtp' }),
          expect.objectContaining({
            name: 'alertname',
            value: 'MairustQueueBacklog',
            isRegex: false,
          }),
        ]),
      );
    });
  });

  describeWithPrometheus('with a real Prometheus', () => {
    const prometheus = prometheusForSuite(() => {
      const now = Date.now();
      const range = { startMs: now - 30 * 60_000, endMs: now, stepMs: 15_000 };
      return {
        series: [
          constantGauge({
            name: 'mairust_queue_length',
            labels: { service: 'mairust-smtp' },
            value: 500,
            ...range,
          }),
          constantGauge({
            name: 'mairust_queue_length',
            labels: { service: 'other' },
            value: 99_999,
            ...range,
          }),
        ],
      };
    });

    it('reports pass and fail of prometheus-query checks with the value found', async () => {
      const knex = await databases.init(id);
      const { server } = await startTestBackend({
        features: [
          opsPlugin,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              ops: {
                prometheus: {
                  servers: [{ name: 'default', url: prometheus.url }],
                },
              },
            },
          }),
          mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
          catalogServiceMock.factory({
            entities: [
              runbook(),
              component('mairust-smtp', {
                'unyo.dev/alert-selector': 'service="mairust-smtp"',
              }),
            ],
          }),
        ],
      });
      expect(await executeToEnd(server, 'queue-ok')).toMatchObject({
        status: 'succeeded',
        output: {
          query: 'max(mairust_queue_length{service="mairust-smtp"})',
          value: 500,
          expectation: '< 1000',
          passed: true,
        },
      });
      expect(await executeToEnd(server, 'queue-small')).toMatchObject({
        status: 'failed',
        output: {
          summary: '500 (expected < 10): failed',
          value: 500,
          expectation: '< 10',
          passed: false,
        },
      });
    });
  });
});
