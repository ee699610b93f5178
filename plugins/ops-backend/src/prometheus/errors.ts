import { CustomErrorBase } from '@backstage/errors';

/**
 * The server could not answer: timeout, connection failure, HTTP 5xx/429 after
 * the retries, or an HTTP error that is not about the query (401, 404 ...).
 * Transient from the caller's point of view: report no data, try next round.
 */
export class PrometheusUnavailableError extends CustomErrorBase {
  name = 'PrometheusUnavailableError' as const;
  constructor(
    message: string,
    readonly details: {
      server: string;
      reason: 'timeout' | 'network' | 'http';
      status?: number;
      attempts: number;
    },
    cause?: unknown,
  ) {
    super(message, cause);
  }
}

/**
 * The server refused the query (`bad_data`, `execution` ...): a bug in the
 * query or its selector that retrying cannot fix. The message carries
 * Prometheus's own explanation.
 */
export class PrometheusQueryError extends CustomErrorBase {
  name = 'PrometheusQueryError' as const;
  constructor(
    message: string,
    readonly details: {
      server: string;
      errorType: string;
      status?: number;
      query: string;
    },
  ) {
    super(message);
  }
}
