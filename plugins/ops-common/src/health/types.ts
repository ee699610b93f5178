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
  /** How many probes the bucket holds (0: no data). */
  probes?: number;
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
  /** For `tls://` and `smtp+starttls://` URLs: the certificate last presented. */
  certificate?: TlsCertificate;
}

/**
 * How close a TLS certificate is to trouble: `warning` and `critical` by
 * days left (ops.health.tls), `critical` too when it has expired or does not
 * name the host.
 *
 * @public
 */
export type CertificateState = 'ok' | 'warning' | 'critical';

/**
 * Days-left thresholds of `ops.health.tls`.
 *
 * @public
 */
export interface CertificateThresholds {
  /** `warning` at or below this many days left. */
  warningDays: number;
  /** `critical` at or below this many days left. */
  criticalDays: number;
}

/**
 * The certificate a `tls://` (or `smtp+starttls://`) health URL presented.
 *
 * @public
 */
export interface TlsCertificate {
  state: CertificateState;
  /** Whole days until notAfter, rounded down; negative once expired. */
  daysLeft: number;
  /** ISO 8601. */
  notBefore: string;
  /** ISO 8601. */
  notAfter: string;
  /** The issuer's distinguished name, e.g. `CN=R11, O=Let's Encrypt, C=US`. */
  issuer: string;
  /** The subject's distinguished name. */
  subject: string;
  /** Names the certificate is for: subjectAltName DNS names and IP addresses. */
  names: string[];
  /** Whether the certificate is valid for the host of the URL. */
  nameMatches: boolean;
  /** Whether the chain verifies against the backend's trusted CAs. */
  chainVerified: boolean;
  /** Why the chain does not verify, e.g. `SELF_SIGNED_CERT_IN_CHAIN`. */
  chainError?: string;
}
