/**
 * Demo data for Unyo: a deterministic model of the metrics declared in
 * examples/prometheus/metrics.yaml, its history as OpenMetrics for promtool,
 * and a live exporter that continues it.
 */
export { parseMetricsFile } from './model/parseMetricsFile';
export type {
  MetricsFile,
  ServiceSpec,
  Incident,
  ExtraMetric,
} from './model/types';
export { createModel } from './model/model';
export type { DemoModel } from './model/model';
export type { ModelOptions } from './model/service';
export { createSampler } from './model/sampler';
export { historySchedule } from './openmetrics/schedule';
export { writeHistory } from './openmetrics/writeHistory';
export { startExporter, DEFAULT_EXPORTER_PORT } from './exporter/server';
export { readAnchor, writeAnchor } from './state/anchor';
