import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BackstageCredentials,
  BackstageUserPrincipal,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import permissionPlugin from '@backstage/plugin-permission-backend';
import {
  createTestDatabases,
  describeWithAlertmanager,
  sendJson,
  startAlertmanager,
  startTestHttpServer,
  TestAlertmanager,
  TestHttpServer,
} from '@internal/ops-test-utils';
import catalogModuleOps from '@unyo/plugin-catalog-backend-module-ops';
import opsPlugin from '@unyo/plugin-ops-backend';
import request from 'supertest';
import permissionModuleOpsOwners from '.';

const databases = createTestDatabases();
const userA = mockCredentials.user.header('user:default/a');
const userB = mockCredentials.user.header('user:default/b');
const EXECUTE =
  '/api/ops/runbooks/default/queue-backlog/actions/flush/executions';

const entity = (kind: string, name: string, spec: object, extra = {}) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default', ...extra },
  spec,
});

/** Group sre (a is a member) owns the service and its runbook; b is in ops-viewers. */
function entities(): Entity[] {
  return [
    entity('Group', 'sre', { type: 'team', children: [] }),
    entity('Group', 'ops-viewers', { type: 'team', children: [] }),
    entity('User', 'a', { memberOf: ['sre'] }),
    entity('User', 'b', { memberOf: ['ops-viewers'] }),
    entity(
      'Component',
      'queue',
      { type: 'service', lifecycle: 'production', owner: 'group:default/sre' },
      { annotations: { 'unyo.dev/alert-selector': 'service="queue"' } },
    ),
    {
      apiVersion: 'unyo.dev/v1alpha1',
      kind: 'Runbook',
      metadata: { name: 'queue-backlog', namespace: 'default' },
      spec: {
        owner: 'group:default/sre',
        appliesTo: ['component:default/queue'],
        steps: [{ title: 'Flush', action: 'flush' }],
        actions: [
          {
            id: 'flush',
            title: 'Flush the queue',
            type: 'http',
            target: 'automation',
            request: { method: 'POST', path: '/jobs/flush/run' },
          },
        ],
      },
    },
  ] as Entity[];
}

/**
 * The user's ownership refs as the auth backend's sign-in resolvers derive
 * them from the catalog: the user and the groups it is a member of. (Mock
 * credentials carry no token with these claims.)
 */
const catalogUserInfo = createServiceFactory({
  service: coreServices.userInfo,
  deps: { catalog: catalogServiceRef, auth: coreServices.auth },
  factory: ({ catalog, auth }) => ({
    async getUserInfo(credentials: BackstageCredentials) {
      const { userEntityRef } = credentials.principal as {
        userEntityRef: string;
      };
      const user = await catalog.getEntityByRef(userEntityRef, {
        credentials: await auth.getOwnServiceCredentials(),
      });
      const groups = (user?.relations ?? [])
        .filter(r => r.type === 'memberOf')
        .map(r => r.targetRef);
      return { userEntityRef, ownershipEntityRefs: [userEntityRef, ...groups] };
    },
  }),
});

/**
 * Mock auth whose plugin-to-plugin tokens on behalf of a user keep the
 * calling plugin as the actor, as real Backstage tokens do: the permission
 * backend refuses resource permissions without a resourceRef (the catalog's
 * conditional reads) from users calling it directly.
 */
const httpAuthWithActors = createServiceFactory({
  service: coreServices.httpAuth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    const httpAuth = mockServices.httpAuth({ pluginId: plugin.getId() });
    const credentials = httpAuth.credentials.bind(httpAuth);
    httpAuth.credentials = (async (req: any, options: any) => {
      const found: BackstageCredentials = await credentials(req, options);
      const principal = found.principal as BackstageUserPrincipal;
      const fromPlugin = /^Bearer mock-service-token:/.test(
        req.headers.authorization ?? '',
      );
      if (fromPlugin && principal.type === 'user') {
        return mockCredentials.user(principal.userEntityRef, {
          actor: { subject: 'plugin:caller' },
        });
      }
      return found;
    }) as typeof httpAuth.credentials;
    return httpAuth;
  },
});

/** Each plugin its own fresh database, as in a real backend (catalog and ops both migrate). */
function databasePerPlugin(id: TestDatabaseId) {
  const clients = new Map<string, ReturnType<typeof databases.init>>();
  return createServiceFactory({
    service: coreServices.database,
    deps: { plugin: coreServices.pluginMetadata },
    factory: ({ plugin }) => ({
      getClient() {
        const pluginId = plugin.getId();
        if (!clients.has(pluginId)) clients.set(pluginId, databases.init(id));
        return clients.get(pluginId)!;
      },
    }),
  });
}

