import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import {
  TestAlertmanager,
  alertmanagerRequirement,
  describeNeeding,
  startAlertmanager,
} from '@internal/ops-test-utils';
import {
  constantGauge,
  TestPrometheus,
  prometheusRequirement,
  startPrometheus,
} from '../__testUtils__/prometheus';
import { opsPlugin } from '../plugin';
import { entities } from './__fixtures__/entities';

const NOW = Date.now();
const SMTP = 'component:default/mairust-smtp';
const API = 'component:default/mairust-api';
const alice = mockCredentials.user.header('user:default/alice');

/**
 * The seed's own rules (examples/prometheus/mairust.rules.yml) with every
 * `for` cut to 1 s: Prometheus counts `for` from its first live evaluation,
 * so the real 10 min would keep QueueBacklog pending for the whole test.
 * One rule of the same shape keeps a long `for` to show a pending alert.
 */
function fastRules(): string {
  const seed = readFileSync(
    resolve(__dirname, '../../../../examples/prometheus/mairust.rules.yml'),
    'utf8',
  );
  return `${seed.replace(/for: \d+m/g, 'for: 1s')}
  - alert: QueueBacklogSustained
    expr: mairust_queue_length{service="mairust-smtp"} > 1000
    for: 1h
    labels: { severity: warning, service: mairust-smtp, system: mairust }
    annotations: { summary: Mail queue backlog for an hour }
`;
}

/** Gauges sampled every 15 s over the last 30 min, up to now (live). */
function gauge(name: string, labels: Record<string, string>, value: number) {
  return constantGauge({
    name,
    labels,
    value,
    startMs: NOW - 30 * 60_000,
    endMs: NOW,
    stepMs: 15_000,
  });
}

async function eventually<T>(
  probe: () => Promise<T | undefined>,
  what: string,
) {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 500));
  }
}

const describeReal = describeNeeding(
  prometheusRequirement,
  alertmanagerRequirement,
);

