import { randomUUID } from 'node:crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import { ErrorRequestHandler } from 'express';
import { isDatabaseUnavailable } from './databaseUnavailable';

/** Seconds a client waits before asking again while the database is down. */
const DATABASE_RETRY_AFTER_SECONDS = 30;

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
 * any SQL under that id. The plugin's database being unreachable answers 503
 * with `Retry-After`, saying so. Refusals and deliberate statuses pass
 * unchanged.
 */
export function hideInternalErrors(logger: LoggerService): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (KNOWN.has(error?.name) || explicitStatus(error) !== undefined) {
      next(error);
      return;
    }
    const logId = randomUUID();
    if (isDatabaseUnavailable(error)) {
      logger.warn(
        `${req.method} ${req.baseUrl}${req.path}: database unavailable, log id ${logId}`,
        error,
      );
      const unavailable = new ServiceUnavailableError(
        `The operations database is unavailable; try again shortly (log id ${logId})`,
      );
      unavailable.stack = undefined;
      res.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
      next(unavailable);
      return;
    }
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
