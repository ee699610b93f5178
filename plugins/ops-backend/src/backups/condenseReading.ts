import { BackupTarget, foundRetention } from '@unyo/plugin-ops-common';
import { BackupReading } from '@unyo/plugin-ops-node';

/** Copies kept per stored reading: enough for any retention count shown. */
export const MAX_STORED_COPIES = 1000;

/**
 * Trims a reading before it is stored: a bucket may hold millions of
 * objects, the card needs the newest ones and the counts. What is cut is
 * summed up first (newest success and failure, retention found), so the
 * status computed from the stored reading is the same.
 */
export function condenseReading(
  reading: BackupReading,
  target: BackupTarget,
  now: Date,
): BackupReading {
  if (reading.copies.length <= MAX_STORED_COPIES) return reading;
  const copies = [...reading.copies].sort(
    (a, b) => b.finishedAt.getTime() - a.finishedAt.getTime(),
  );
  const newestOf = (status: 'succeeded' | 'failed') =>
    copies.find(c => c.status === status)?.finishedAt ?? null;
  return {
    ...reading,
    copies: copies.slice(0, MAX_STORED_COPIES),
    lastSuccessAt: reading.lastSuccessAt ?? newestOf('succeeded'),
    lastFailureAt: reading.lastFailureAt ?? newestOf('failed'),
    retentionFound:
      reading.retentionFound ?? foundRetention(target, reading, now),
  };
}
