import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { opsPlugin } from '../plugin';
import { entities } from './__fixtures__/entities';
import { createTestDatabases } from '@internal/ops-test-utils';

const SMTP = 'component:default/mairust-smtp';
const service = mockCredentials.service.header();
const alice = mockCredentials.user.header('user:default/alice');
const databases = createTestDatabases();

// Fixed once: Alertmanager repeats a firing's startsAt exactly.
const NOW = Date.now();
const minutesAgo = (m: number) => new Date(NOW - m * 60_000).toISOString();

/** An Alertmanager webhook payload (version 4) for the given alerts. */
function delivery(
  alerts: Array<{
    status: 'firing' | 'resolved';
    fingerprint: string;
    alertname: string;
    service: string;
    startsAt: string;
    endsAt?: string;
  }>,
) {
  return {
    version: '4',
    groupKey: '{}:{alertname="x"}',
    status: alerts.some(a => a.status === 'firing') ? 'firing' : 'resolved',
    receiver: 'unyo-ops',
    groupLabels: {},
    commonLabels: {},
    commonAnnotations: {},
    externalURL: 'http://alertmanager:9093',
    truncatedAlerts: 0,
    alerts: alerts.map(a => ({
      status: a.status,
      labels: {
        alertname: a.alertname,
        service: a.service,
        severity: 'critical',
      },
      annotations: { summary: 's' },
      startsAt: a.startsAt,
      endsAt: a.endsAt ?? '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus/graph',
      fingerprint: a.fingerprint,
    })),
  };
}

async function start(knex?: any, config: object = {}) {
  const { server } = await startTestBackend({
    features: [
      opsPlugin,
      ...(knex ? [mockServices.database.factory({ knex })] : []),
      mockServices.rootConfig.factory({ data: config }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      catalogServiceMock.factory({ entities }),
    ],
  });
  return server;
}

describe.each(databases.eachSupportedId())('alert history on %s', id => {
  jest.setTimeout(60_000);

  it('stores firings and resolutions idempotently and reports MTTR against the configured target', async () => {
    const server = await start(await databases.init(id), {
      ops: { alerts: { mttrTargetMinutes: 45 } },
    });
    const first = delivery([
      {
        status: 'firing',
        fingerprint: 'a1',
        alertname: 'QueueBacklog',
        service: 'mairust-smtp',
        startsAt: minutesAgo(120),
      },
      {
        status: 'firing',
        fingerprint: 'b1',
        alertname: 'MairustServiceDown',
        service: 'mairust-api',
        startsAt: minutesAgo(100),
      },
    ]);
    // Delivered twice, as Alertmanager does on retries and repeat intervals.
    for (let i = 0; i < 2; i++) {
      const res = await request(server)
        .post('/api/ops/alerts/webhook')
        .set('Authorization', service)
        .send(first);
      expect(res.status).toBe(200);
    }
    const resolved = delivery([
      {
        status: 'resolved',
        fingerprint: 'a1',
        alertname: 'QueueBacklog',
        service: 'mairust-smtp',
        startsAt: minutesAgo(120),
        endsAt: minutesAgo(100),
      },
      {
        status: 'resolved',
        fingerprint: 'a2',
        alertname: 'QueueBacklog',
        service: 'mairust-smtp',
        startsAt: minutesAgo(90),
        endsAt: minutesAgo(30),
      },
      {
        status: 'firing',
        fingerprint: 'a3',
        alertname: 'HighErrorRate',
        service: 'mairust-smtp',
        startsAt: minutesAgo(10),
      },
      // Older than the 30-day window: not counted.
      {
        status: 'resolved',
        fingerprint: 'a4',
        alertname: 'QueueBacklog',
        service: 'mairust-smtp',
        startsAt: minutesAgo(31 * 1440),
        endsAt: minutesAgo(31 * 1440 - 5),
      },
    ]);
    await request(server)
      .post('/api/ops/alerts/webhook')
      .set('Authorization', service)
      .send(resolved);
    // A late repeat of the resolution does not move it.
    const late = delivery([
      {
        status: 'resolved',
        fingerprint: 'a1',
        alertname: 'QueueBacklog',
        service: 'mairust-smtp',
        startsAt: minutesAgo(120),
        endsAt: minutesAgo(5),
      },
    ]);
    await request(server)
      .post('/api/ops/alerts/webhook')
      .set('Authorization', service)
      .send(late);

    const res = await request(server)
      .get('/api/ops/alerts/history')
      .query({ entityRef: SMTP });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      windowDays: 30,
      fired: 3,
      resolved: 2,
      open: 1,
      // (20 + 60) / 2 minutes: the late repeat of a resolution is ignored.
      mttrMinutes: 40,
      mttrTargetMinutes: 45,
      meetsTarget: true,
      byAlertname: [
        { alertname: 'HighErrorRate', fired: 1, mttrMinutes: null },
        { alertname: 'QueueBacklog', fired: 2 },
      ],
    });
    // (20 + 60) / 2 minutes, give or take the test's own run time.
    expect(res.body.mttrMinutes).toBeCloseTo(40, 0);
  });

  it('accepts deliveries from services only', async () => {
    const server = await start(await databases.init(id));
    const body = delivery([
      {
        status: 'firing',
        fingerprint: 'z',
        alertname: 'X',
        service: 'mairust-smtp',
        startsAt: minutesAgo(1),
      },
    ]);
    const res = await request(server)
      .post('/api/ops/alerts/webhook')
      .set('Authorization', alice)
      .send(body);
    expect(res.status).toBe(403);
    const unauth = await request(server)
      .post('/api/ops/alerts/webhook')
      .set('Authorization', mockCredentials.none.header())
      .send(body);
    expect(unauth.status).toBe(401);
  });
});

