import {
  CertificateThresholds,
  HealthCheck,
  HealthState,
  TlsCertificate,
} from '@unyo/plugin-ops-common';

/** One probe of one health URL. */
export interface ProbeResult {
  url: string;
  status: HealthState;
  /** Until the answer or the failure. */
  latencyMs: number;
  checks: HealthCheck[];
  /** The error, timeout or HTTP status when not plainly up. */
  message?: string;
  checkedAt: Date;
  /** What a `tls://` or `smtp+starttls://` URL presented. */
  certificate?: TlsCertificate;
}

export interface ProbeOptions {
  /** Gives up after this long: the endpoint is then `down`. */
  timeoutMs: number;
  /** Hosts that redirects may lead to (ops.health.allowedHosts). */
  allowedHosts: string[];
  /** Days-left thresholds of certificates (ops.health.tls). */
  certificateThresholds?: CertificateThresholds;
}

/** Probes one health URL; never throws, a failure is a `down` result. */
export interface HealthProbe {
  probe(url: URL, options: ProbeOptions): Promise<ProbeResult>;
}
