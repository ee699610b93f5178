import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createTestDatabases } from '@internal/ops-test-utils';
import request from 'supertest';
import { RecordedAuditEvent } from '../__testUtils__/auditor';
import {
  checkoutComponent,
  opsBackendPerTest,
} from '../__testUtils__/opsBackend';

const databases = createTestDatabases();
const ALICE = mockCredentials.user.header('user:default/alice');
const CHECKOUT = 'component:default/checkout';
const CI_STATIC_TOKEN = 'ci-deploys-static-token-for-tests-0123456789';

const entities = [checkoutComponent];

const minutesAgo = (minutes: number) =>
  new Date(Date.now() - minutes * 60_000).toISOString();

describe('change markers', () => {
  jest.setTimeout(60_000);

  describe.each(databases.eachSupportedId())('on %s', id => {
    let audits: RecordedAuditEvent[];
    const startBackend = opsBackendPerTest();

    async function start(options: { allow?: boolean; realAuth?: boolean }) {
      const started = await startBackend({
        knex: await databases.init(id),
        permissions: mockServices.permissions.factory({
          result:
            options.allow === false
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        }),
        entities,
        features: [
          // Backstage's own token checks, as a deployment has them: the
          // static token of backend.auth.externalAccess is a service.
          ...(options.realAuth
            ? [authServiceFactory, httpAuthServiceFactory]
            : []),
          mockServices.rootConfig.factory({
            data: {
              backend: {
                baseUrl: 'http://localhost:7007',
                auth: {
                  externalAccess: [
                    {
                      type: 'static',
                      options: { token: CI_STATIC_TOKEN, subject: 'ci' },
                      accessRestrictions: [{ plugin: 'ops' }],
                    },
                  ],
                },
              },
            },
          }),
        ],
      });
      audits = started.audits;
      return started.server;
    }

    const list = (server: any, query: object, auth = ALICE) =>
      request(server)
        .get('/api/ops/changes')
        .query({ entityRef: CHECKOUT, ...query })
        .set('Authorization', auth);

    it('takes a change from a static externalAccess token and lists it for users', async () => {
      const server = await start({ realAuth: true });
      const at = minutesAgo(10);
      const created = await request(server)
        .post('/api/ops/changes')
        .set('Authorization', `Bearer ${CI_STATIC_TOKEN}`)
        .send({
          entityRef: CHECKOUT,
          at,
          kind: 'deploy',
          title: 'checkout v1.42.0',
          url: 'https://github.com/example/checkout/actions/runs/42',
        });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        entityRef: CHECKOUT,
        at,
        kind: 'deploy',
        title: 'checkout v1.42.0',
        url: 'https://github.com/example/checkout/actions/runs/42',
        createdBy: 'ci',
      });
      expect(audits.map(a => [a.eventId, a.outcome])).toEqual([
        ['change-create', 'success'],
      ]);
      const listed = await request(server)
        .get('/api/ops/changes')
        .query({ entityRef: CHECKOUT })
        .set('Authorization', `Bearer ${CI_STATIC_TOKEN}`);
      expect(listed.status).toBe(200);
      expect(listed.body.items.map((c: any) => c.id)).toEqual([
        created.body.id,
      ]);
      const wrongToken = await request(server)
        .post('/api/ops/changes')
        .set('Authorization', 'Bearer not-the-ci-token')
        .send({ entityRef: CHECKOUT, at, kind: 'deploy', title: 'x' });
      expect(wrongToken.status).toBe(401);
    });

    it('lists the changes of the range oldest first, of that entity only', async () => {
      const server = await start({});
      const post = (body: object, auth = mockCredentials.service.header()) =>
        request(server)
          .post('/api/ops/changes')
          .set('Authorization', auth)
          .send(body);
      const old = await post({
        entityRef: CHECKOUT,
        at: minutesAgo(120),
        kind: 'config',
        title: 'Pool size 20 → 40',
      });
      const recent = await post(
        {
          entityRef: CHECKOUT,
          at: minutesAgo(5),
          kind: 'flag',
          title: 'new-cart on for 10 %',
        },
        ALICE,
      );
      expect([old.status, recent.status]).toEqual([201, 201]);
      expect(old.body.createdBy).toBe('external:test-service');
      expect(recent.body.createdBy).toBe('user:default/alice');
      expect(old.body.url).toBeUndefined();

      const all = await list(server, {});
      expect(all.body.items.map((c: any) => c.title)).toEqual([
        'Pool size 20 → 40',
        'new-cart on for 10 %',
      ]);
      const lastHour = await list(server, { from: minutesAgo(60) });
      expect(lastHour.body.items.map((c: any) => c.id)).toEqual([
        recent.body.id,
      ]);
      const before = await list(server, {
        from: minutesAgo(180),
        to: minutesAgo(60),
      });
      expect(before.body.items.map((c: any) => c.id)).toEqual([old.body.id]);

      const unknown = await request(server)
        .get('/api/ops/changes')
        .query({ entityRef: 'component:default/nowhere' })
        .set('Authorization', ALICE);
      expect(unknown.status).toBe(404);
    });

    it('refuses hostile or wrong bodies with a 400 naming the field, unknown entities with a 404, audited', async () => {
      const server = await start({});
      const valid = {
        entityRef: CHECKOUT,
        at: minutesAgo(1),
        kind: 'deploy',
        title: 'checkout v1.43.0',
      };
      const cases: Array<[object, string]> = [
        [{ ...valid, entityRef: "component:default/x' OR 1=1" }, 'entityRef'],
        [
          { ...valid, kind: 'rollback' },
          'kind must be one of deploy, config, flag',
        ],
        [{ ...valid, at: 'yesterday' }, 'at must be an ISO 8601 date-time'],
        [
          { ...valid, at: new Date(Date.now() + 3600_000).toISOString() },
          'at must not be in the future',
        ],
        [{ ...valid, title: '   ' }, 'title'],
        [
          { ...valid, title: 'x'.repeat(201) },
          'title must be at most 200 characters',
        ],
        [{ ...valid, title: 'line one\nline two' }, 'title'],
        [
          { ...valid, url: ['javascript', 'alert(1)'].join(':') },
          'url must be an http(s) URL',
        ],
        [
          { ...valid, url: 'https://exa mple.com/' },
          'url must be an http(s) URL',
        ],
        [{ ...valid, extra: 1 }, 'extra'],
        [{ entityRef: CHECKOUT, kind: 'deploy', title: 'x' }, 'at'],
      ];
      for (const [body, message] of cases) {
        const res = await request(server)
          .post('/api/ops/changes')
          .set('Authorization', mockCredentials.service.header())
          .send(body);
        expect([res.status, res.body.error?.message]).toEqual([
          400,
          expect.stringContaining(message),
        ]);
      }
      const missing = await request(server)
        .post('/api/ops/changes')
        .set('Authorization', mockCredentials.service.header())
        .send({ ...valid, entityRef: 'component:default/nowhere' });
      expect(missing.status).toBe(404);
      expect(missing.body.error.message).toContain('component:default/nowhere');
      expect(audits).toHaveLength(cases.length + 1);
      expect(audits.every(a => a.outcome === 'fail')).toBe(true);

      const badRange = await list(server, { from: 'last week' });
      expect(badRange.status).toBe(400);
      expect(badRange.body.error.message).toContain('from');
      const reversed = await list(server, {
        from: minutesAgo(1),
        to: minutesAgo(60),
      });
      expect(reversed.status).toBe(400);
      expect((await list(server, {})).body.items).toEqual([]);
    });

    it('refuses users without ops.change.create', async () => {
      const server = await start({ allow: false });
      const refused = await request(server)
        .post('/api/ops/changes')
        .set('Authorization', ALICE)
        .send({
          entityRef: CHECKOUT,
          at: minutesAgo(1),
          kind: 'deploy',
          title: 'checkout v1.44.0',
        });
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toContain('ops.change.create');
      expect(audits.map(a => [a.eventId, a.outcome])).toEqual([
        ['change-create', 'fail'],
      ]);
      expect((await list(server, {})).body.items).toEqual([]);
    });
  });
});
