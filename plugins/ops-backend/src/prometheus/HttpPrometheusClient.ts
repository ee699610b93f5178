import { setTimeout as sleep } from 'node:timers/promises';
import { LoggerService } from '@backstage/backend-plugin-api';
import { durationToMilliseconds } from '@backstage/types';
import { OpsServerConfig } from '../config/OpsConfig';
import {
  DEFAULT_RETRY,
  RetryOptions,
  backoffDelayMs,
  parseRetryAfter,
} from './backoff';
import { PrometheusQueryError, PrometheusUnavailableError } from './errors';
import { parseInstantData, parseRangeData } from './parseResponse';
import { formatDuration, formatSelector, parseSelector } from './promql';
import { parseRulesData } from './parseRules';
import {
  EarliestSampleOptions,
  InstantQueryOptions,
  InstantSample,
  PrometheusClient,
  PrometheusRuleGroup,
  RangeQueryOptions,
  RangeSeries,
} from './types';

export interface HttpPrometheusClientOptions {
  server: OpsServerConfig;
  logger?: LoggerService;
  fetch?: typeof fetch;
  retry?: Partial<RetryOptions>;
}

/** What one attempt came to, when it did not succeed. */
interface Failure {
  error: Error;
  retryable: boolean;
  retryAfterMs?: number;
}

interface ApiBody {
  status?: string;
  data?: unknown;
  errorType?: string;
  error?: string;
  warnings?: string[];
}

const NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  UND_ERR_SOCKET: 'connection closed by the server',
};

/** Unix seconds with millisecond precision, as the Prometheus API takes them. */
function unixSeconds(date: Date): string {
  return (date.getTime() / 1000).toString();
}

