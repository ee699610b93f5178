import type { MetricSample, MetricSeries } from '@unyo/plugin-ops-node';

/**
 * One sample of an instant query: ops-node's `MetricSample`, which the
 * clients of metric-source modules answer too.
 */
export type InstantSample = MetricSample;

/** One series of a range query: ops-node's `MetricSeries`. */
export type RangeSeries = MetricSeries;

export interface InstantQueryOptions {
  /** Evaluation time; the server's "now" when omitted. */
  time?: Date;
  signal?: AbortSignal;
}

export interface RangeQueryOptions {
  start: Date;
  end: Date;
  stepSeconds: number;
  signal?: AbortSignal;
}

export interface EarliestSampleOptions {
  /** How far back from `time` to look, e.g. the SLO window. */
  lookbackSeconds: number;
  /** Precision of the answer; coarser is cheaper. Default 1h. */
  resolutionSeconds?: number;
  time?: Date;
  signal?: AbortSignal;
}

/** An alert of an alerting rule, as the rules API reports it. */
export interface PrometheusRuleAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  state: 'firing' | 'pending' | 'inactive';
  activeAt?: Date;
  /** The expression's value when the alert was last evaluated. */
  value: number;
}

/** An alerting rule with its evaluation (`/api/v1/rules`). */
export interface PrometheusAlertingRule {
  name: string;
  query: string;
  /** `for`, in seconds. */
  durationSeconds: number;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  alerts: PrometheusRuleAlert[];
  /** Prometheus < 2.35 has no rule state; derived from the alerts then. */
  state: 'firing' | 'pending' | 'inactive';
  health: string;
  lastError?: string;
  lastEvaluation?: Date;
  evaluationSeconds?: number;
}

export interface PrometheusRuleGroup {
  name: string;
  file: string;
  rules: PrometheusAlertingRule[];
}

/**
 * Queries one Prometheus-compatible server (Prometheus, Thanos, Mimir).
 * Failures throw `PrometheusUnavailableError` (the server could not answer)
 * or `PrometheusQueryError` (it refused the query).
 */
export interface PrometheusClient {
  /** The server's name in `ops.prometheus.servers`. */
  readonly name: string;
  instantQuery(
    query: string,
    options?: InstantQueryOptions,
  ): Promise<InstantSample[]>;
  rangeQuery(query: string, options: RangeQueryOptions): Promise<RangeSeries[]>;
  /**
   * When the oldest sample of `selector` within the lookback was taken, or
   * undefined when it has none: tells whether a window is fully covered by
   * the server's retention (docs/slo-math.md §6).
   */
  earliestSampleTime(
    selector: string,
    options: EarliestSampleOptions,
  ): Promise<Date | undefined>;
  /** The alerting rules with their state and active alerts. */
  rules(options?: { signal?: AbortSignal }): Promise<PrometheusRuleGroup[]>;
}
