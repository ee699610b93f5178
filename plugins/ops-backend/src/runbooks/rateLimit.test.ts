import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import {
  createTestDatabases,
  sendJson,
  startTestHttpServer,
  TestHttpServer,
} from '@internal/ops-test-utils';
import { RecordedAuditEvent, recordingAuditor } from '../__testUtils__/auditor';
import { opsPlugin } from '../plugin';

const databases = createTestDatabases();
const alice = mockCredentials.user.header('user:default/alice');
const bob = mockCredentials.user.header('user:default/bob');
const RUNBOOK = 'runbook:default/queue';
const ACTIONS = '/api/ops/runbooks/default/queue/actions';

function runbook(): Entity {
  const action = (id: string) => ({
    id,
    title: id,
    type: 'http',
    target: 'automation',
    request: { method: 'POST', path: `/jobs/${id}/run` },
  });
  return {
    apiVersion: 'unyo.dev/v1alpha1',
    kind: 'Runbook',
    metadata: { name: 'queue', namespace: 'default' },
    spec: {
      owner: 'group:default/sre',
      appliesTo: ['component:default/queue'],
      steps: [{ title: 'Flush', action: 'flush' }],
      actions: [action('flush'), action('drain')],
    },
  };
}

function execute(server: any, actionId: string, user = alice) {
  return request(server)
    .post(`${ACTIONS}/${actionId}/executions`)
    .set('Authorization', user)
    .send({});
}

/** Actions run after the answer: waits until the target has `count` requests. */
async function received(target: TestHttpServer, count: number) {
  for (let i = 0; i < 100 && target.requests.length < count; i++) {
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  return target.requests;
}

describe.each(databases.eachSupportedId())('runbook rate limit on %s', id => {
  jest.setTimeout(60_000);
  let target: TestHttpServer;
  let audits: RecordedAuditEvent[];

  beforeEach(async () => {
    target = await startTestHttpServer((_req, res) =>
      sendJson(res, 200, { ok: true }),
    );
  });
  afterEach(() => target.close());

  async function start(rateLimit: object | undefined) {
    const auditor = recordingAuditor();
    audits = auditor.events;
    const { server } = await startTestBackend({
      features: [
        opsPlugin,
        mockServices.database.factory({ knex: await databases.init(id) }),
        mockServices.rootConfig.factory({
          data: {
            ops: {
              runbooks: {
                targets: { automation: { baseUrl: target.url } },
                ...(rateLimit ? { rateLimit } : {}),
              },
            },
          },
        }),
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
        catalogServiceMock.factory({ entities: [runbook()] }),
        auditor.factory,
      ],
    });
    return server;
  }

  it('answers the 3rd execution in the window 429 with Retry-After, audits it, runs and stores nothing, and lets it pass after the window', async () => {
    const server = await start({ maxExecutions: 2, window: { seconds: 2 } });
    expect((await execute(server, 'flush')).status).toBe(201);
    expect((await execute(server, 'flush')).status).toBe(201);

    const refused = await execute(server, 'flush');
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(2);
    expect(refused.body.error).toMatchObject({
      name: 'TooManyRequestsError',
      message: expect.stringMatching(
        /^Rate limit: at most 2 executions of runbook:default\/queue action flush per user in 2 s \(ops\.runbooks\.rateLimit\); try again in [12] s$/,
      ),
    });
    expect((await received(target, 2)).map(r => r.url)).toEqual([
      '/jobs/flush/run',
      '/jobs/flush/run',
    ]);
    const stored = await request(server)
      .get('/api/ops/executions')
      .query({ runbookRef: RUNBOOK })
      .set('Authorization', alice);
    expect(stored.body.totalCount).toBe(2);
    expect(stored.body.items.map((e: any) => e.status)).not.toContain(
      'rejected',
    );

    const limited = audits.filter(
      e => e.eventId === 'runbook-execution' && e.outcome === 'fail',
    );
    expect(limited).toHaveLength(1);
    expect(limited[0]).toMatchObject({
      meta: {
        runbookRef: RUNBOOK,
        actionId: 'flush',
        actor: 'user:default/alice',
      },
      error: { name: 'TooManyRequestsError' },
    });

    // Another user, and another action of the same user, have their own count.
    expect((await execute(server, 'flush', bob)).status).toBe(201);
    expect((await execute(server, 'drain')).status).toBe(201);

    await new Promise(resolve => setTimeout(resolve, retryAfter * 1000 + 100));
    expect((await execute(server, 'flush')).status).toBe(201);
    expect(await received(target, 5)).toHaveLength(5);
  });

  it('limits nothing with enabled: false', async () => {
    const server = await start({ enabled: false, maxExecutions: 1 });
    for (let i = 0; i < 3; i++) {
      expect((await execute(server, 'flush')).status).toBe(201);
    }
    expect(await received(target, 3)).toHaveLength(3);
  });

  it('applies the default of 10 per minute', async () => {
    const server = await start(undefined);
    for (let i = 0; i < 10; i++) {
      expect((await execute(server, 'flush')).status).toBe(201);
    }
    const refused = await execute(server, 'flush');
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toContain('at most 10 executions');
    expect(refused.body.error.message).toContain('per user in 1 min');
    expect(await received(target, 10)).toHaveLength(10);
  });
});
