import express from 'express';
import fc from 'fast-check';
import request from 'supertest';
import { spec } from '../schema/openapi';
import { specParameters } from './specParameters';

/**
 * The parameters of src/schema/openapi.yaml, checked before any route: what
 * the spec refuses gets a 400 in the routes' own words; what it accepts
 * reaches the route.
 */
function app() {
  const errors: express.ErrorRequestHandler = (err, _req, res, _next) => {
    res.status(err.name === 'InputError' ? 400 : 500).json({
      error: { name: err.name, message: err.message },
    });
  };
  return express()
    .use(specParameters())
    .use((_req, res) => {
      res.status(204).end();
    })
    .use(errors);
}

// Hundreds of requests through supertest take seconds on a busy machine.
jest.setTimeout(60_000);

describe('specParameters', () => {
  it.each([
    [
      '/slo-report?month=2025-13',
      'Query parameter month must be YYYY-MM, e.g. 2026-11: "2025-13"',
    ],
    [
      '/slo-report?format=xml',
      'Query parameter format must be json or csv: "xml"',
    ],
    [
      '/slo-report?sort=owner',
      'Query parameter sort must be one of name, attainment, budget: "owner"',
    ],
    [
      '/slo-report?months=25',
      'Query parameter months must be an integer from 0 to 24: "25"',
    ],
    [
      '/slo-report?offset=-1',
      'Query parameter offset must be an integer from 0 to 9007199254740991: "-1"',
    ],
    [
      `/slo-report?q=${'x'.repeat(201)}`,
      'Query parameter q must be at most 200 characters',
    ],
    [
      '/slos',
      'Query parameter entityRef is required, e.g. component:default/my-service',
    ],
    [
      '/slos/default/bad%20name',
      'Path parameter name is not a valid entity name: "bad name"',
    ],
    [
      '/executions?runbookRef=runbook:default/r&status=done',
      'Query parameter status must be one of pending, running, succeeded, failed, rejected: "done"',
    ],
    [
      '/executions?runbookRef=runbook:default/r&limit=501',
      'Query parameter limit must be an integer from 1 to 500',
    ],
  ])('refuses %s naming the parameter', async (url, message) => {
    const res = await request(app()).get(url);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(message);
  });

  it('lets valid, empty optional and unknown-route requests through', async () => {
    for (const url of [
      '/slo-report?month=2026-02&format=csv&months=3&sort=budget&offset=',
      '/slos/default/my-slo',
      '/slos?entityRef=component:default/a',
      '/not-in-the-spec?month=x',
    ]) {
      expect((await request(app()).get(url)).status).toBe(204);
    }
  });

  it('refuses generated hostile values of every query parameter the spec constrains, naming it', async () => {
    const constrained = Object.entries(spec.paths as Record<string, any>)
      .filter(([path, item]) => !path.includes('{') && item.get)
      .flatMap(([path, item]) =>
        (item.get.parameters ?? [])
          .map((p: any) =>
            p.$ref
              ? (spec as any).components.parameters[p.$ref.split('/').pop()]
              : p,
          )
          .filter(
            (p: any) =>
              p.in === 'query' &&
              (p.schema.enum ||
                p.schema.$ref ||
                p.schema.pattern ||
                p.schema.type === 'integer'),
          )
          .map((p: any) => ({ path, name: p.name as string })),
      );
    expect(constrained.length).toBeGreaterThan(10);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...constrained),
        fc.oneof(
          fc.string({ minLength: 1, maxLength: 30 }),
          fc.constantFrom('-1', '1e3', '0x10', '2026-1', ' 1', 'NaN', 'null'),
        ),
        async ({ path, name }, value) => {
          const required =
            path === '/executions' ? { runbookRef: 'runbook:default/r' } : {};
          const res = await request(app())
            .get(path)
            .query({
              entityRef: 'component:default/a',
              ...required,
              [name]: value,
            });
          // Either the route is reached, or the 400 names the parameter.
          expect(
            res.status === 204 ||
              (res.status === 400 && res.body.error.message.includes(name)),
          ).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
