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

const entities = [checkoutComponent];

describe('DELETE /api/ops/gate/overrides/{id}', () => {
  jest.setTimeout(60_000);

  describe.each(databases.eachSupportedId())('on %s', id => {
    let audits: RecordedAuditEvent[];
    /** What the permission policy answers ops.gate.override, switched by tests. */
    let allowOverride: boolean;
    let requested: string[];
    const startBackend = opsBackendPerTest();

    async function start() {
      allowOverride = true;
      requested = [];
      const permissions = mockServices.permissions.mock({
        authorize: async queries =>
          queries.map(query => {
            requested.push(
              `${query.permission.name} ${(query as any).resourceRef}`,
            );
            return {
              result: allowOverride
                ? AuthorizeResult.ALLOW
                : AuthorizeResult.DENY,
            };
          }),
      });
      const started = await startBackend({
        knex: await databases.init(id),
        permissions: permissions.factory,
        entities,
      });
      audits = started.audits;
      return started.server;
    }

    const createOverride = async (server: any) => {
      const res = await request(server)
        .post('/api/ops/gate/overrides')
        .set('Authorization', ALICE)
        .send({ entityRef: CHECKOUT, reason: 'Hotfix', duration: '2h' });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const listed = async (server: any) =>
      (
        await request(server)
          .get('/api/ops/gate/overrides')
          .query({ entityRef: CHECKOUT })
          .set('Authorization', ALICE)
      ).body.items.map((o: { id: string }) => o.id);
    const remove = (server: any, overrideId: string, auth = ALICE) =>
      request(server)
        .delete(`/api/ops/gate/overrides/${overrideId}`)
        .set('Authorization', auth);

    it('ends an active override, audited; the gate no longer lists it, and a second delete is a 404', async () => {
      const server = await start();
      const overrideId = await createOverride(server);
      const other = await createOverride(server);
      expect(await listed(server)).toEqual(
        expect.arrayContaining([overrideId, other]),
      );

      const res = await remove(server, overrideId);
      expect(res.status).toBe(204);
      expect(await listed(server)).toEqual([other]);
      expect(requested).toEqual([
        `ops.gate.override ${CHECKOUT}`,
        `ops.gate.override ${CHECKOUT}`,
        `ops.gate.override ${CHECKOUT}`,
      ]);
      const deleted = audits.filter(a => a.eventId === 'gate-override-delete');
      expect(deleted.map(a => [a.meta?.id, a.outcome])).toEqual([
        [overrideId, 'success'],
      ]);

      const again = await remove(server, overrideId);
      expect(again.status).toBe(404);
      expect(again.body.error.message).toContain(overrideId);
      const unknown = await remove(
        server,
        '00000000-0000-4000-8000-000000000000',
      );
      expect(unknown.status).toBe(404);
      expect(audits.filter(a => a.outcome === 'fail')).toHaveLength(2);
    });

    it('refuses without ops.gate.override, services and bad ids, and keeps the override', async () => {
      const server = await start();
      const overrideId = await createOverride(server);
      allowOverride = false;

      const refused = await remove(server, overrideId);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toContain('ops.gate.override');
      expect(
        audits
          .filter(a => a.eventId === 'gate-override-delete')
          .map(a => a.outcome),
      ).toEqual(['fail']);

      // An override names a person; so does its end.
      allowOverride = true;
      const service = await remove(
        server,
        overrideId,
        mockCredentials.service.header(),
      );
      expect(service.status).toBe(403);

      const badId = await remove(server, 'x'.repeat(37));
      expect(badId.status).toBe(400);
      expect(badId.body.error.message).toContain('id');
      expect(await listed(server)).toEqual([overrideId]);
    });
  });
});