describeReal('alerts against a real Prometheus and Alertmanager', () => {
  jest.setTimeout(120_000);
  let alertmanager: TestAlertmanager;
  let prometheus: TestPrometheus;
  const auditor = mockServices.auditor.mock();
  const events: Array<{ options: any; outcome?: string; meta?: any }> = [];

  beforeAll(async () => {
    auditor.createEvent.mockImplementation(async options => {
      const event: (typeof events)[number] = { options };
      events.push(event);
      return {
        success: async o => {
          event.outcome = 'success';
          event.meta = o?.meta;
        },
        fail: async o => {
          event.outcome = 'fail';
          event.meta = o.meta;
        },
      };
    });
    alertmanager = await startAlertmanager();
    prometheus = await startPrometheus({
      series: [
        gauge('mairust_queue_length', { service: 'mairust-smtp' }, 5000),
        gauge('up', { job: 'mairust-smtp', service: 'mairust-smtp' }, 1),
        gauge('up', { job: 'mairust-api', service: 'mairust-api' }, 0),
      ],
      ruleFiles: [{ name: 'mairust.rules.yml', content: fastRules() }],
      evaluationInterval: '1s',
      alertmanagerUrl: alertmanager.url,
    });
    // Prometheus has sent the firing alert on to Alertmanager.
    await eventually(async () => {
      const alerts = await alertmanager.alerts();
      return (
        alerts.some(a => a.labels.alertname === 'QueueBacklog') || undefined
      );
    }, 'QueueBacklog in Alertmanager');
  });

  afterAll(async () => {
    await prometheus?.stop();
    await alertmanager?.stop();
  });

  // Each test reads only its own audit events and silences, so any one of
  // them can run alone or in any order (jest -t, --randomize).
  beforeEach(() => {
    events.length = 0;
  });

  async function backend(
    result:
      | AuthorizeResult.ALLOW
      | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
    more: {
      alerts?: object;
      catalog?: Entity[];
      alertmanagerUrl?: string;
    } = {},
  ) {
    const { server } = await startTestBackend({
      features: [
        opsPlugin,
        mockServices.rootConfig.factory({
          data: {
            ops: {
              prometheus: {
                servers: [{ name: 'default', url: prometheus.url }],
              },
              alertmanager: {
                servers: [
                  {
                    name: 'default',
                    url: more.alertmanagerUrl ?? alertmanager.url,
                  },
                ],
              },
              ...(more.alerts && { alerts: more.alerts }),
            },
          },
        }),
        mockServices.permissions.factory({ result }),
        auditor.factory,
        catalogServiceMock.factory({ entities: more.catalog ?? entities }),
      ],
    });
    return server;
  }

  it('returns the firing alert for the matching entity only, with rules, runbook and level', async () => {
    const server = await backend();
    const smtp = await request(server)
      .get('/api/ops/alerts')
      .query({ entityRef: SMTP });
    expect(smtp.status).toBe(200);
    const queue = smtp.body.items.find(
      (a: any) => a.alertname === 'QueueBacklog',
    );
    expect(queue).toMatchObject({
      state: 'firing',
      source: 'alertmanager',
      severity: 'critical',
      runbookRef: 'runbook:default/mairust-queue-backlog',
      // No ops.alerts: the built-in neutral level, with no response time.
      level: { id: 'critical', name: 'Critical', respondWithinMinutes: null },
      labels: { service: 'mairust-smtp', alertname: 'QueueBacklog' },
      annotations: { summary: 'Mail queue backlog detected' },
      value: 5000,
    });
    expect(Date.parse(queue.startsAt)).toBeGreaterThan(NOW - 120_000);
    expect(smtp.body.items).toContainEqual(
      expect.objectContaining({
        alertname: 'QueueBacklogSustained',
        state: 'pending',
        source: 'prometheus',
      }),
    );
    // Every item is the smtp service's: MairustServiceDown fires for the API.
    expect(smtp.body.items.map((a: any) => a.labels.service)).not.toContain(
      'mairust-api',
    );
    expect(
      smtp.body.items
        .filter((a: any) => a.state !== 'inactive')
        .map((a: any) => a.alertname),
    ).not.toContain('MairustServiceDown');
    expect(smtp.body.rules).toContainEqual(
      expect.objectContaining({
        name: 'QueueBacklog',
        query: 'mairust_queue_length{service="mairust-smtp"} > 1000',
        forSeconds: 1,
        state: 'firing',
        health: 'ok',
        values: [5000],
      }),
    );
    // Rules that do not fire are listed with their state.
    expect(smtp.body.items).toContainEqual(
      expect.objectContaining({
        alertname: 'StorageAlmostFull',
        state: 'inactive',
      }),
    );
    expect(smtp.body).toMatchObject({
      sourceErrors: [],
      notConfigured: [],
      canSilence: true,
      selector: 'service="mairust-smtp"',
      levelSet: 'default',
    });

    const apiRes = await request(server)
      .get('/api/ops/alerts')
      .query({ entityRef: API });
    const firing = apiRes.body.items.filter((a: any) => a.state === 'firing');
    expect(firing.map((a: any) => a.alertname)).toEqual(['MairustServiceDown']);
    // Linked through its runbook_url, as no Runbook lists it in spec.alerts.
    expect(firing[0].runbookRef).toBe('runbook:default/mairust-db-failure');
    expect(apiRes.body.rules.map((r: any) => r.name)).not.toContain(
      'QueueBacklog',
    );
  });

  it('gives levels from ops.alerts.levelSets, chosen by the entity, its System or the default set', async () => {
    const withSystem = (e: Entity, system: string): Entity => ({
      ...e,
      relations: [
        ...(e.relations ?? []),
        { type: 'partOf', targetRef: `system:default/${system}` },
      ],
    });
    const mail: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: {
        name: 'mail',
        namespace: 'default',
        annotations: { 'unyo.dev/alert-level-set': 'oncall' },
      },
      spec: { owner: 'group:default/mairust-team' },
    };
    const catalog = entities.map(e => {
      const ref = stringifyEntityRef(e);
      // The API inherits its System's set; SMTP names its own.
      if (ref === API) return withSystem(e, 'mail');
      if (ref === SMTP)
        return withSystem(
          {
            ...e,
            metadata: {
              ...e.metadata,
              annotations: {
                ...e.metadata.annotations,
                'unyo.dev/alert-level-set': 'mail-queue',
              },
            },
          },
          'mail',
        );
      return e;
    });
    const server = await backend(AuthorizeResult.ALLOW, {
      catalog: [...catalog, mail],
      alerts: {
        levelSets: {
          'mail-queue': [
            {
              id: 'queue',
              name: 'Queue (P2)',
              respondWithinMinutes: 30,
              escalation: 'Escalate after 1 hour',
              match: { alertname: 'QueueBacklog' },
            },
            {
              id: 'critical',
              name: 'Critical',
              respondWithinMinutes: 0,
              match: { severity: 'critical' },
            },
          ],
          oncall: [
            {
              id: 'page',
              name: 'Page',
              respondWithinMinutes: 5,
              match: { severity: 'critical' },
            },
          ],
        },
        defaultLevelSet: 'oncall',
      },
    });
    const smtp = await request(server)
      .get('/api/ops/alerts')
      .query({ entityRef: SMTP });
    expect(smtp.body.levelSet).toBe('mail-queue');
    const queue = smtp.body.items.find(
      (a: any) => a.alertname === 'QueueBacklog' && a.state === 'firing',
    );
    expect(queue.level).toEqual({
      id: 'queue',
      name: 'Queue (P2)',
      respondWithinMinutes: 30,
      escalation: 'Escalate after 1 hour',
    });
    // First match wins: MairustServiceDown is critical but not QueueBacklog.
    expect(
      smtp.body.rules.find((r: any) => r.name === 'MairustServiceDown').level,
    ).toEqual({ id: 'critical', name: 'Critical', respondWithinMinutes: 0 });

    const api = await request(server)
      .get('/api/ops/alerts')
      .query({ entityRef: API });
    expect(api.body.levelSet).toBe('oncall');
    const down = api.body.items.find((a: any) => a.state === 'firing');
    expect(down).toMatchObject({
      alertname: 'MairustServiceDown',
      level: { id: 'page', name: 'Page', respondWithinMinutes: 5 },
    });

    // An annotation naming a set config lacks is reported, with no level.
    const unknown = await backend(AuthorizeResult.ALLOW, {
      catalog: [...catalog, mail],
    });
    const res = await request(unknown)
      .get('/api/ops/alerts')
      .query({ entityRef: API });
    expect(res.status).toBe(200);
    expect(res.body.levelSetError).toMatch(
      /unyo\.dev\/alert-level-set names "oncall", which ops\.alerts\.levelSets does not define/,
    );
    expect(res.body.items.every((a: any) => a.level === undefined)).toBe(true);
  });

  it('refuses silences beyond the selector or without permission, writing nothing', async () => {
    const silencesBefore = await alertmanager.silences();
    const denied = await backend(AuthorizeResult.DENY);
    const body = {
      entityRef: SMTP,
      matchers: [
        { name: 'service', value: 'mairust-smtp', isRegex: false },
        { name: 'alertname', value: 'QueueBacklog', isRegex: false },
      ],
      durationMinutes: 60,
      comment: 'Draining the queue',
    };
    const forbidden = await request(denied)
      .post('/api/ops/silences')
      .set('Authorization', alice)
      .send(body);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.message).toMatch(/ops\.silence\.create/);
    const alerts = await request(denied)
      .get('/api/ops/alerts')
      .query({ entityRef: SMTP });
    expect(alerts.body.canSilence).toBe(false);

    const server = await backend();
    const wider = await request(server)
      .post('/api/ops/silences')
      .set('Authorization', alice)
      .send({
        ...body,
        matchers: [
          { name: 'alertname', value: 'QueueBacklog', isRegex: false },
        ],
      });
    expect(wider.status).toBe(400);
    expect(wider.body.error.message).toMatch(/missing: service="mairust-smtp"/);
    const regex = await request(server)
      .post('/api/ops/silences')
      .set('Authorization', alice)
      .send({
        ...body,
        matchers: [{ name: 'service', value: 'mairust-.*', isRegex: true }],
      });
    expect(regex.status).toBe(400);

    expect(await alertmanager.silences()).toEqual(silencesBefore);
    expect(events.filter(e => e.options.eventId === 'silence-create')).toEqual(
      Array(3).fill(expect.objectContaining({ outcome: 'fail' })),
    );
  });

  it('creates a silence that suppresses the alert, lists and expires it, audited', async () => {
    const server = await backend();
    const created = await request(server)
      .post('/api/ops/silences')
      .set('Authorization', alice)
      .send({
        entityRef: SMTP,
        matchers: [
          { name: 'service', value: 'mairust-smtp', isRegex: false },
          { name: 'alertname', value: 'QueueBacklog', isRegex: false },
        ],
        durationMinutes: 90,
        comment: 'Draining the queue',
      });
    expect(created.status).toBe(201);
    const id = created.body.silenceId;

    const silence = (await alertmanager.silences()).find(s => s.id === id);
    expect(silence).toMatchObject({
      id,
      status: { state: 'active' },
      createdBy: 'user:default/alice',
      comment: 'Draining the queue',
    });
    // Alertmanager moves a start just past to its own "now".
    expect(
      Date.parse((silence as any).endsAt) -
        Date.parse((silence as any).startsAt),
    ).toBeGreaterThan(90 * 60_000 - 1000);
    expect(Date.parse((silence as any).endsAt) - NOW).toBeLessThan(
      90 * 60_000 + 120_000,
    );
    expect(events).toEqual([
      expect.objectContaining({
        options: expect.objectContaining({
          eventId: 'silence-create',
          severityLevel: 'medium',
          meta: expect.objectContaining({
            entityRef: SMTP,
            durationMinutes: 90,
            comment: 'Draining the queue',
          }),
        }),
        outcome: 'success',
      }),
    ]);

    const after = await request(server)
      .get('/api/ops/alerts')
      .query({ entityRef: SMTP });
    expect(after.body.items).toContainEqual(
      expect.objectContaining({
        alertname: 'QueueBacklog',
        state: 'suppressed',
        silencedBy: [id],
      }),
    );

    const listed = await request(server)
      .get('/api/ops/silences')
      .query({ entityRef: SMTP });
    expect(listed.body.items.map((s: any) => s.id)).toEqual([id]);
    const elsewhere = await request(server)
      .get('/api/ops/silences')
      .query({ entityRef: API });
    expect(elsewhere.body.items).toEqual([]);

    // Not the API's silence to expire.
    const wrong = await request(server)
      .delete(`/api/ops/silences/${id}`)
      .set('Authorization', alice)
      .query({ entityRef: API });
    expect(wrong.status).toBe(400);
    const expired = await request(server)
      .delete(`/api/ops/silences/${id}`)
      .set('Authorization', alice)
      .query({ entityRef: SMTP });
    expect(expired.status).toBe(204);
    const afterExpiry = await alertmanager.silences();
    expect(afterExpiry.find(s => s.id === id)?.status.state).toBe('expired');
    expect(events.map(e => [e.options.eventId, e.outcome])).toEqual([
      ['silence-create', 'success'],
      ['silence-expire', 'fail'],
      ['silence-expire', 'success'],
    ]);
  });

  it('still lists the rules and states the error when Alertmanager is down', async () => {
    // A second Alertmanager that goes down: the shared one stays up for the
    // other tests, whatever their order.
    const gone = await startAlertmanager();
    const server = await backend(AuthorizeResult.ALLOW, {
      alertmanagerUrl: gone.url,
    });
    await gone.stop();
    const res = await request(server)
      .get('/api/ops/alerts')
      .query({ entityRef: SMTP });
    expect(res.status).toBe(200);
    expect(res.body.sourceErrors).toEqual([
      expect.objectContaining({
        source: 'alertmanager',
        server: 'default',
        message: expect.stringMatching(/could not be reached/),
      }),
    ]);
    // The card names the server; its internal address stays in config.
    expect(res.body.sourceErrors[0].message).toMatch(/^Alertmanager "default"/);
    expect(JSON.stringify(res.body)).not.toMatch(/127\.0\.0\.1|localhost/);
    expect(res.body.rules.map((r: any) => r.name)).toContain('QueueBacklog');
    // Prometheus still knows the alert fires.
    expect(res.body.items).toContainEqual(
      expect.objectContaining({
        alertname: 'QueueBacklog',
        state: 'firing',
        source: 'prometheus',
      }),
    );
    const silence = await request(server)
      .post('/api/ops/silences')
      .set('Authorization', alice)
      .send({
        entityRef: SMTP,
        matchers: [{ name: 'service', value: 'mairust-smtp', isRegex: false }],
        durationMinutes: 60,
        comment: 'x',
      });
    expect(silence.status).toBe(503);
  });
});
