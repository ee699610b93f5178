import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { startTestHttpServer, TestHttpServer } from '@internal/ops-test-utils';
import { DatabaseHealthStore } from '../health/DatabaseHealthStore';
import { HealthMonitor } from '../health/HealthMonitor';
import { HealthProber } from '../health/HealthProber';
import { EntityProbe } from './healthNotifications';
import {
  minutes,
  SERVICE_REF,
  serviceEntities,
} from './__testUtils__/fixtures';
import {
  MEMBERS,
  NotificationsTestBackend,
} from './__testUtils__/notificationsBackend';
import {
  rendezvous,
  useNotificationsHarness,
} from './__testUtils__/notificationsHarness';

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

/** Five minutes down are an outage in these tests. */
const outageAfter5 = {
  ops: { notifications: { health: { outageMinutes: 5 } } },
};

describe.each(databases.eachSupportedId())(
  'health notifications of a real HTTP endpoint, probed by the health monitor, through the real notifications backend on %s (catalog: catalogServiceMock with a group of two users)',
  id => {
    const h = useNotificationsHarness(databases, id);
    let endpoint: TestHttpServer;
    let up = true;
    beforeAll(async () => {
      endpoint = await startTestHttpServer((_req, res) => {
        res.writeHead(up ? 200 : 503).end(up ? 'ok' : 'unavailable');
      });
    });
    afterAll(() => endpoint.close());
    const url = () => `${endpoint.url}/health`;
    const entities = () => serviceEntities(url());

    /** The monitor of one backend, on its database, telling its notifications (as plugin.ts wires it). */
    const monitorOf = async (
      backend: NotificationsTestBackend,
      beforeNotifying?: () => Promise<void>,
    ) =>
      new HealthMonitor({
        catalog: catalogServiceMock({ entities: entities() }),
        auth: mockServices.auth(),
        store: await DatabaseHealthStore.create({
          database: mockServices.database({ knex: h.dbs.ops }),
        }),
        prober: new HealthProber({
          allowedHosts: ['127.0.0.1'],
          timeoutMs: 2000,
        }),
        logger: mockServices.logger.mock(),
        onRound: async (probes: EntityProbe[]) => {
          await beforeNotifying?.();
          await backend.ops.healthRound(probes);
        },
        now: () => h.clock,
      });
    /** Sets the time and the endpoint's answer, then runs one round of each monitor at once. */
    const roundAt = async (
      minute: number,
      isUp: boolean,
      ...monitors: HealthMonitor[]
    ) => {
      h.clock = minutes(minute);
      up = isUp;
      await Promise.all(monitors.map(m => m.probeAll()));
    };

    it('is notified once when down longer than ops.notifications.health.outageMinutes, and once when up again', async () => {
      const backend = await h.start(entities(), outageAfter5);
      const monitor = await monitorOf(backend);
      await roundAt(0, true, monitor);
      await roundAt(1, false, monitor);
      await roundAt(4, false, monitor);
      expect(await h.countsOf(backend)).toEqual([0, 0, 0]);
      await roundAt(6, false, monitor);
      await roundAt(7, false, monitor);
      expect(await h.countsOf(backend)).toEqual([1, 1, 0]);
      const [outage] = await backend.notificationsOf(MEMBERS[0]);
      expect(outage.payload).toMatchObject({
        title: `${SERVICE_REF} health endpoint down for 5 minutes or more`,
        link: '/catalog/default/component/payments-api/ops',
        severity: 'critical',
        topic: 'Health',
      });
      expect(outage.payload.description).toContain(url());
      await roundAt(8, true, monitor);
      await roundAt(9, true, monitor);
      expect(await h.countsOf(backend)).toEqual([2, 2, 0]);
      const [recovered] = await backend.notificationsOf(MEMBERS[1]);
      expect(recovered.payload).toMatchObject({
        title: `${SERVICE_REF} health endpoint is up again`,
        description: url(),
        severity: 'normal',
      });
    });

    it('restarted during the outage: down counted from the first round before the restart, the outage notified once, the recovery once', async () => {
      let backend = await h.start(entities(), outageAfter5);
      await roundAt(0, true, await monitorOf(backend));
      await roundAt(1, false, await monitorOf(backend));
      backend = await h.restart(backend, entities(), outageAfter5);
      await roundAt(6, false, await monitorOf(backend));
      expect(await h.countsOf(backend)).toEqual([1, 1, 0]);
      backend = await h.restart(backend, entities(), outageAfter5);
      const monitor = await monitorOf(backend);
      await roundAt(7, false, monitor);
      await roundAt(20, false, monitor);
      expect(await h.countsOf(backend)).toEqual([1, 1, 0]);
      await roundAt(21, true, monitor);
      expect(await h.countsOf(backend)).toEqual([2, 2, 0]);
    });

    it('health kind switched off: no notification of a long outage nor of the recovery', async () => {
      const backend = await h.start(entities(), {
        ops: {
          notifications: { health: { enabled: false, outageMinutes: 5 } },
        },
      });
      const monitor = await monitorOf(backend);
      for (const minute of [0, 1, 6, 7, 30]) {
        await roundAt(minute, false, monitor);
      }
      await roundAt(31, true, monitor);
      expect(await h.countsOf(backend)).toEqual([0, 0, 0]);
    });

    it('Japanese texts with ops.notifications.locale: ja (outage, up again)', async () => {
      const backend = await h.start(entities(), {
        ops: {
          notifications: { locale: 'ja', health: { outageMinutes: 5 } },
        },
      });
      const monitor = await monitorOf(backend);
      await roundAt(0, false, monitor);
      await roundAt(5, false, monitor);
      await roundAt(6, true, monitor);
      const payloads = (await backend.notificationsOf(MEMBERS[0])).map(
        n => n.payload,
      );
      expect(payloads.map(p => p.title).sort()).toEqual([
        `${SERVICE_REF} のヘルスエンドポイントが 5 分以上ダウンしています`,
        `${SERVICE_REF} のヘルスエンドポイントが復旧しました`,
      ]);
    });

    if (id.startsWith('POSTGRES')) {
      it('two backend instances on one PostgreSQL, each with its monitor: the outage and the recovery notified once per member', async () => {
        const [a, b] = [
          await h.start(entities(), outageAfter5),
          await h.start(entities(), outageAfter5),
        ];
        // Both replicas probe, then reach the notifications together.
        const together = rendezvous(2);
        const monitors = [
          await monitorOf(a, together),
          await monitorOf(b, together),
        ];
        await roundAt(0, true, ...monitors);
        await roundAt(1, false, ...monitors);
        await roundAt(6, false, ...monitors);
        expect(await h.countsOf(a)).toEqual([1, 1, 0]);
        await roundAt(7, false, ...monitors);
        await roundAt(8, true, ...monitors);
        expect(await h.countsOf(b)).toEqual([2, 2, 0]);
      });
    }
  },
);
