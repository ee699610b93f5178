/** The shape of `examples/prometheus/metrics.yaml`, see docs/demo-metrics.md. */

export type Family = 'http' | 'grpc' | 'up';

export interface ExtraMetric {
  name: string;
  type: 'gauge' | 'counter';
  help: string;
  labels: Record<string, string>;
  /** Baseline value; for a counter the increase per second. */
  value: number;
  /** Relative noise around the baseline. */
  jitter: number;
  incidentValue?: number;
}

export interface Incident {
  startDaysAgo: number;
  durationMinutes: number;
  errorRatio?: number;
  latencyFactor: number;
  down: boolean;
  metrics: string[];
  ongoing: boolean;
}

export interface ServiceSpec {
  service: string;
  system: string;
  families: Family[];
  requestsPerSecond: number;
  errorRatio: number;
  latencySeconds: { p50: number; p99: number };
  grpc?: { service: string; methods: string[] };
  extra: ExtraMetric[];
  incidents: Incident[];
}

export interface MetricsFile {
  services: ServiceSpec[];
}
