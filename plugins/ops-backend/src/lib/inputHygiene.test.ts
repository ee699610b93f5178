import { createTestDatabases } from '@internal/ops-test-utils';
import request from 'supertest';
import {
  HostileBackend,
  RUNBOOK_PATH,
  SERVICE,
  startHostileBackend,
  storedRows,
  USER,
} from '../__testUtils__/hostileBackend';

const databases = createTestDatabases();

function alert(labels: Record<string, string>) {
  return {
    status: 'firing',
    labels,
    startsAt: '2026-11-23T02:00:00Z',
    fingerprint: 'f1',
  };
}

describe.each(databases.eachSupportedId())('input hygiene on %s', id => {
  jest.setTimeout(60_000);
  let backend: HostileBackend;
  beforeAll(async () => {
    backend = await startHostileBackend(await databases.init(id));
  });
  afterAll(() => backend.close());

  /** Sends raw JSON text; answers status and error message. */
  async function post(path: string, text: string, auth = USER) {
    const res = await request(backend.server)
      .post(path)
      .set('Authorization', auth)
      .set('Content-Type', 'application/json')
      .send(text);
    return { status: res.status, message: res.body?.error?.message };
  }

  async function expectNothingStored<T>(run: () => Promise<T>): Promise<T> {
    const before = await storedRows(backend.knex);
    const result = await run();
    expect(await storedRows(backend.knex)).toEqual(before);
    expect(backend.target.requests).toEqual([]);
    return result;
  }

  it('refuses NUL in /executions/{id} and in idempotencyKey before the database sees it', async () => {
    await expectNothingStored(async () => {
      const res = await request(backend.server)
        .get('/api/ops/executions/a%00b')
        .set('Authorization', USER);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(
        'Path parameter id must not contain NUL characters',
      );
      const key = await post(
        `${RUNBOOK_PATH}/run/executions`,
        JSON.stringify({ parameters: { job: 'x' }, idempotencyKey: 'k\0' }),
      );
      expect(key).toEqual({
        status: 400,
        message: 'idempotencyKey must not contain NUL characters',
      });
    });
  });

  it('refuses NUL, lone surrogates and 64 KiB in webhook labels', async () => {
    await expectNothingStored(async () => {
      const cases: Array<[Record<string, string>, string]> = [
        [{ alertname: 'a\0' }, 'must not contain NUL characters'],
        [{ alertname: 'a\uD800' }, 'must not contain lone surrogates'],
        [{ alertname: 'x'.repeat(65536) }, 'must be at most 16384 characters'],
        [{ alertname: 'x'.repeat(5000) }, 'must be at most 4096'],
      ];
      for (const [labels, message] of cases) {
        const res = await post(
          '/api/ops/alerts/webhook',
          JSON.stringify({ version: '4', alerts: [alert(labels)] }),
          SERVICE,
        );
        expect(res.status).toBe(400);
        expect(res.message).toContain(`alerts.0.labels.alertname ${message}`);
      }
    });
  });

  it('refuses parameters nested 20,000 arrays deep with a 400, not a stack overflow', async () => {
    await expectNothingStored(async () => {
      const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
      const res = await post(
        `${RUNBOOK_PATH}/run/executions`,
        `{"parameters":{"job":${deep}}}`,
      );
      expect(res).toEqual({
        status: 400,
        message: 'body is nested more than 32 levels deep',
      });
    });
  });

  it('answers 413 for a body over the limit, naming the body', async () => {
    await expectNothingStored(async () => {
      const res = await post(
        '/api/ops/backups/reports',
        JSON.stringify({ message: 'x'.repeat(1024 * 1024) }),
        SERVICE,
      );
      expect(res).toEqual({
        status: 413,
        message: 'body must be at most 1048576 bytes',
      });
    });
  });

  it('refuses numbers that are not finite, strings too long, arrays too long and bad refs', async () => {
    await expectNothingStored(async () => {
      expect(
        await post(
          '/api/ops/silences',
          '{"entityRef":"component:default/svc","durationMinutes":1e400}',
        ),
      ).toEqual({
        status: 400,
        message: 'durationMinutes must be a finite number',
      });
      expect(
        await post(
          `${RUNBOOK_PATH}/run/executions`,
          JSON.stringify({ parameters: { job: 'y'.repeat(4097) } }),
        ),
      ).toEqual({
        status: 400,
        message: 'parameters.job must be at most 4096 characters',
      });
      expect(
        await post(
          '/api/ops/silences',
          JSON.stringify({ matchers: new Array(1001).fill(1) }),
        ),
      ).toEqual({
        status: 400,
        message: 'matchers must have at most 1000 items',
      });
      expect(
        await post(
          `${RUNBOOK_PATH}/run/executions`,
          JSON.stringify({ parameters: { job: 'x' }, entityRef: 'svc/..' }),
        ),
      ).toEqual({
        status: 400,
        message:
          'entityRef must be an entity ref such as component:default/my-service',
      });
      const query = await request(backend.server)
        .get('/api/ops/alerts?entityRef[a]=b')
        .set('Authorization', USER);
      expect(query.status).toBe(400);
      expect(query.body.error.message).toBe(
        'Query parameter entityRef must be given once, as a plain value',
      );
    });
  });

  it('refuses a parameter that would leave the automation base path, stored as rejected', async () => {
    const before = await storedRows(backend.knex);
    const res = await post(
      `${RUNBOOK_PATH}/run/executions`,
      JSON.stringify({ parameters: { job: '..' } }),
    );
    expect(res.status).toBe(400);
    expect(res.message).toMatch(/^parameters\.job must be one path segment/);
    expect(await storedRows(backend.knex)).toEqual({
      rows: before.rows,
      rejected: before.rejected + 1,
    });
    expect(backend.target.requests).toEqual([]);
  });
});
