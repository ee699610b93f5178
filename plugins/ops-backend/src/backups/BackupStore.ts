import { BackupReport } from '@unyo/plugin-ops-common';
import { BackupReading } from '@unyo/plugin-ops-node';

/** A validated `POST /backups/reports` body. */
export interface BackupReportInput {
  policyRef: string;
  target: string;
  status: 'succeeded' | 'failed';
  startedAt: Date;
  finishedAt: Date;
  sizeBytes?: number;
  location?: string;
  message?: string;
}

/** A pushed run as stored, with when it arrived. */
export interface StoredBackupReport
  extends Omit<BackupReport, 'startedAt' | 'finishedAt'> {
  id: string;
  startedAt: Date;
  finishedAt: Date;
  receivedAt: Date;
}

/** The runs jobs and drills pushed (`POST /backups/reports`). */
export interface BackupReportStore {
  addReport(
    report: BackupReportInput & { receivedAt: Date },
  ): Promise<StoredBackupReport>;
  /**
   * A policy's reports, newest (by finishedAt) first; only `target`'s when
   * given, only those finished after `since` when given, at most `limit`.
   */
  listReports(
    policyRefs: string[],
    options?: { target?: string; since?: Date; limit?: number },
  ): Promise<StoredBackupReport[]>;
}

/** The last attempt to read one target's source. */
export interface StoredBackupReading {
  policyRef: string;
  target: string;
  /** The last good reading; null when the source was never read. */
  reading: BackupReading | null;
  checkedAt: Date | null;
  attemptedAt: Date;
  /** Why the last attempt failed; null when it succeeded. */
  error: string | null;
}

/** Reports and the last reading per policy target. */
export interface BackupStore extends BackupReportStore {
  saveReading(
    policyRef: string,
    target: string,
    reading: BackupReading,
    at: Date,
  ): Promise<void>;
  /** Records a failed attempt, keeping the last good reading. */
  saveError(
    policyRef: string,
    target: string,
    error: string,
    at: Date,
  ): Promise<void>;
  /** Keyed by {@link readingKey}. */
  getReadings(policyRefs: string[]): Promise<Map<string, StoredBackupReading>>;
  /** Deletes reports finished before `before`; returns how many. */
  pruneReports(before: Date): Promise<number>;
}

export function readingKey(policyRef: string, target: string): string {
  return `${policyRef}\u0000${target}`;
}
