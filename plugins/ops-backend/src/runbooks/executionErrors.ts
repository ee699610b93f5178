import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';

/** Who runs an action, as stored with the execution and audited. */
export function actorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  return principal.userEntityRef ?? principal.subject ?? 'unknown';
}

/** Refusals are stored and audited; other errors are the backend's own. */
export function isRefusal(error: unknown): error is Error {
  return (
    isError(error) &&
    ['InputError', 'NotAllowedError', 'NotFoundError'].includes(error.name)
  );
}

/** The message worth showing: the cause's when there is one. */
export function describeError(error: unknown): string {
  const e = error as Error & { cause?: Error };
  return e?.cause?.message ?? e?.message ?? String(error);
}
