import type { BackupPolicyEntity } from '../kinds/BackupPolicyEntity';

/** The target name restore drills report with. @public */
export const RESTORE_TEST_TARGET = 'restore-test';

/** One run or copy: a source's copy, or a pushed report. @public */
export interface BackupRun {
  status: 'succeeded' | 'failed';
  finishedAt: Date;
  startedAt?: Date;
}

/**
 * What a source read for one target (the backend's `BackupReading` fits):
 * `copies` when it lists them, `lastSuccessAt` (even null) when it only
 * knows the newest good copy.
 *
 * @public
 */
export interface BackupObservation {
  copies: BackupRun[];
  lastSuccessAt?: Date | null;
  lastFailureAt?: Date | null;
  retentionFound?: number | null;
  details?: Record<string, string | number | boolean | null>;
  warning?: string;
}

/** The policy fields the maths needs. @public */
export type BackupPolicyFacts = Pick<
  BackupPolicyEntity['spec'],
  'rpo' | 'rto' | 'restoreTest'
> & { protects: string[] };
