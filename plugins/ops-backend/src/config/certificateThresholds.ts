import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  CertificateThresholds,
  DEFAULT_CERTIFICATE_THRESHOLDS,
} from '@unyo/plugin-ops-common';

const AT = 'ops.health.tls';

/** Reads `ops.health.tls` (days-left thresholds of certificates), defaults 30 and 7. */
export function readCertificateThresholds(
  config: Config | undefined,
): CertificateThresholds {
  const read = (key: keyof CertificateThresholds) => {
    const value =
      config?.getOptionalNumber(key) ?? DEFAULT_CERTIFICATE_THRESHOLDS[key];
    if (!Number.isInteger(value) || value < 0) {
      throw new InputError(
        `${AT}.${key} must be a whole number of days, 0 or more`,
      );
    }
    return value;
  };
  const thresholds = {
    warningDays: read('warningDays'),
    criticalDays: read('criticalDays'),
  };
  if (thresholds.criticalDays > thresholds.warningDays) {
    throw new InputError(
      `${AT}.criticalDays (${thresholds.criticalDays}) must not be more than ${AT}.warningDays (${thresholds.warningDays})`,
    );
  }
  return thresholds;
}
