import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import Router from 'express-promise-router';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  entityRefParam,
  integerParam,
  nameParam,
  oneOf,
} from '../lib/params';
import { specBody } from '../lib/specBody';
import { ExecutionStatus } from '@unyo/plugin-ops-common';
import { RunbookService } from './RunbookService';
import { TooManyRequestsError } from './rateLimit';

const ACTION_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
// Executions are stored under a UUID (migrations/20261123030000_runbooks.js).
const EXECUTION_ID = /^[A-Za-z0-9-]{1,36}$/;
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;

// Fields and limits: CreateExecutionRequest in src/schema/openapi.yaml.
const executionBody = specBody(
  '/runbooks/{namespace}/{name}/actions/{actionId}/executions',
  'post',
);

function bodyOf(body: unknown) {
  const parsed = executionBody(body);
  return {
    ...parsed,
    ...(parsed.entityRef !== undefined
      ? { entityRef: stringifyEntityRef(parseEntityRef(parsed.entityRef)) }
      : {}),
  };
}

function runbookRefParam(value: string): string {
  const ref = parseEntityRef(value);
  if (ref.kind.toLocaleLowerCase('en-US') !== 'runbook') {
    throw new InputError(`runbookRef must be a runbook:<namespace>/<name> ref`);
  }
  return `runbook:${ref.namespace}/${ref.name}`.toLocaleLowerCase('en-US');
}

// Every ExecutionStatus, for the `status` filter of GET /executions.
const EXECUTION_STATUSES: readonly ExecutionStatus[] = [
  'pending',
  'running',
  'succeeded',
  'failed',
  'rejected',
];

function limitParam(value: unknown): number {
  if (value === undefined) return DEFAULT_LIMIT;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new InputError(
      `Query parameter limit must be an integer from 1 to ${MAX_LIMIT}`,
    );
  }
  return limit;
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
      const namespace = nameParam(req, 'namespace');
      const name = nameParam(req, 'name');
      const { actionId } = req.params;
      if (!ACTION_ID.test(actionId)) {
        throw new InputError(
          `Path parameter actionId is not an action id: "${actionId}"`,
        );
      }
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
    const runbookRef = runbookRefParam(entityRefParam(req, 'runbookRef'));
    const actor =
      req.query.actor === undefined ? undefined : entityRefParam(req, 'actor');
    res.json(
      await runbooks.listExecutions(
        {
          runbookRef,
          status: oneOf(req, 'status', EXECUTION_STATUSES),
          actor,
          limit: limitParam(req.query.limit),
          offset: integerParam(req, 'offset', 0, Number.MAX_SAFE_INTEGER) ?? 0,
        },
        credentials,
      ),
    );
  });

  router.get('/executions/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { id } = req.params;
    if (!EXECUTION_ID.test(id)) {
      throw new InputError(`Path parameter id is not an execution id: "${id}"`);
    }
    res.json(await runbooks.getExecution(id, credentials));
  });

  return router;
}
