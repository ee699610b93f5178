import express from 'express';
import request from 'supertest';
import { createOpenApiRouter } from './openapi';

/**
 * The spec as Backstage's own request validation reads it
 * (`createValidatedOpenApiRouter`, express-openapi-validator with a strict
 * Ajv): an adopter or a generated client validating against
 * src/schema/openapi.yaml must be able to compile every schema in it. A
 * `nullable` without a `type`, for one, fails every request with a 400.
 */
// Compiling the whole spec takes seconds on a busy machine.
jest.setTimeout(60_000);

describe('src/schema/openapi.yaml under Backstage request validation', () => {
  let received: unknown;
  async function app() {
    const router = await createOpenApiRouter();
    router.get('/backups/coverage', (_req, res) => {
      res.json({
        entityRef: 'system:default/s',
        items: [],
        covered: 0,
        total: 0,
      });
    });
    router.post(
      '/runbooks/:namespace/:name/actions/:actionId/executions',
      (req, res) => {
        received = req.body;
        res.status(204).end();
      },
    );
    // The answer Backstage's error middleware gives an InputError.
    const errors: express.ErrorRequestHandler = (err, _req, res, _next) => {
      res.status(err.name === 'InputError' ? 400 : 500).json({
        error: { name: err.name, message: err.message },
      });
    };
    return express().use(router).use(errors);
  }

  it('compiles: a valid request passes the validator', async () => {
    const res = await request(await app())
      .get('/backups/coverage')
      .query({ entityRef: 'system:default/s' });
    expect(res.status).toBe(200);
  });

  it('accepts any JSON value as an action parameter, null included', async () => {
    const parameters = {
      job: 'x',
      nodes: [1, 2],
      nested: { a: true },
      none: null,
    };
    const res = await request(await app())
      .post('/runbooks/default/r/actions/a/executions')
      .send({ parameters });
    expect(res.status).toBe(204);
    expect(received).toEqual({ parameters });
  });

  it('refuses what the spec refuses, naming the field', async () => {
    const res = await request(await app())
      .post('/runbooks/default/r/actions/a/executions')
      .send({ parameters: 'not an object' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('request/body/parameters');
  });
});
