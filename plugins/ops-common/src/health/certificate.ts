import { CertificateState, CertificateThresholds, HealthState } from './types';

/** @public */
export const DEFAULT_CERTIFICATE_THRESHOLDS: CertificateThresholds = {
  warningDays: 30,
  criticalDays: 7,
};

const DAY_MS = 24 * 60 * 60 * 1000;

const HEALTH_OF: Record<CertificateState, HealthState> = {
  ok: 'up',
  warning: 'degraded',
  critical: 'down',
};

/** Whole days from `now` until `notAfter`, rounded down (−1 on the day after expiry). */
export function daysUntil(notAfter: Date, now: Date): number {
  return Math.floor((notAfter.getTime() - now.getTime()) / DAY_MS);
}

/**
 * The certificate's state, the health state it gives its endpoint
 * (ok → up, warning → degraded, critical → down, so the 24-hour strip
 * colours it) and what to say about it. An expired certificate or one for
 * another name is critical whatever the thresholds: clients refuse it.
 *
 * @public
 */
export function judgeCertificate(
  input: {
    notAfter: Date;
    nameMatches: boolean;
    host: string;
    now: Date;
  },
  thresholds: CertificateThresholds = DEFAULT_CERTIFICATE_THRESHOLDS,
): {
  state: CertificateState;
  health: HealthState;
  daysLeft: number;
  message?: string;
} {
  const daysLeft = daysUntil(input.notAfter, input.now);
  const problems: string[] = [];
  let state: CertificateState = 'ok';
  if (input.notAfter.getTime() <= input.now.getTime()) {
    state = 'critical';
    problems.push(`Certificate expired ${-daysLeft - 1} days ago`);
  } else if (daysLeft <= thresholds.criticalDays) {
    state = 'critical';
  } else if (daysLeft <= thresholds.warningDays) {
    state = 'warning';
  }
  if (state !== 'ok' && problems.length === 0) {
    problems.push(`Certificate expires in ${daysLeft} days`);
  }
  if (!input.nameMatches) {
    state = 'critical';
    problems.push(`Certificate name mismatch: not valid for ${input.host}`);
  }
  return {
    state,
    health: HEALTH_OF[state],
    daysLeft,
    ...(problems.length > 0 ? { message: problems.join('; ') } : {}),
  };
}
