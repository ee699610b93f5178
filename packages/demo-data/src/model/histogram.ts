import { LATENCY_BUCKETS, logNormalCdf, logNormalMean } from './latency';
import { ServiceModel } from './service';
import { CumulativeSeries, Labels } from './series';

/** The `le` label values in component order, +Inf last. */
export const LE_LABELS = [...LATENCY_BUCKETS.map(String), '+Inf'];

/**
 * A latency histogram for a share of the service's traffic. +Inf and _count
 * get the very same rate, so they stay equal after integration.
 */
export function latencyHistogram(
  model: ServiceModel,
  labels: Labels,
  trafficShare: number,
): CumulativeSeries {
  return {
    kind: 'cumulative',
    labels,
    presentAt: tick => !model.isDown(tick),
    ratesAt(tick) {
      const requests = model.trafficAt(tick) * trafficShare;
      const latency = model.latencyAt(tick);
      const rates: number[] = [];
      let share = 0;
      for (const le of LATENCY_BUCKETS) {
        // max() guards the cumulative order against rounding in the CDF.
        share = Math.max(share, logNormalCdf(latency, le));
        rates.push(requests * share);
      }
      rates.push(requests, requests, requests * logNormalMean(latency));
      return rates;
    },
  };
}
