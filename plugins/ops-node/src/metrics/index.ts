export type {
  MetricQueryClient,
  MetricSample,
  MetricSeries,
  MetricSourceType,
} from './types';
