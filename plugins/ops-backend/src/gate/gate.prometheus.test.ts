import { createServiceFactory } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createTestDatabases } from '@internal/ops-test-utils';
import { execFile } from 'node:child_process';
import { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { RecordedAuditEvent } from '../__testUtils__/auditor';
import {
  manualScheduler,
  opsBackendPerTest,
} from '../__testUtils__/opsBackend';
import {
  describeWithPrometheus,
  prometheusForSuite,
  requestCounters,
} from '../__testUtils__/prometheus';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const END = Math.floor(Date.now() / MINUTE) * MINUTE - MINUTE;
const ALICE = mockCredentials.user.header('user:default/alice');
const CI_TOKEN = mockCredentials.service.token();
const databases = createTestDatabases();
const UNYO_BIN = resolve(__dirname, '../../../../packages/cli/bin/unyo');

/** A service measured by one 99 % availability SLO over 7 days. */
function serviceWithSlo(name: string, policy?: string): Entity[] {
  const query = (extra: string) => ({
    metricSource: {
      type: 'Prometheus',
      spec: { query: `http_requests_total{service="${name}"${extra}}` },
    },
  });
  return [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name, namespace: 'default' },
      spec: { type: 'service', owner: 'group:default/team', lifecycle: 'prod' },
      relations: [
        { type: 'measuredBy', targetRef: `slo:default/${name}-availability` },
      ],
    },
    {
      apiVersion: 'openslo/v1',
      kind: 'SLO',
      metadata: {
        name: `${name}-availability`,
        namespace: 'default',
        title: `${name} availability`,
        annotations: policy ? { 'unyo.dev/error-budget-policy': policy } : {},
      },
      spec: {
        service: name,
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
        timeWindow: [{ duration: '7d', isRolling: true }],
        budgetingMethod: 'Occurrences',
        objectives: [{ target: 0.99 }],
      },
    },
  ];
}

const entities = [
  // 5 % errors against a 1 % budget: frozen.
  ...serviceWithSlo('checkout'),
  // 0.6 % errors: 40 % of the budget left, feature-freeze.
  ...serviceWithSlo('orders'),
  ...serviceWithSlo('search', 'lenient'),
];

const ERROR_RATIOS: Record<string, number> = {
  checkout: 0.05,
  orders: 0.006,
  search: 0.006,
};

async function runUnyoGate(entityRef: string, url: string) {
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [UNYO_BIN, 'gate', entityRef, '--url', url],
      { env: { ...process.env, UNYO_TOKEN: CI_TOKEN }, timeout: 60_000 },
    );
    return { code: 0, stdout };
  } catch (e: any) {
    if (typeof e.code !== 'number') throw e;
    return { code: e.code as number, stdout: e.stdout as string };
  }
}