async function eventually<T>(check: () => Promise<T>, timeoutMs = 40_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  }
}

describeWithAlertmanager('owner-only policy', () => {
  let alertmanager: TestAlertmanager;
  beforeAll(async () => {
    alertmanager = await startAlertmanager();
  });
  afterAll(() => alertmanager?.stop());

  describe.each(databases.eachSupportedId())('on %s', id => {
    jest.setTimeout(90_000);
    let dir: string;
    let automation: TestHttpServer;

    beforeEach(async () => {
      dir = mkdtempSync(join(tmpdir(), 'ops-owners-'));
      writeFileSync(
        join(dir, 'catalog.yaml'),
        entities()
          .map(e => JSON.stringify(e))
          .join('\n---\n'),
      );
      automation = await startTestHttpServer((_req, res) =>
        sendJson(res, 200, { id: 1 }),
      );
    });
    afterEach(async () => {
      await automation.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('lets a member of the owner group execute the runbook and silence the entity; another user gets 403 for both and nothing is sent', async () => {
      const { server } = await startTestBackend({
        features: [
          catalogPlugin,
          catalogModuleOps,
          permissionPlugin,
          permissionModuleOpsOwners,
          opsPlugin,
          catalogUserInfo,
          databasePerPlugin(id),
          httpAuthWithActors,
          mockServices.rootConfig.factory({
            data: {
              permission: { enabled: true },
              catalog: {
                processingInterval: { seconds: 1 },
                rules: [
                  {
                    allow: [
                      'Group',
                      'User',
                      'Component',
                      'Runbook',
                      'Location',
                    ],
                  },
                ],
                locations: [
                  { type: 'file', target: join(dir, 'catalog.yaml') },
                ],
              },
              ops: {
                runbooks: {
                  targets: { automation: { baseUrl: automation.url } },
                },
                alertmanager: {
                  servers: [{ name: 'main', url: alertmanager.url }],
                },
              },
            },
          }),
        ],
      });

      // Until the catalog has processed the runbook's owner and the users' groups.
      await eventually(async () => {
        for (const path of [
          'runbook/default/queue-backlog',
          'user/default/b',
        ]) {
          const res = await request(server)
            .get(`/api/catalog/entities/by-name/${path}`)
            .set('Authorization', userA);
          expect(res.status).toBe(200);
          expect(res.body.relations.length).toBeGreaterThan(0);
        }
      });

      // Unique per database run: both runs share one Alertmanager.
      const silenceComment = `flushing on ${id}`;
      const silence = {
        entityRef: 'component:default/queue',
        matchers: [
          { name: 'service', value: 'queue', isRegex: false, isEqual: true },
          { name: 'alertname', value: 'QueueBacklog', isRegex: false },
        ],
        durationMinutes: 60,
        comment: silenceComment,
      };

      const deniedRun = await request(server)
        .post(EXECUTE)
        .set('Authorization', userB)
        .send({});
      expect(deniedRun.status).toBe(403);
      expect(deniedRun.body.error.message).toContain('ops.runbook.execute');
      const deniedSilence = await request(server)
        .post('/api/ops/silences')
        .set('Authorization', userB)
        .send(silence);
      expect(deniedSilence.status).toBe(403);
      expect(deniedSilence.body.error.message).toContain('ops.silence.create');

      const run = await request(server)
        .post(EXECUTE)
        .set('Authorization', userA)
        .send({});
      expect(run.status).toBe(201);
      expect(run.body).toMatchObject({ actor: 'user:default/a' });
      const created = await request(server)
        .post('/api/ops/silences')
        .set('Authorization', userA)
        .send(silence);
      expect(created.status).toBe(201);

      // The action runs after the answer: the automation server sees a's run only.
      const sent = await eventually(async () => {
        expect(automation.requests).toHaveLength(1);
        return automation.requests;
      });
      expect(sent.map(r => `${r.method} ${r.url}`)).toEqual([
        'POST /jobs/flush/run',
      ]);
      const silences = (await alertmanager.silences()).filter(
        x => (x as { comment?: string }).comment === silenceComment,
      );
      expect(silences).toEqual([
        expect.objectContaining({
          id: created.body.silenceId,
          createdBy: 'user:default/a',
          comment: silenceComment,
        }),
      ]);

      // The alerts card offers silencing to the owner only.
      const canSilence = async (user: string) =>
        (
          await request(server)
            .get('/api/ops/alerts')
            .query({ entityRef: 'component:default/queue' })
            .set('Authorization', user)
        ).body.canSilence;
      expect(await canSilence(userA)).toBe(true);
      expect(await canSilence(userB)).toBe(false);
    });
  });
});
