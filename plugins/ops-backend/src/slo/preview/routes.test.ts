import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createTestDatabases } from '@internal/ops-test-utils';
import request from 'supertest';
import { opsPlugin } from '../../plugin';

const USER = mockCredentials.user.header('user:default/alice');

const draft = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-availability
spec:
  service: checkout
  budgetingMethod: Occurrences
  objectives:
    - target: 0.99
  indicator:
    spec:
      ratioMetric:
        counter: true
        good: { metricSource: { type: Prometheus, spec: { query: ok_total } } }
        total: { metricSource: { type: Prometheus, spec: { query: all_total } } }
`;

const databases = createTestDatabases();

/**
 * `POST /api/ops/slos/preview` through the real plugin: what a caller sees of
 * refusals. Figures against a real Prometheus are in
 * SloPreviewService.prometheus.test.ts.
 */
describe.each(databases.eachSupportedId())('POST /slos/preview on %s', id => {
  jest.setTimeout(60_000);

  async function start(
    result:
      | AuthorizeResult.ALLOW
      | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
  ) {
    const backend = await startTestBackend({
      features: [
        opsPlugin,
        mockServices.database.factory({ knex: await databases.init(id) }),
        mockServices.rootConfig.factory({
          data: {
            ops: {
              // Nothing listens there: a valid draft is evaluated in error.
              prometheus: {
                servers: [{ name: 'default', url: 'http://127.0.0.1:1' }],
              },
              slo: { preview: { rateLimit: { maxPreviews: 1 } } },
            },
          },
        }),
        mockServices.permissions.factory({ result }),
        catalogServiceMock.factory({ entities: [] }),
      ],
    });
    return backend;
  }
  const preview = (server: any, body: unknown) =>
    request(server)
      .post('/api/ops/slos/preview')
      .set('Authorization', USER)
      .send(body as object);

  it('refuses bad drafts with a 400 naming the field, too large ones with a 413', async () => {
    const backend = await start();
    try {
      const cases: Array<[unknown, number, string]> = [
        [{}, 400, 'document'],
        [{ document: 42 }, 400, 'document'],
        [{ document: draft, extra: 1 }, 400, 'extra'],
        [{ document: 'kind: [' }, 400, 'document is not valid YAML'],
        [
          { document: draft.replace('target: 0.99', 'target: 99') },
          400,
          'spec.objectives[0].target',
        ],
        [
          {
            document: draft.replace(
              / {2}indicator:[\s\S]*$/,
              '  indicatorRef: checkout-sli\n',
            ),
          },
          400,
          'spec.indicatorRef names a catalog SLI',
        ],
        [
          { document: draft.replace('ok_total', 'sum(ok_total') },
          400,
          'The draft cannot be evaluated',
        ],
        [{ document: 'x'.repeat(70_000) }, 400, 'document'],
        [{ document: `${draft}#${'x'.repeat(140_000)}` }, 413, 'body'],
      ];
      for (const [body, status, words] of cases) {
        const res = await preview(backend.server, body);
        expect({
          status: res.status,
          message: res.body.error?.message,
        }).toEqual({ status, message: expect.stringContaining(words) });
      }
    } finally {
      await backend.stop();
    }
  });

  it('answers the status it would have, then a 429 with Retry-After past the limit', async () => {
    const backend = await start();
    try {
      const first = await preview(backend.server, { document: draft });
      expect(first.status).toBe(200);
      // Prometheus is down: the status a round would store says so.
      expect(first.body).toMatchObject({
        ref: 'slo:default/checkout-availability',
        state: 'error',
        target: 0.99,
        history: [],
      });
      const second = await preview(backend.server, { document: draft });
      expect(second.status).toBe(429);
      expect(Number(second.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(second.body.error.message).toContain('ops.slo.preview.rateLimit');
    } finally {
      await backend.stop();
    }
  });

  it('answers a 403 naming ops.slo.preview when a policy denies it', async () => {
    const backend = await start(AuthorizeResult.DENY);
    try {
      const res = await preview(backend.server, { document: draft });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toContain('ops.slo.preview');
    } finally {
      await backend.stop();
    }
  });
});
