import { randomUUID } from 'node:crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import { ErrorRequestHandler } from 'express';

// Errors whose name gives their status (as @backstage/errors and the root
// error handler read them): their messages are written for the caller.
const KNOWN = new Set([
  'InputError',
  'AuthenticationError',
  'NotAllowedError',
  'NotFoundError',
  'ConflictError',
  'NotModifiedError',
  'NotImplementedError',
  'ServiceUnavailableError',
  'PayloadTooLargeError',
]);

function explicitStatus(error: any): number | undefined {
  for (const field of ['statusCode', 'status']) {
    const status = error?.[field];
    if (Number.isInteger(status) && status >= 100 && status <= 599) {
      return status;
    }
  }
  return undefined;
}

/**
 * Unexpected errors (what would be a 500: a database error, a bug) answer
 * `InternalError` with a log id only; the log keeps the error, its stack and
 * any SQL under that id. Refusals and deliberate statuses pass unchanged.
 */
export function hideInternalErrors(logger: LoggerService): ErrorRequestHandler {
  return (error, req, _res, next) => {
    if (KNOWN.has(error?.name) || explicitStatus(error) !== undefined) {
      next(error);
      return;
    }
    const logId = randomUUID();
    logger.error(
      `${req.method} ${req.baseUrl}${req.path} failed, log id ${logId}`,
      error,
    );
    const hidden = new Error(
      `Internal error: the backend log has the details under log id ${logId}`,
    );
    hidden.name = 'InternalError';
    hidden.stack = undefined;
    next(hidden);
  };
}
