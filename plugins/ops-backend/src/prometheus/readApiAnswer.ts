import { PrometheusQueryError, PrometheusUnavailableError } from './errors';
import { parseRetryAfter } from './backoff';
import { PrometheusServer } from './prometheusServer';

/** What one attempt came to, when it did not succeed. */
export interface Failure {
  error: Error;
  retryable: boolean;
  retryAfterMs?: number;
}

/** Builds the error of an attempt the server did not answer usefully. */
export type Unavailable = (
  message: string,
  details: { reason: 'timeout' | 'network' | 'http'; status?: number },
  cause?: unknown,
) => PrometheusUnavailableError;

interface ApiBody {
  status?: string;
  data?: unknown;
  errorType?: string;
  error?: string;
  warnings?: string[];
}

/**
 * What an HTTP answer of the Prometheus API means: its data; a failure,
 * retryable for 429 and 5xx; or a PrometheusQueryError thrown when the
 * server refused the query itself.
 */
export function readApiAnswer(
  server: PrometheusServer,
  answer: {
    status: number;
    statusText: string;
    retryAfter: string | null;
    text: string;
  },
  query: string,
  unavailable: Unavailable,
): { data: unknown } | Failure {
  const { status, statusText, retryAfter, text } = answer;
  let body: ApiBody | undefined;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (status >= 200 && status < 300 && body?.status === 'success') {
    if (body.warnings?.length) {
      server.logger?.warn(
        `${server.label} warned: ${body.warnings.join('; ')}`,
      );
    }
    return { data: body.data };
  }

  const prometheusError =
    body?.status === 'error' && body.error
      ? { type: body.errorType ?? 'error', message: body.error }
      : undefined;
  if (
    prometheusError &&
    status >= 400 &&
    status < 500 &&
    status !== 429 &&
    // 401/403/404 with a JSON body come from proxies, not from the query.
    ![401, 403, 404].includes(status)
  ) {
    throw new PrometheusQueryError(
      `${server.label} rejected the query (${prometheusError.type}): ${prometheusError.message}`,
      { server: server.name, errorType: prometheusError.type, status, query },
    );
  }
  const detail = prometheusError
    ? `: ${prometheusError.type}: ${prometheusError.message}`
    : '';
  const answered = `answered HTTP ${status}${
    statusText ? ` ${statusText}` : ''
  }`;
  if (prometheusError?.type === 'timeout') {
    // The server's own --query.timeout: retrying repeats the same work.
    return {
      error: unavailable(`${answered}${detail}`, {
        reason: 'timeout',
        status,
      }),
      retryable: false,
    };
  }
  if (status === 429 || status >= 500) {
    return {
      error: unavailable(`${answered}${detail}`, { reason: 'http', status }),
      retryable: true,
      retryAfterMs: parseRetryAfter(retryAfter),
    };
  }
  const hint =
    status === 401 || status === 403
      ? '; check its headers in ops.prometheus.servers'
      : '';
  const what =
    status >= 200 && status < 300
      ? `${answered} with a body that is not a Prometheus API response`
      : `${answered}${detail}${hint}`;
  return {
    error: unavailable(what, { reason: 'http', status }),
    retryable: false,
  };
}
