import { isError, ResponseError } from '@backstage/errors';

/**
 * What an error answer of the ops backend says.
 *
 * @public
 */
export interface OpsErrorDetails {
  /** The HTTP status, when the backend answered. */
  status?: number;
  /** The backend's `error.name`, e.g. `NotFoundError`. */
  name?: string;
  /** The backend's `error.message`, e.g. `entityRef must be an entity ref`. */
  message: string;
}

function backendError(body: unknown): { name?: string; message?: string } {
  const error = (body as { error?: Record<string, unknown> } | null)?.error;
  return {
    name:
      typeof error?.name === 'string' && error.name ? error.name : undefined,
    message:
      typeof error?.message === 'string' && error.message
        ? error.message
        : undefined,
  };
}

/**
 * The backend's `{ error: { name, message } }` from an error of
 * {@link OpsApiClient}. `ResponseError` keeps such a body as it is only when it
 * also has `response.statusCode` and a JSON content type; otherwise its
 * message is `Request failed with status N T, <body>` and the body is read
 * back from there.
 *
 * @public
 */
export function opsErrorDetails(error: unknown): OpsErrorDetails {
  // by name: the app may hold a second copy of @backstage/errors
  if (!isError(error) || error.name !== 'ResponseError') {
    return { message: isError(error) ? error.message : String(error) };
  }
  const { body, response } = error as unknown as ResponseError;
  const { status, statusText } = response;
  const fallback = `Request failed with ${status} ${statusText}`.trim();
  let found = backendError(body);
  const prefix = `Request failed with status ${status} ${statusText}, `;
  if (found.message?.startsWith(prefix)) {
    try {
      found = backendError(JSON.parse(found.message.slice(prefix.length)));
    } catch {
      found = {};
    }
  } else if (found.message?.startsWith('Request failed with status ')) {
    found = {};
  }
  return {
    status,
    name: found.message ? found.name : undefined,
    message: found.message ?? fallback,
  };
}
