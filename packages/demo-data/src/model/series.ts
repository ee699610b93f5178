export type Labels = Record<string, string>;

/**
 * A counter or a histogram: rates per second that hold for a whole tick. The
 * sampler integrates them, so the exposed values never decrease.
 * A histogram's components are its buckets (ascending `le`, +Inf last), then
 * `_count`, then `_sum`.
 */
export interface CumulativeSeries {
  kind: 'cumulative';
  labels: Labels;
  ratesAt(tick: number): number[];
  /** False while the service is down: the scrape fails, so there is no sample. */
  presentAt(tick: number): boolean;
}

export interface GaugeSeries {
  kind: 'gauge';
  labels: Labels;
  valueAt(tick: number): number;
  presentAt(tick: number): boolean;
}

export type Series = CumulativeSeries | GaugeSeries;

export interface MetricFamily {
  /** The sample name for gauges and counters, the base name for histograms. */
  name: string;
  type: 'counter' | 'gauge' | 'histogram';
  help: string;
  series: Series[];
}
