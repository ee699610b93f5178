import type { BackupTarget } from '../kinds/BackupPolicyEntity';
import type { BackupObservation } from './backupRun';
import { parseBackupDuration } from './duration';
import { countCronFires } from './schedule';

/**
 * Copies the retention and schedule should keep: `retentionCount` when
 * given; else the retention span divided by `every`, or the number of cron
 * fire times in the span ending `now`; null without a retention or schedule.
 *
 * @public
 */
export function expectedRetention(
  target: BackupTarget,
  now: Date,
): number | null {
  if (target.retentionCount !== undefined) return target.retentionCount;
  if (!target.retention || !target.schedule) return null;
  const span = parseBackupDuration(target.retention);
  if ('every' in target.schedule) {
    return Math.floor(span / parseBackupDuration(target.schedule.every));
  }
  return countCronFires(target.schedule, span, now);
}

/**
 * Copies found: the source's own count when it gives one; else the good
 * copies it listed within the retention span (all of them without a
 * retention); null when the source only knows the newest copy.
 *
 * @public
 */
export function foundRetention(
  target: BackupTarget,
  reading: BackupObservation | undefined,
  now: Date,
): number | null {
  if (!reading) return null;
  if (reading.retentionFound !== undefined && reading.retentionFound !== null) {
    return reading.retentionFound;
  }
  if (reading.copies.length === 0 && reading.lastSuccessAt !== undefined) {
    return null;
  }
  const good = reading.copies.filter(c => c.status === 'succeeded');
  if (!target.retention) return good.length;
  const from = now.getTime() - parseBackupDuration(target.retention) * 1000;
  return good.filter(c => c.finishedAt.getTime() > from).length;
}
