import { HttpAuthService } from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { runbookEntityRef } from '../lib/entityRefs';
import { entityRefParam, optionalInteger, optionalString } from '../lib/params';
import { specBody } from '../lib/specBody';
import { JsonObject } from '@backstage/types';
import {
  CreateExecutionRequest,
  ExecutionStatus,
} from '@unyo/plugin-ops-common';
import { RunbookService } from './RunbookService';
import { TooManyRequestsError } from './rateLimit';

// Path and query parameters (actionId, id, limit, offset, status) are held
// to src/schema/openapi.yaml before any route (lib/specParameters.ts): the
// routes read them as valid. Their defaults are the spec's too.
const DEFAULT_LIMIT = 50;

// Fields and limits: CreateExecutionRequest in src/schema/openapi.yaml.
const executionBody = specBody(
  '/runbooks/{namespace}/{name}/actions/{actionId}/executions',
  'post',
);

function bodyOf(body: unknown): CreateExecutionRequest {
  const parsed = executionBody(body);
  return {
    ...parsed,
    // Parsed from JSON text by express.json: JSON values only.
    parameters: parsed.parameters as JsonObject | undefined,
    ...(parsed.entityRef !== undefined
      ? { entityRef: stringifyEntityRef(parseEntityRef(parsed.entityRef)) }
      : {}),
  };
}

/**
 * `GET /runbooks?entityRef=`, `POST /runbooks/{namespace}/{name}/actions/{actionId}/executions`,
 * `GET /executions?runbookRef=&limit=` and `GET /executions/{id}`.
 */
export function createRunbookRoutes(options: {
  httpAuth: HttpAuthService;
  runbooks: RunbookService;
}) {
  const { httpAuth, runbooks } = options;
  const router = Router();

  router.get('/runbooks', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await runbooks.listForEntity(entityRefParam(req), credentials));
  });

  router.post(
    '/runbooks/:namespace/:name/actions/:actionId/executions',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      // Each a catalog name: the spec's pattern (specParameters.ts).
      const { namespace, name, actionId } = req.params;
      const { created, execution } = await runbooks
        .execute({
          runbookRef: `runbook:${namespace}/${name}`.toLocaleLowerCase('en-US'),
          actionId,
          request: bodyOf(req.body),
          credentials,
          httpRequest: req,
        })
        .catch(error => {
          // The 429's body is the error handler's; the header is said here.
          if (error instanceof TooManyRequestsError) {
            res.setHeader('Retry-After', String(error.retryAfterSeconds));
          }
          throw error;
        });
      res.status(created ? 201 : 200).json(execution);
    },
  );

  router.get('/executions', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const runbookRef = runbookEntityRef(
      entityRefParam(req, 'runbookRef'),
      'Query parameter runbookRef',
    );
    const actor =
      req.query.actor === undefined ? undefined : entityRefParam(req, 'actor');
    res.json(
      await runbooks.listExecutions(
        {
          runbookRef,
          status: optionalString<ExecutionStatus>(req, 'status'),
          actor,
          limit: optionalInteger(req, 'limit') ?? DEFAULT_LIMIT,
          offset: optionalInteger(req, 'offset') ?? 0,
        },
        credentials,
      ),
    );
  });

  router.get('/executions/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await runbooks.getExecution(req.params.id, credentials));
  });

  return router;
}