describeWithPrometheus('deploy gate', () => {
  jest.setTimeout(180_000);
  const prometheus = prometheusForSuite({
    series: Object.entries(ERROR_RATIOS).flatMap(([service, errorRatio]) =>
      requestCounters({
        service,
        perSecond: 10,
        errorRatio,
        startMs: END - 8 * DAY,
        endMs: END,
        stepMs: MINUTE,
      }),
    ),
  });

  describe.each(databases.eachSupportedId())('on %s', id => {
    let audits: RecordedAuditEvent[];
    let actions: ReturnType<typeof actionsRegistryServiceMock>;
    const startBackend = opsBackendPerTest();

    async function start(allowOverride = true) {
      const scheduler = manualScheduler();
      actions = actionsRegistryServiceMock();
      const started = await startBackend({
        knex: await databases.init(id),
        permissions: mockServices.permissions.factory({
          result: allowOverride ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
        }),
        entities,
        features: [
          scheduler.factory,
          createServiceFactory({
            service: actionsRegistryServiceRef,
            deps: {},
            factory: () => actions,
          }),
          mockServices.rootConfig.factory({
            data: {
              ops: {
                prometheus: {
                  servers: [{ name: 'default', url: prometheus.url }],
                },
                slo: {
                  policies: {
                    lenient: {
                      featureFreezeBelow: 0.5,
                      incidentOnlyBelow: 0.2,
                      gate: { featureFreeze: 'allow' },
                    },
                  },
                },
              },
            },
          }),
        ],
      });
      audits = started.audits;
      await scheduler.run('unyo-slo-evaluation');
      return started.server;
    }

    const gate = (server: any, entityRef: string) =>
      request(server)
        .get('/api/ops/gate')
        .query({ entityRef })
        .set('Authorization', mockCredentials.service.header());

    it('denies a service with a frozen SLO, naming it; an override allows it until it expires; unyo gate exits 1, 0, 1', async () => {
      const server = await start();
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

      const denied = await gate(server, 'component:default/checkout');
      expect(denied.status).toBe(200);
      expect(denied.body.allow).toBe(false);
      expect(denied.body.slos).toEqual([
        expect.objectContaining({
          ref: 'slo:default/checkout-availability',
          policy: 'frozen',
          allow: false,
        }),
      ]);
      expect(denied.body.reasons.join('\n')).toContain(
        'slo:default/checkout-availability (checkout availability) is frozen',
      );
      const cliDenied = await runUnyoGate('component:default/checkout', url);
      expect(cliDenied.code).toBe(1);
      expect(cliDenied.stdout).toContain('DENY');
      expect(cliDenied.stdout).toContain('slo:default/checkout-availability');

      const expiresAt = new Date(Date.now() + 20_000).toISOString();
      const created = await request(server)
        .post('/api/ops/gate/overrides')
        .set('Authorization', ALICE)
        .send({
          entityRef: 'component:default/checkout',
          reason: 'Hotfix for the payment outage',
          expiresAt,
        });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        entityRef: 'component:default/checkout',
        createdBy: 'user:default/alice',
        reason: 'Hotfix for the payment outage',
        expiresAt,
      });
      expect(audits.map(a => [a.eventId, a.outcome])).toEqual([
        ['gate-override-create', 'success'],
      ]);

      const overridden = await gate(server, 'component:default/checkout');
      expect(overridden.body.allow).toBe(true);
      expect(overridden.body.override.id).toBe(created.body.id);
      expect(overridden.body.reasons.join('\n')).toContain(
        'Overridden by user:default/alice',
      );
      const cliAllowed = await runUnyoGate('component:default/checkout', url);
      expect(cliAllowed.code).toBe(0);
      expect(cliAllowed.stdout).toContain('ALLOW');
      const listed = await request(server)
        .get('/api/ops/gate/overrides')
        .query({ entityRef: 'component:default/checkout' })
        .set('Authorization', ALICE);
      expect(listed.body.items.map((o: any) => o.id)).toEqual([
        created.body.id,
      ]);

      // Past its expiry the override no longer counts.
      await new Promise(r =>
        setTimeout(r, Date.parse(expiresAt) - Date.now() + 500),
      );
      expect(
        (await gate(server, 'component:default/checkout')).body.allow,
      ).toBe(false);
      expect((await runUnyoGate('component:default/checkout', url)).code).toBe(
        1,
      );
      const after = await request(server)
        .get('/api/ops/gate/overrides')
        .set('Authorization', ALICE);
      expect(after.body.items).toEqual([]);
    });

    it('lets feature-freeze through only where the policy set allows it', async () => {
      const server = await start();
      const orders = await gate(server, 'component:default/orders');
      expect(orders.body.slos[0].policy).toBe('feature-freeze');
      expect(orders.body.allow).toBe(false);
      expect(orders.body.reasons[0]).toContain(
        'policy "default" denies deploys under feature-freeze',
      );
      const search = await gate(server, 'component:default/search');
      expect(search.body.slos[0]).toMatchObject({
        policy: 'feature-freeze',
        policySet: { name: 'lenient' },
        allow: true,
      });
      expect(search.body.allow).toBe(true);
      // The same decision through the actions registry (MCP, templates).
      const invoke = (entityRef: string) =>
        actions.invoke({
          id: 'test:deploy-gate',
          input: { entityRef },
          credentials: mockCredentials.user('user:default/alice'),
        });
      await expect(invoke('component:default/search')).resolves.toMatchObject({
        output: { allow: true },
      });
      const action = (await invoke('component:default/orders')).output as any;
      expect(action.allow).toBe(false);
      expect(action.reasons).toEqual(orders.body.reasons);
    });

    it('refuses an override without the permission, audited, and bad input naming the field', async () => {
      const server = await start(false);
      const refused = await request(server)
        .post('/api/ops/gate/overrides')
        .set('Authorization', ALICE)
        .send({
          entityRef: 'component:default/checkout',
          reason: 'no',
          duration: '1h',
        });
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toContain('ops.gate.override');
      expect(audits.map(a => [a.eventId, a.outcome])).toEqual([
        ['gate-override-create', 'fail'],
      ]);
      const cases: Array<[object, string]> = [
        [{ entityRef: 'component:default/checkout', duration: '1h' }, 'reason'],
        [
          {
            entityRef: 'component:default/checkout',
            reason: 'x',
            duration: '9d',
          },
          'duration must be at most 7 days',
        ],
        [
          {
            entityRef: 'component:default/checkout',
            reason: 'x',
            expiresAt: '2001-01-01T00:00:00Z',
          },
          'expiresAt must be in the future',
        ],
        [{ entityRef: 'nope:', reason: 'x', duration: '1h' }, 'entityRef'],
        [
          { entityRef: 'component:default/checkout', reason: 'x' },
          'Give either expiresAt or duration',
        ],
      ];
      for (const [body, message] of cases) {
        const res = await request(server)
          .post('/api/ops/gate/overrides')
          .set('Authorization', ALICE)
          .send(body);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain(message);
      }
      const services = await request(server)
        .post('/api/ops/gate/overrides')
        .set('Authorization', mockCredentials.service.header())
        .send({
          entityRef: 'component:default/checkout',
          reason: 'x',
          duration: '1h',
        });
      // Services may ask the gate, not override it: an override names a person.
      expect(services.status).toBe(403);
    });
  });
});
