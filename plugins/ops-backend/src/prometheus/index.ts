export type {
  InstantSample,
  RangeSeries,
  InstantQueryOptions,
  RangeQueryOptions,
  EarliestSampleOptions,
  PrometheusClient,
  PrometheusRuleGroup,
  PrometheusAlertingRule,
  PrometheusRuleAlert,
} from './types';
export { PrometheusQueryError, PrometheusUnavailableError } from './errors';
export type { RetryOptions } from './backoff';
export {
  HttpPrometheusClient,
  type HttpPrometheusClientOptions,
} from './HttpPrometheusClient';
export {
  createPrometheusClients,
  type PrometheusClients,
  type PrometheusClientsOptions,
} from './PrometheusClients';
export {
  escapeLabelValue,
  escapeRegex,
  formatDuration,
  formatMatchers,
  formatSelector,
  increaseQuery,
  parseSelector,
  type IncreaseQueryOptions,
  type LabelMatcher,
  type MatcherOp,
  type ParsedSelector,
} from './promql';
export {
  batchIncreaseQueries,
  splitIncreaseResult,
  type IncreaseBatch,
  type IncreaseBatchOptions,
  type IncreaseRequest,
} from './increaseBatches';