describe('alert routes validation', () => {
  jest.setTimeout(30_000);
  const valid = {
    entityRef: SMTP,
    matchers: [{ name: 'service', value: 'mairust-smtp', isRegex: false }],
    durationMinutes: 60,
    comment: 'maintenance',
  };

  it.each([
    [{ ...valid, durationMinutes: 4 }, /^durationMinutes must be at least 5/],
    [
      { ...valid, durationMinutes: 10081 },
      /^durationMinutes must be at most 10080/,
    ],
    [{ ...valid, durationMinutes: '60' }, /^durationMinutes must be a number/],
    [
      { ...valid, durationMinutes: 1.5 },
      /^durationMinutes must be a whole number/,
    ],
    [{ ...valid, comment: '   ' }, /^comment is required/],
    [{ ...valid, comment: undefined }, /^comment is required/],
    [
      { ...valid, entityRef: 'not a ref::' },
      /^entityRef must be an entity ref/,
    ],
    [{ ...valid, matchers: [] }, /^matchers needs at least one matcher/],
    [
      { ...valid, matchers: [{ name: '1x', value: 'a', isRegex: false }] },
      /^matchers\.0\.name must be a label name/,
    ],
    [
      { ...valid, matchers: [{ name: 'x', value: '(', isRegex: true }] },
      /^matchers\.0\.value is not a valid regex/,
    ],
    [
      { ...valid, matchers: [{ name: 'x', value: 'a' }] },
      /^matchers\.0\.isRegex is required/,
    ],
  ])(
    'POST /silences answers 400 naming the field for %j',
    async (body, message) => {
      const server = await start();
      const res = await request(server)
        .post('/api/ops/silences')
        .set('Authorization', alice)
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toMatch(message);
    },
  );

  it('answers 400 for bad query and path parameters and webhook bodies', async () => {
    const server = await start();
    const noRef = await request(server).get('/api/ops/alerts');
    expect(noRef.status).toBe(400);
    expect(noRef.body.error.message).toMatch(/entityRef is required/);
    const badHistory = await request(server)
      .get('/api/ops/alerts/history')
      .query({ entityRef: 'a:b:c/d/e' });
    expect(badHistory.status).toBe(400);
    const badId = await request(server)
      .delete('/api/ops/silences/..%2Fx')
      .set('Authorization', alice)
      .query({ entityRef: SMTP });
    expect(badId.status).toBe(400);
    expect(badId.body.error.message).toMatch(/Path parameter id/);
    const badHook = await request(server)
      .post('/api/ops/alerts/webhook')
      .set('Authorization', service)
      .send({
        alerts: [
          { status: 'weird', labels: {}, startsAt: 'x', fingerprint: 'f' },
        ],
      });
    expect(badHook.status).toBe(400);
    expect(badHook.body.error.message).toMatch(/^alerts\.0\.status/);
  });

  it('reports a bad selector with 200 and an error, a missing config by its key', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/ops/alerts')
      .query({ entityRef: 'component:default/broken' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      items: [],
      error: {
        name: 'AlertSelectorError',
        message: expect.stringMatching(/invalid regex/),
      },
      notConfigured: ['ops.alertmanager.servers', 'ops.prometheus.servers'],
    });
    const none = await request(server)
      .get('/api/ops/alerts')
      .query({ entityRef: 'component:default/unannotated' });
    expect(none.body.error.name).toBe('MissingAlertSelector');
    const silence = await request(server)
      .post('/api/ops/silences')
      .set('Authorization', alice)
      .send({ ...valid, entityRef: 'component:default/broken' });
    expect(silence.status).toBe(400);
    expect(silence.body.error.message).toMatch(
      /invalid unyo.dev\/alert-selector/,
    );
    const missing = await request(server)
      .get('/api/ops/alerts')
      .query({ entityRef: 'component:default/nope' });
    expect(missing.status).toBe(404);
    const unconfigured = await request(server)
      .post('/api/ops/silences')
      .set('Authorization', alice)
      .send(valid);
    expect(unconfigured.status).toBe(503);
    expect(unconfigured.body.error.message).toMatch(
      /ops\.alertmanager\.servers/,
    );
    // Reading is not an error: every component page lists silences.
    const listed = await request(server)
      .get('/api/ops/silences')
      .set('Authorization', alice)
      .query({ entityRef: valid.entityRef });
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({
      items: [],
      notConfigured: ['ops.alertmanager.servers'],
    });
  });
});
