import { SchedulerServiceTaskFunction } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createTestDatabases } from '@internal/ops-test-utils';
import request from 'supertest';
import {
  RecordedAuditEvent,
  recordingAuditor,
} from '../../__testUtils__/auditor';
import {
  describeWithPrometheus,
  linearCounter,
  startPrometheus,
  TestPrometheus,
} from '../../__testUtils__/prometheus';
import { opsPlugin } from '../../plugin';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const END = Math.floor(Date.now() / MINUTE) * MINUTE - MINUTE;
const ALICE = mockCredentials.user.header('user:default/alice');
const databases = createTestDatabases();

/** Three whole UTC days of one month, well inside the 30-day window. */
const CORRECTED = (() => {
  let start = Math.floor((END - 24 * DAY) / DAY) * DAY;
  while (
    new Date(start).getUTCMonth() !== new Date(start + 2 * DAY).getUTCMonth()
  ) {
    start += DAY;
  }
  return { start: new Date(start), end: new Date(start + 3 * DAY) };
})();
const CORRECTED_MONTH = CORRECTED.start.toISOString().slice(0, 7);

/** A 99 % availability SLO over 30 days on the checkout requests. */
function availabilitySlo(
  name: string,
  annotations: Record<string, string> = {},
): Entity {
  const query = (extra: string) => ({
    metricSource: {
      type: 'Prometheus',
      spec: { query: `http_requests_total{service="checkout"${extra}}` },
    },
  });
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name, namespace: 'default', title: name, annotations },
    spec: {
      service: 'checkout',
      indicator: {
        metadata: { name: `${name}-sli` },
        spec: {
          ratioMetric: {
            counter: true,
            good: query(',code!~"5.."'),
            total: query(''),
          },
        },
      },
      timeWindow: [{ duration: '30d', isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [{ target: 0.99 }],
    },
  };
}

// The same SLO three times: only `checkout-availability` is corrected, so
// `checkout-raw` shows what the figures are without the correction;
// `checkout-maintained` excludes the daily maintenance hour of its entity.
const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'checkout',
      namespace: 'default',
      annotations: {
        'unyo.dev/maintenance-window':
          'FREQ=DAILY;BYHOUR=3;DURATION=PT1H;TZID=UTC',
      },
    },
    spec: { type: 'service', owner: 'group:default/team', lifecycle: 'prod' },
    relations: [
      { type: 'measuredBy', targetRef: 'slo:default/checkout-availability' },
      { type: 'measuredBy', targetRef: 'slo:default/checkout-raw' },
      { type: 'measuredBy', targetRef: 'slo:default/checkout-maintained' },
    ],
  },
  availabilitySlo('checkout-availability'),
  availabilitySlo('checkout-raw'),
  availabilitySlo('checkout-maintained', {
    'unyo.dev/exclude-maintenance': 'true',
  }),
];