function networkReason(error: unknown): string {
  const cause = (
    error as { cause?: { code?: string; errors?: { code?: string }[] } }
  )?.cause;
  const code = cause?.code ?? cause?.errors?.[0]?.code;
  if (code) return NETWORK_ERRORS[code] ?? code;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Queries one Prometheus-compatible server over its HTTP API. Queries are
 * POSTed form-encoded, as long batched selectors exceed URL limits. Every
 * request carries the configured headers (auth, `X-Scope-OrgID`) and its own
 * timeout; network errors, 429 and 5xx are retried with backoff.
 */
export class HttpPrometheusClient implements PrometheusClient {
  readonly name: string;
  private readonly baseUrl: string;
  private readonly headers: Record<string, string>;
  /** Names the server in errors and logs without credentials. */
  private readonly label: string;
  /** The server's URL without credentials, for the log only. */
  private readonly location: string;
  private readonly timeoutMs: number;
  private readonly retry: RetryOptions;
  private readonly fetch: typeof fetch;
  private readonly logger?: LoggerService;

  constructor(options: HttpPrometheusClientOptions) {
    const { server } = options;
    const url = new URL(server.url);
    this.headers = { ...server.headers };
    // fetch refuses URLs with credentials; send them as Basic auth instead.
    if (url.username && !hasHeader(this.headers, 'authorization')) {
      const user = decodeURIComponent(url.username);
      const password = decodeURIComponent(url.password);
      this.headers.Authorization = `Basic ${Buffer.from(
        `${user}:${password}`,
      ).toString('base64')}`;
    }
    url.username = '';
    url.password = '';
    this.baseUrl = url.toString().replace(/\/+$/, '');
    this.name = server.name;
    // Messages reach the browser (an SLO's evaluation error): they name the
    // server; its internal address is only written to the log.
    this.label = `Prometheus server "${server.name}"`;
    this.location = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    this.timeoutMs = durationToMilliseconds(server.timeout);
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.fetch = options.fetch ?? globalThis.fetch;
    this.logger = options.logger;
  }

  async instantQuery(
    query: string,
    options: InstantQueryOptions = {},
  ): Promise<InstantSample[]> {
    const form = new URLSearchParams({ query });
    if (options.time) form.set('time', unixSeconds(options.time));
    const data = await this.post('/api/v1/query', form, query, options.signal);
    return this.parse(query, () => parseInstantData(data));
  }

  async rangeQuery(
    query: string,
    options: RangeQueryOptions,
  ): Promise<RangeSeries[]> {
    const form = new URLSearchParams({
      query,
      start: unixSeconds(options.start),
      end: unixSeconds(options.end),
      step: String(options.stepSeconds),
    });
    const data = await this.post(
      '/api/v1/query_range',
      form,
      query,
      options.signal,
    );
    return this.parse(query, () => parseRangeData(data));
  }

  /**
   * Asks for the oldest timestamp of the selector's own samples with
   * `min_over_time(timestamp(<selector>)[<lookback>:<resolution>])` rather than
   * `prometheus_tsdb_lowest_timestamp_seconds`: that metric exists only where
   * Prometheus scrapes itself, not in Thanos or Mimir, and gives the oldest
   * block of the whole server, not whether this metric existed back then (a
   * new service on an old server). The answer is at most one resolution step
   * later than the truth, so coverage is never overstated; the subquery costs
   * lookback/resolution cheap evaluations (720 for 30d at 1h).
   */
  async earliestSampleTime(
    selector: string,
    options: EarliestSampleOptions,
  ): Promise<Date | undefined> {
    const series = formatSelector(parseSelector(selector));
    const lookback = formatDuration(options.lookbackSeconds);
    const resolution = formatDuration(options.resolutionSeconds ?? 3600);
    const query = `min(min_over_time(timestamp(${series})[${lookback}:${resolution}]))`;
    const [sample] = await this.instantQuery(query, options);
    return sample && Number.isFinite(sample.value)
      ? new Date(Math.round(sample.value * 1000))
      : undefined;
  }

  /** The alerting rules with their state (`GET /api/v1/rules?type=alert`). */
  async rules(
    options: { signal?: AbortSignal } = {},
  ): Promise<PrometheusRuleGroup[]> {
    // The rules API answers GET only; no form means GET in `post`.
    const data = await this.post(
      '/api/v1/rules?type=alert',
      undefined,
      'rules',
      options.signal,
    );
    return this.parse('rules', () => parseRulesData(data));
  }

  private parse<T>(query: string, parse: () => T): T {
    try {
      return parse();
    } catch (error) {
      throw new PrometheusQueryError(
        `${this.label} gave an unusable result for the query: ${
          (error as Error).message
        }`,
        { server: this.name, errorType: 'unexpected_result', query },
      );
    }
  }

  private async post(
    path: string,
    form: URLSearchParams | undefined,
    query: string,
    signal?: AbortSignal,
  ): Promise<unknown> {
    const attempts = Math.max(1, this.retry.attempts);
    for (let attempt = 1; ; attempt++) {
      signal?.throwIfAborted();
      const outcome = await this.attempt(path, form, query, attempt, signal);
      if (!('error' in outcome)) {
        return outcome.data;
      }
      if (!outcome.retryable || attempt >= attempts) {
        // The message goes to the browser; where the server is, only to the log.
        this.logger?.info(`${outcome.error.message} at ${this.location}`);
        throw outcome.error;
      }
      const delay = backoffDelayMs(attempt, this.retry, outcome.retryAfterMs);
      this.logger?.warn(
        `${outcome.error.message} at ${this.location}; retry ${attempt} of ${
          attempts - 1
        } in ${delay} ms`,
      );
      await sleep(delay, undefined, { signal });
    }
  }

  private async attempt(
    path: string,
    form: URLSearchParams | undefined,
    query: string,
    attempt: number,
    signal?: AbortSignal,
  ): Promise<{ data: unknown } | Failure> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const tries = `${attempt} attempt${attempt > 1 ? 's' : ''}`;
    const unavailable = (
      message: string,
      details: { reason: 'timeout' | 'network' | 'http'; status?: number },
      cause?: unknown,
    ) =>
      new PrometheusUnavailableError(
        `${this.label} ${message} (${tries})`,
        { server: this.name, attempts: attempt, ...details },
        cause,
      );

    let status: number;
    let statusText: string;
    let retryAfter: string | null;
    let text: string;
    try {
      const response = await this.fetch(`${this.baseUrl}${path}`, {
        method: form ? 'POST' : 'GET',
        headers: {
          ...this.headers,
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
            `did not answer within ${this.timeoutMs / 1000} s`,
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

    let body: ApiBody | undefined;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (status >= 200 && status < 300 && body?.status === 'success') {
      if (body.warnings?.length) {
        this.logger?.warn(`${this.label} warned: ${body.warnings.join('; ')}`);
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
        `${this.label} rejected the query (${prometheusError.type}): ${prometheusError.message}`,
        { server: this.name, errorType: prometheusError.type, status, query },
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
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some(h => h.toLowerCase() === name);
}
