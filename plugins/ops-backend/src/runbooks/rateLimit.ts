import { RunbookRateLimit } from '../config/rateLimit';
import { ExecutionStore } from './ExecutionStore';

/** A 429: the caller started this action too often; retry after `retryAfterSeconds`. */
export class TooManyRequestsError extends Error {
  readonly statusCode = 429;
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(message);
    this.name = 'TooManyRequestsError';
  }
}

function describeWindow(windowMs: number): string {
  const seconds = windowMs / 1000;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/**
 * Throws a TooManyRequestsError when the actor already started `maxExecutions`
 * of this action within the window. Counted from the executions table, not
 * per-process memory, so the limit holds for several replicas on one
 * database. Check and insert are not one transaction: requests in flight at
 * the same instant may pass together (at most one per replica, in practice).
 */
export async function checkRateLimit(
  store: ExecutionStore,
  limit: RunbookRateLimit | undefined,
  key: { runbookRef: string; actionId: string; actor: string },
  now: Date,
): Promise<void> {
  if (!limit) return;
  const starts = await store.recentStarts(
    key,
    new Date(now.getTime() - limit.windowMs),
    limit.maxExecutions,
  );
  if (starts.length < limit.maxExecutions) return;
  // A slot frees when the oldest of the last maxExecutions leaves the window.
  const oldest = starts[starts.length - 1];
  const freeAt = oldest.getTime() + limit.windowMs;
  const retryAfterSeconds = Math.max(
    1,
    Math.ceil((freeAt - now.getTime()) / 1000),
  );
  throw new TooManyRequestsError(
    `Rate limit: at most ${limit.maxExecutions} executions of ${
      key.runbookRef
    } action ${key.actionId} per user in ${describeWindow(
      limit.windowMs,
    )} (ops.runbooks.rateLimit); try again in ${retryAfterSeconds} s`,
    retryAfterSeconds,
  );
}
