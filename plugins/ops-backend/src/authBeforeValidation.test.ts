import { mockCredentials } from '@backstage/backend-test-utils';
import { createTestDatabases } from '@internal/ops-test-utils';
import request from 'supertest';
import {
  HostileBackend,
  RUNBOOK_PATH,
  SERVICE,
  USER,
  startHostileBackend,
  storedRows,
} from './__testUtils__/hostileBackend';

/**
 * Backstage's order of checks: who is calling (401) before what they sent
 * (400). A caller without credentials learns nothing about which input the
 * spec or a route would refuse. Each request below is refused with a 400
 * naming its field for a caller with credentials, and with a 401 without.
 */
const databases = createTestDatabases();
const NONE = mockCredentials.none.header();

const BAD_REQUESTS: Array<{
  what: string;
  method: 'get' | 'post';
  url: string;
  body?: string;
  auth: string;
  field: string;
}> = [
  {
    what: 'a query parameter against its spec pattern',
    method: 'get',
    url: '/api/ops/slo-report?month=2025-13',
    auth: USER,
    field: 'Query parameter month',
  },
  {
    what: 'a missing required query parameter',
    method: 'get',
    url: '/api/ops/alerts',
    auth: USER,
    field: 'Query parameter entityRef',
  },
  {
    what: 'a query parameter out of its spec range',
    method: 'get',
    url: '/api/ops/executions?runbookRef=runbook:default/jobs&limit=0',
    auth: USER,
    field: 'Query parameter limit',
  },
  {
    what: 'a path parameter against its spec pattern',
    method: 'get',
    url: '/api/ops/slos/default/bad%20name',
    auth: USER,
    field: 'Path parameter name',
  },
  {
    what: 'a NUL in a query value (input limits)',
    method: 'get',
    url: '/api/ops/slos?entityRef=component:default/s%00vc',
    auth: USER,
    field: 'Query parameter entityRef',
  },
  {
    what: 'a silence body against its spec schema',
    method: 'post',
    url: '/api/ops/silences',
    body: JSON.stringify({
      entityRef: 'component:default/svc',
      matchers: [],
      durationMinutes: 60,
      comment: 'maintenance',
    }),
    auth: USER,
    field: 'matchers',
  },
  {
    what: 'a backup report body without its fields',
    method: 'post',
    url: '/api/ops/backups/reports',
    body: JSON.stringify({}),
    auth: SERVICE,
    field: 'policyRef',
  },
  {
    what: 'a runbook action body with an unknown field',
    method: 'post',
    url: `${RUNBOOK_PATH}/run/executions`,
    body: JSON.stringify({ reason: 'x' }),
    auth: USER,
    field: 'reason',
  },
  {
    what: 'a body nested too deep (input limits)',
    method: 'post',
    url: '/api/ops/silences',
    body: `${'['.repeat(40)}${']'.repeat(40)}`,
    auth: USER,
    field: 'body',
  },
];

function send(
  backend: HostileBackend,
  req: (typeof BAD_REQUESTS)[number],
  auth: string,
) {
  const call = request(backend.server)
    [req.method](req.url)
    .set('Authorization', auth);
  return req.body === undefined
    ? call
    : call.set('Content-Type', 'application/json').send(req.body);
}

describe.each(databases.eachSupportedId())(
  'authentication before input validation on %s',
  id => {
    let backend: HostileBackend;
    beforeAll(async () => {
      backend = await startHostileBackend(await databases.init(id));
    });
    afterAll(() => backend.close());

    it.each(BAD_REQUESTS)(
      'answers 401 without credentials and 400 naming the field with them: $what',
      async req => {
        const before = await storedRows(backend.knex);
        const anonymous = await send(backend, req, NONE);
        expect(anonymous.status).toBe(401);
        expect(anonymous.body.error.name).toBe('AuthenticationError');
        expect(anonymous.body.error.message).not.toContain(req.field);

        const authenticated = await send(backend, req, req.auth);
        expect(authenticated.status).toBe(400);
        expect(authenticated.body.error.message).toContain(req.field);
        // Refused before any service ran: nothing stored.
        expect((await storedRows(backend.knex)).rows).toBe(before.rows);
      },
    );
  },
);
