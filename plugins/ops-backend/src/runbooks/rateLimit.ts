import { RunbookRateLimit } from '../config/rateLimit';
import {
  describeWindow,
  TooManyRequestsError,
} from '../lib/TooManyRequestsError';
import { ExecutionStore } from './ExecutionStore';

export { TooManyRequestsError } from '../lib/TooManyRequestsError';

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
