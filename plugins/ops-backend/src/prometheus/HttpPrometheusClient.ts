import { setTimeout as sleep } from 'node:timers/promises';
import { LoggerService } from '@backstage/backend-plugin-api';
import { OpsServerConfig } from '../config/OpsConfig';
import { attemptRequest } from './attemptRequest';
import { DEFAULT_RETRY, RetryOptions, backoffDelayMs } from './backoff';
import { PrometheusQueryError } from './errors';
import { parseInstantData, parseRangeData } from './parseResponse';
import { PrometheusServer, prometheusServerOf } from './prometheusServer';
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

/** Unix seconds with millisecond precision, as the Prometheus API takes them. */
function unixSeconds(date: Date): string {
  return (date.getTime() / 1000).toString();
}

/**
 * Queries one Prometheus-compatible server over its HTTP API. Queries are
 * POSTed form-encoded, as long batched selectors exceed URL limits. Every
 * request carries the configured headers (auth, `X-Scope-OrgID`) and its own
 * timeout; network errors, 429 and 5xx are retried with backoff.
 */
export class HttpPrometheusClient implements PrometheusClient {
  readonly name: string;
  private readonly server: PrometheusServer;
  private readonly retry: RetryOptions;
  private readonly config: OpsServerConfig;

  constructor(
    options: HttpPrometheusClientOptions,
    server: PrometheusServer = prometheusServerOf(
      options.server,
      options.fetch ?? globalThis.fetch,
      options.logger,
    ),
  ) {
    this.config = options.server;
    this.server = server;
    this.name = this.server.name;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
  }

  /** The same server (connection, headers) with other retries. */
  withRetry(retry: Partial<RetryOptions>): HttpPrometheusClient {
    return new HttpPrometheusClient(
      { server: this.config, retry: { ...this.retry, ...retry } },
      this.server,
    );
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
        `${this.server.label} gave an unusable result for the query: ${
          (error as Error).message
        }`,
        { server: this.server.name, errorType: 'unexpected_result', query },
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
      const outcome = await attemptRequest(
        this.server,
        path,
        form,
        query,
        attempt,
        signal,
      );
      if (!('error' in outcome)) {
        return outcome.data;
      }
      if (!outcome.retryable || attempt >= attempts) {
        // The message goes to the browser; where the server is, only to the log.
        this.server.logger?.info(
          `${outcome.error.message} at ${this.server.location}`,
        );
        throw outcome.error;
      }
      const delay = backoffDelayMs(attempt, this.retry, outcome.retryAfterMs);
      this.server.logger?.warn(
        `${outcome.error.message} at ${
          this.server.location
        }; retry ${attempt} of ${attempts - 1} in ${delay} ms`,
      );
      await sleep(delay, undefined, { signal });
    }
  }
}
