import type { BackupSourceType, BackupType } from '../kinds/BackupPolicyEntity';

/**
 * A target's backup state against its schedule and the policy's RPO:
 * `ok` within schedule; `late` a scheduled run is overdue but the RPO still
 * holds; `breached` the newest good copy is older than the RPO; `failing` the
 * latest run failed (or the source reports failures); `unknown` never read.
 *
 * @public
 */
export type BackupState = 'ok' | 'late' | 'breached' | 'failing' | 'unknown';

/**
 * The status of one target of one BackupPolicy (`GET /api/ops/backups`).
 * Contract fields as docs/api.md lists them; the rest are additions.
 *
 * @public
 */
export interface BackupStatus {
  /** e.g. `backuppolicy:default/mairust-db-backups`. */
  policyRef: string;
  /** The target's name in the policy (`restore-test` is the restore drill row). */
  target: string;
  type?: BackupType;
  source: { type: BackupSourceType; connection?: string };
  /** Newest good copy, ISO 8601; null when none was found. */
  lastSuccessAt: string | null;
  ageSeconds: number | null;
  rpoSeconds: number;
  /**
   * The policy's RPO, when this target is scheduled less often and is held
   * to its own schedule interval (`rpoSeconds`) instead.
   */
  policyRpoSeconds?: number;
  rtoSeconds?: number | null;
  status: BackupState;
  /** Copies expected by the retention and schedule, and copies found; null when the source cannot tell. */
  retention: { expected: number | null; found: number | null };
  lastRestoreTestAt: string | null;
  /** Restore drill: how long the last one took, and whether it met the RTO. */
  lastRestoreTest?: {
    at: string;
    durationSeconds: number | null;
    status: 'succeeded' | 'failed';
    withinRto: boolean | null;
  } | null;
  /** When the next scheduled run is due, ISO 8601, when the target has a schedule. */
  nextDueAt?: string | null;
  /** The latest failed run, when newer than the last success. */
  lastFailureAt?: string | null;
  /** Why the status is what it is, or the source's error. */
  message?: string;
  /** The source could not be read now: the figures are the last good reading, of this age. */
  sourceError?: string;
  /** When the source was last read successfully, ISO 8601. */
  checkedAt: string | null;
  staleSeconds?: number;
  /** The protected entities (spec.protects). */
  protects: string[];
  /** Extra facts from the source, e.g. pgBackRest's archive range, WAL archiver failures. */
  details?: Record<string, string | number | boolean | null>;
}

/** @public */
export interface BackupsResponse {
  items: BackupStatus[];
  /** Config keys that are not set, e.g. `ops.backups.sources`. */
  notConfigured?: string[];
}

/**
 * Body of `POST /api/ops/backups/reports`, sent by backup jobs and restore
 * drills (target `restore-test`).
 *
 * @public
 */
export interface BackupReport {
  policyRef: string;
  target: string;
  status: 'succeeded' | 'failed';
  startedAt: string;
  finishedAt: string;
  sizeBytes?: number;
  location?: string;
  message?: string;
}

/**
 * A system's backup coverage (`GET /api/ops/backups/coverage?entityRef=system:...`):
 * each database/bucket-like resource of the system and the policies protecting it.
 *
 * @public
 */
export interface BackupCoverage {
  entityRef: string;
  items: Array<{
    entityRef: string;
    kind: string;
    type?: string;
    policies: string[];
    /** Worst status over the policies' targets; null when unprotected. */
    status: BackupState | null;
  }>;
  covered: number;
  total: number;
}
