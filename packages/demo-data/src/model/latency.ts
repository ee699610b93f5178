/**
 * Latencies follow a log-normal distribution fitted to the p50 and p99 of
 * metrics.yaml; the bucket shares are its CDF at each `le`.
 */

/** The `le` bounds of every generated histogram (docs/demo-metrics.md). */
export const LATENCY_BUCKETS = [0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 3, 5, 10];

const Z99 = 2.3263478740408408;

export interface LogNormal {
  mu: number;
  sigma: number;
}

export function fitLogNormal(p50: number, p99: number): LogNormal {
  return { mu: Math.log(p50), sigma: (Math.log(p99) - Math.log(p50)) / Z99 };
}

/** Share of requests at or below `le` seconds. */
export function logNormalCdf(d: LogNormal, le: number): number {
  return 0.5 * (1 + erf((Math.log(le) - d.mu) / (d.sigma * Math.SQRT2)));
}

export function logNormalMean(d: LogNormal): number {
  return Math.exp(d.mu + (d.sigma * d.sigma) / 2);
}

/** Abramowitz & Stegun 7.1.26; absolute error below 1.5e-7, monotonic. */
export function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const poly =
    t *
    (0.254829592 +
      t *
        (-0.284496736 +
          t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return sign * (1 - poly * Math.exp(-a * a));
}
