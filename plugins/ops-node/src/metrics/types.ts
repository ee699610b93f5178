import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';

/**
 * One sample of an instant query: a vector element, or a scalar (no labels).
 *
 * @public
 */
export interface MetricSample {
  labels: Record<string, string>;
  /** May be NaN or ±Infinity, as the source computes them (e.g. 0/0). */
  value: number;
  timestamp: Date;
}

/**
 * One series of a range query.
 *
 * @public
 */
export interface MetricSeries {
  labels: Record<string, string>;
  values: Array<[Date, number]>;
}

/**
 * Queries one metric server with PromQL, the language SLO entities are
 * written in (docs/custom-module.md). A source that speaks another language
 * (Datadog) translates; a Thanos- or Mimir-specific one adds its own request
 * options. Failures throw with a message naming the server.
 *
 * @public
 */
export interface MetricQueryClient {
  /** The server's name, as SLOs reference it (`metricSourceRef`). */
  readonly name: string;
  instantQuery(
    query: string,
    options?: { time?: Date; signal?: AbortSignal },
  ): Promise<MetricSample[]>;
  rangeQuery(
    query: string,
    options: {
      start: Date;
      end: Date;
      stepSeconds: number;
      signal?: AbortSignal;
    },
  ): Promise<MetricSeries[]>;
  /**
   * When the oldest sample of `selector` within the lookback was taken, or
   * undefined when it has none: tells whether an SLO window is fully covered
   * by the server's retention.
   */
  earliestSampleTime(
    selector: string,
    options: {
      lookbackSeconds: number;
      resolutionSeconds?: number;
      time?: Date;
      signal?: AbortSignal;
    },
  ): Promise<Date | undefined>;
}

/**
 * A kind of metric server SLOs can be evaluated against. The backend's own
 * type is `prometheus` (Prometheus, Thanos, Mimir, Cortex query APIs).
 *
 * @public
 */
export interface MetricSourceType {
  /** The type name, e.g. `prometheus`, `datadog`. */
  readonly type: string;
  /** A client for one configured server (`config` holds its keys). */
  createClient(options: {
    name: string;
    config: Config;
    logger: LoggerService;
  }): MetricQueryClient;
}