describeWithPrometheus('error-budget corrections', () => {
  jest.setTimeout(240_000);
  let prometheus: TestPrometheus;

  beforeAll(async () => {
    // Constant traffic: 10 requests a second, 0.5 % of them errors.
    prometheus = await startPrometheus({
      series: [
        ['200', 9.95],
        ['500', 0.05],
      ].map(([code, perSecond]) =>
        linearCounter({
          name: 'http_requests_total',
          labels: { service: 'checkout', code: code as string },
          startMs: END - 32 * DAY,
          endMs: END,
          stepMs: MINUTE,
          perSecond: perSecond as number,
        }),
      ),
    });
  });
  afterAll(() => prometheus?.stop());

  describe.each(databases.eachSupportedId())('on %s', id => {
    let audits: RecordedAuditEvent[];
    let evaluate: () => Promise<void>;
    const backends: Array<{ stop(): Promise<void> }> = [];
    afterEach(async () => {
      await Promise.all(backends.splice(0).map(b => b.stop()));
    });

    async function start(allowCorrect = true) {
      const tasks = new Map<string, SchedulerServiceTaskFunction>();
      const auditor = recordingAuditor();
      audits = auditor.events;
      const backend = await startTestBackend({
        features: [
          opsPlugin,
          mockServices.database.factory({ knex: await databases.init(id) }),
          mockServices.scheduler.mock({
            scheduleTask: async task => {
              tasks.set(task.id, task.fn as SchedulerServiceTaskFunction);
            },
          }).factory,
          mockServices.permissions.factory({
            result: allowCorrect ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
          }),
          catalogServiceMock.factory({ entities }),
          auditor.factory,
          mockServices.rootConfig.factory({
            data: {
              ops: {
                prometheus: {
                  servers: [{ name: 'default', url: prometheus.url }],
                },
              },
            },
          }),
        ],
      });
      backends.push(backend);
      evaluate = async () => {
        await tasks.get('unyo-slo-evaluation')!(new AbortController().signal);
      };
      await evaluate();
      return backend.server;
    }

    const status = async (server: any, name: string) =>
      (
        await request(server)
          .get(`/api/ops/slos/default/${name}`)
          .set('Authorization', ALICE)
      ).body;
    const corrections = (server: any) =>
      request(server)
        .get('/api/ops/slos/default/checkout-availability/corrections')
        .set('Authorization', ALICE);

    it('lowers the budget by the corrected share and leaves the SLI; deleted, it comes back', async () => {
      const server = await start();
      const before = await status(server, 'checkout-availability');
      expect(before.errorBudget.total).toBeGreaterThan(0);

      const created = await request(server)
        .post('/api/ops/slos/default/checkout-availability/corrections')
        .set('Authorization', ALICE)
        .send({
          start: CORRECTED.start.toISOString(),
          end: CORRECTED.end.toISOString(),
          category: 'incident-false-positive',
          reason: 'Synthetic probe misconfigured',
        });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        sloRef: 'slo:default/checkout-availability',
        start: CORRECTED.start.toISOString(),
        end: CORRECTED.end.toISOString(),
        category: 'incident-false-positive',
        reason: 'Synthetic probe misconfigured',
        createdBy: 'user:default/alice',
      });
      expect((await corrections(server)).body.items).toEqual([created.body]);
      expect(audits).toEqual([
        expect.objectContaining({
          eventId: 'slo-correction-create',
          outcome: 'success',
          meta: expect.objectContaining({
            sloRef: 'slo:default/checkout-availability',
            reason: 'Synthetic probe misconfigured',
          }),
        }),
      ]);

      await evaluate();
      const corrected = await status(server, 'checkout-availability');
      const raw = await status(server, 'checkout-raw');
      // 3 days of 30 with constant traffic: a tenth of the events go.
      expect(corrected.errorBudget.total / raw.errorBudget.total).toBeCloseTo(
        0.9,
        3,
      );
      expect(corrected.sli.ratio).toBeCloseTo(raw.sli.ratio, 6);
      expect(corrected.sli.ratio).toBeCloseTo(0.995, 4);
      expect(corrected.excludedMaintenanceMinutes).toBeCloseTo(3 * 24 * 60, 6);

      // The report's month sums the stored days less the corrected ones.
      const report = await request(server)
        .get('/api/ops/slo-report')
        .query({ month: CORRECTED_MONTH })
        .set('Authorization', ALICE);
      const byRef = new Map<string, any>(
        report.body.items.map((i: any) => [i.ref, i]),
      );
      const month = byRef.get('slo:default/checkout-availability');
      const rawMonth = byRef.get('slo:default/checkout-raw');
      expect(rawMonth.sli.total - month.sli.total).toBeCloseTo(3 * 864_000, -2);
      expect(month.sli.ratio).toBeCloseTo(rawMonth.sli.ratio, 6);

      const deleted = await request(server)
        .delete(
          `/api/ops/slos/default/checkout-availability/corrections/${created.body.id}`,
        )
        .set('Authorization', ALICE);
      expect(deleted.status).toBe(204);
      expect((await corrections(server)).body.items).toEqual([]);
      expect(audits.map(a => [a.eventId, a.outcome])).toEqual([
        ['slo-correction-create', 'success'],
        ['slo-correction-delete', 'success'],
      ]);
      await evaluate();
      const restored = await status(server, 'checkout-availability');
      expect(restored.errorBudget.total).toBeCloseTo(
        (await status(server, 'checkout-raw')).errorBudget.total,
        0,
      );
      expect(restored.excludedMaintenanceMinutes).toBeUndefined();
      const again = await request(server)
        .delete(
          `/api/ops/slos/default/checkout-availability/corrections/${created.body.id}`,
        )
        .set('Authorization', ALICE);
      expect(again.status).toBe(404);
    });

    it('merges a correction with maintenance: the hours that are both count once', async () => {
      const server = await start();
      const before = await status(server, 'checkout-maintained');
      expect(before.excludedMaintenanceMinutes).toBeGreaterThan(28 * 60);
      const created = await request(server)
        .post('/api/ops/slos/default/checkout-maintained/corrections')
        .set('Authorization', ALICE)
        .send({
          start: CORRECTED.start.toISOString(),
          end: CORRECTED.end.toISOString(),
          category: 'maintenance',
          reason: 'Datacentre move',
        });
      expect(created.status).toBe(201);
      await evaluate();
      const after = await status(server, 'checkout-maintained');
      // 3 days added, less the 3 maintenance hours already excluded.
      expect(
        after.excludedMaintenanceMinutes - before.excludedMaintenanceMinutes,
      ).toBeCloseTo(3 * 24 * 60 - 3 * 60, -1);
      expect(after.sli.ratio).toBeCloseTo(before.sli.ratio, 6);
    });

    it('refuses a correction without the permission, audited, and bad input naming the field', async () => {
      const server = await start(false);
      const body = {
        start: CORRECTED.start.toISOString(),
        end: CORRECTED.end.toISOString(),
        category: 'dependency',
        reason: 'Upstream DNS outage',
      };
      const refused = await request(server)
        .post('/api/ops/slos/default/checkout-availability/corrections')
        .set('Authorization', ALICE)
        .send(body);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toContain('ops.slo.correct');
      expect(audits.map(a => [a.eventId, a.outcome])).toEqual([
        ['slo-correction-create', 'fail'],
      ]);
      const deleteRefused = await request(server)
        .delete('/api/ops/slos/default/checkout-availability/corrections/abc')
        .set('Authorization', ALICE);
      expect(deleteRefused.status).toBe(403);
      // Reading needs no more than reading the SLO.
      expect((await corrections(server)).status).toBe(200);

      const cases: Array<[object, string]> = [
        [{ ...body, start: undefined }, 'start'],
        [{ ...body, end: 'tomorrow' }, 'end'],
        [{ ...body, category: 'bogus' }, 'category'],
        [{ ...body, reason: '   ' }, 'reason'],
        [{ ...body, sloRef: 'slo:default/other' }, 'sloRef'],
        [{ ...body, end: body.start }, 'end must be after start'],
        [
          { ...body, start: new Date(END - 500 * DAY).toISOString() },
          'end must be at most 400 days after start',
        ],
      ];
      for (const [hostile, field] of cases) {
        const res = await request(server)
          .post('/api/ops/slos/default/checkout-availability/corrections')
          .set('Authorization', ALICE)
          .send(hostile);
        expect([res.status, res.body.error.message]).toEqual([
          400,
          expect.stringContaining(field),
        ]);
      }
      const unknown = await request(server)
        .post('/api/ops/slos/default/no-such-slo/corrections')
        .set('Authorization', ALICE)
        .send(body);
      expect(unknown.status).toBe(404);
      const service = await request(server)
        .post('/api/ops/slos/default/checkout-availability/corrections')
        .set('Authorization', mockCredentials.service.header())
        .send(body);
      expect(service.status).toBe(403);
    });
  });
});
