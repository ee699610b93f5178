import type { BackupDuration } from '../kinds/BackupPolicyEntity';

const UNIT_SECONDS: Record<string, number> = {
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
  w: 7 * 86400,
};

/**
 * Seconds in a BackupPolicy duration (`30s`, `5m`, `6h`, `1d`, `4w`), the
 * pattern of the BackupPolicy schema. Days are 86,400 s: an RPO is a span of
 * time, not a calendar date. Throws naming the value when it is malformed.
 *
 * @public
 */
export function parseBackupDuration(duration: BackupDuration): number {
  const match = /^([0-9]+)(s|m|h|d|w)$/.exec(String(duration).trim());
  if (!match) {
    throw new Error(
      `"${duration}" is not a backup duration (a number and one of s m h d w, e.g. 6h)`,
    );
  }
  return Number(match[1]) * UNIT_SECONDS[match[2]];
}
