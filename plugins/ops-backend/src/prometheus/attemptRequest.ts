import { PrometheusUnavailableError } from './errors';
import { PrometheusServer } from './prometheusServer';
import { Failure, readApiAnswer, Unavailable } from './readApiAnswer';

const NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  UND_ERR_SOCKET: 'connection closed by the server',
};

function networkReason(error: unknown): string {
  const cause = (
    error as { cause?: { code?: string; errors?: { code?: string }[] } }
  )?.cause;
  const code = cause?.code ?? cause?.errors?.[0]?.code;
  if (code) return NETWORK_ERRORS[code] ?? code;
  return error instanceof Error ? error.message : String(error);
}

/**
 * One request to the server within its timeout: POSTed form-encoded with a
 * form, GET without. A network error is a retryable failure, running out of
 * time one that is not; an answer is read by readApiAnswer.
 */
export async function attemptRequest(
  server: PrometheusServer,
  path: string,
  form: URLSearchParams | undefined,
  query: string,
  attempt: number,
  signal?: AbortSignal,
): Promise<{ data: unknown } | Failure> {
  const timeout = AbortSignal.timeout(server.timeoutMs);
  const tries = `${attempt} attempt${attempt > 1 ? 's' : ''}`;
  const unavailable: Unavailable = (message, details, cause) =>
    new PrometheusUnavailableError(
      `${server.label} ${message} (${tries})`,
      { server: server.name, attempts: attempt, ...details },
      cause,
    );

  let status: number;
  let statusText: string;
  let retryAfter: string | null;
  let text: string;
  try {
    const response = await server.fetch(`${server.baseUrl}${path}`, {
      method: form ? 'POST' : 'GET',
      headers: {
        ...server.headers,
        ...(form
          ? { 'Content-Type': 'application/x-www-form-urlencoded' }
          : {}),
        Accept: 'application/json',
      },
      body: form?.toString(),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    ({ status, statusText } = response);
    retryAfter = response.headers.get('retry-after');
    text = await response.text();
  } catch (error) {
    if (signal?.aborted) {
      throw signal.reason;
    }
    if (timeout.aborted) {
      // Not retried: a query that ran out of time would most likely do so
      // again, and repeating it adds load to a server that is struggling.
      return {
        error: unavailable(
          `did not answer within ${server.timeoutMs / 1000} s`,
          { reason: 'timeout' },
        ),
        retryable: false,
      };
    }
    return {
      error: unavailable(
        `could not be reached: ${networkReason(error)}`,
        { reason: 'network' },
        error,
      ),
      retryable: true,
    };
  }
  return readApiAnswer(
    server,
    { status, statusText, retryAfter, text },
    query,
    unavailable,
  );
}
