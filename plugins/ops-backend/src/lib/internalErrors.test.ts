import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases } from '@internal/ops-test-utils';
import request from 'supertest';
import {
  HostileBackend,
  startHostileBackend,
  USER,
} from '../__testUtils__/hostileBackend';

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'internal errors with NODE_ENV=production on %s',
  id => {
    jest.setTimeout(60_000);
    const nodeEnv = process.env.NODE_ENV;
    let backend: HostileBackend;
    const logged: Array<{ message: string; error?: Error }> = [];

    beforeAll(async () => {
      process.env.NODE_ENV = 'production';
      const logger = mockServices.logger.mock({
        error: (message: string, error?: any) => {
          logged.push({ message, error });
        },
      });
      logger.child.mockReturnValue(logger);
      backend = await startHostileBackend(await databases.init(id), [
        logger.factory,
      ]);
    });
    afterAll(async () => {
      process.env.NODE_ENV = nodeEnv;
      await backend.close();
    });

    it('answers a database failure without stack or SQL, with the log id the log keeps it under', async () => {
      await backend.knex.schema.dropTable('ops_runbook_executions');
      const res = await request(backend.server)
        .get('/api/ops/executions')
        .query({ runbookRef: 'runbook:default/jobs' })
        .set('Authorization', USER);

      expect(res.status).toBe(500);
      expect(res.body.error.name).toBe('InternalError');
      expect(res.body.error.stack).toBeUndefined();
      const text = JSON.stringify(res.body);
      expect(text).not.toMatch(/select|ops_runbook_executions|\.ts:\d+/i);
      const logId = /log id ([0-9a-f-]{36})/.exec(res.body.error.message)?.[1];
      expect(logId).toBeDefined();
      const entry = logged.find(l => l.message.includes(logId!));
      expect(entry?.error?.message).toMatch(/ops_runbook_executions/);
      expect(entry?.error?.stack).toEqual(expect.any(String));
    });

    it('keeps the message of a refusal', async () => {
      const res = await request(backend.server)
        .get('/api/ops/executions/not%20an%20id')
        .set('Authorization', USER);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(
        'Path parameter id is not an execution id: "not an id"',
      );
    });
  },
);
