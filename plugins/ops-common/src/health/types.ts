/**
 * The status vocabulary of health endpoints and their dependencies.
 *
 * @public
 */
export type HealthState = 'up' | 'degraded' | 'down' | 'unknown';

/**
 * One dependency reported in a health body, e.g. `database: connected`.
 *
 * @public
 */
export interface HealthCheck {
  name: string;
  status: HealthState;
  /** What else the body says about it, e.g. `latency_ms: 5, length: 42`. */
  detail?: string;
}

/**
 * One bucket of the 24-hour strip: the worst status probed in it.
 *
 * @public
 */
export interface HealthHistoryPoint {
  /** Start of the bucket, ISO 8601. */
  t: string;
  status: HealthState;
  /** The slowest probe of the bucket, if any answered. */
  latencyMs: number | null;
}

/**
 * The health of one endpoint of an entity (`GET /api/ops/health`).
 *
 * @public
 */
export interface HealthStatus {
  url: string;
  status: HealthState;
  /** Time to the answer (or to the failure); null when not probed. */
  latencyMs: number | null;
  checks: HealthCheck[];
  /** When it was last probed, ISO 8601; null when never. */
  checkedAt: string | null;
  /** Since when the status is what it is now, ISO 8601; null when never probed. */
  since: string | null;
  /** Share of probes that found the endpoint serving (up or degraded), 0–1; null without probes. */
  uptime: { '24h': number | null; '7d': number | null };
  /** Why the status is what it is: an error, a timeout, or why it is not probed. */
  message?: string;
  /** Whether the backend probes this URL (false: outside ops.health.allowedHosts). */
  probed?: boolean;
  /** The last 24 hours in buckets, oldest first. */
  history?: HealthHistoryPoint[];
}
