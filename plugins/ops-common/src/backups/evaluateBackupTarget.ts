import type {
  BackupSourceType,
  BackupTarget,
} from '../kinds/BackupPolicyEntity';
import type {
  BackupObservation,
  BackupPolicyFacts,
  BackupRun,
} from './backupRun';
import { backupGraceSeconds } from './backupGrace';
import { parseBackupDuration } from './duration';
import { lastRestoreTestOf } from './restoreTest';
import { expectedRetention, foundRetention } from './retention';
import { durationOrNull, newest, seconds } from './runTimes';
import {
  nextFireTime,
  previousFireTime,
  scheduleIntervalSeconds,
} from './schedule';
import type { BackupState, BackupStatus } from './types';

/** @public */
export interface EvaluateBackupTargetInput {
  policyRef: string;
  policy: BackupPolicyFacts;
  target: BackupTarget;
  /** The last good reading of the source and when it was taken; null if never. */
  reading?: { value: BackupObservation; checkedAt: Date } | null;
  /** Why the source could not be read now (or at all). */
  sourceError?: string;
  /**
   * Runs the backup job pushed for this target, besides the source's reading
   * (for a `push` target the reading already holds them: leave this empty).
   * They count for the newest success and failure, not for retention.
   */
  reports?: BackupRun[];
  /** Restore drills of the policy (target `restore-test`). */
  restoreTests?: BackupRun[];
  now: Date;
  /** Overrides {@link backupGraceSeconds}. */
  graceSeconds?: number;
}

/**
 * The status of one target of a BackupPolicy. Precedence, first match wins:
 *
 * 1. `unknown`: the source was never read, or it found no run at all.
 * 2. `breached`: the newest good copy is older than the RPO. A target
 *    scheduled less often than the policy's RPO (a daily dump under a 1 h
 *    RPO that the hourly WAL carries) is held to its own interval instead:
 *    `rpoSeconds` is then the interval and `policyRpoSeconds` the policy's.
 *    No good copy at all but failed runs is `breached` too.
 * 3. `failing`: the newest run failed, or the source warns of failures.
 * 4. `late`: the newest scheduled run (cron fire time, or last success plus
 *    `every`) is overdue by more than the grace period while the RPO holds.
 *    A target without a schedule is judged on the RPO only.
 * 5. `ok`.
 *
 * When the source cannot be read now (`sourceError`), the last good reading
 * is judged at `now` (so its age keeps growing) and `staleSeconds` says how
 * old the reading is.
 *
 * @public
 */
export function evaluateBackupTarget(
  input: EvaluateBackupTargetInput,
): BackupStatus {
  const { policy, target, now, sourceError } = input;
  const reading = input.reading?.value;
  const reports = input.reports ?? [];
  const policyRpo = parseBackupDuration(policy.rpo);
  const rto = durationOrNull(policy.rto);
  const schedule = target.schedule;
  const interval = schedule ? scheduleIntervalSeconds(schedule, now) : null;
  const rpo = interval !== null && interval > policyRpo ? interval : policyRpo;
  const restoreTest = lastRestoreTestOf(input.restoreTests ?? [], rto);

  const runs = [...(reading?.copies ?? []), ...reports];
  const lastSuccess = newest([
    reading?.lastSuccessAt,
    ...runs.filter(r => r.status === 'succeeded').map(r => r.finishedAt),
  ]);
  const lastFailure = newest([
    reading?.lastFailureAt,
    ...runs.filter(r => r.status === 'failed').map(r => r.finishedAt),
  ]);
  const failedLast =
    lastFailure !== null && (!lastSuccess || lastFailure > lastSuccess);
  const age = lastSuccess ? seconds(lastSuccess, now) : null;

  let nextDue: Date | null = null;
  let overdueSince: Date | null = null;
  if (schedule && interval !== null) {
    const grace = input.graceSeconds ?? backupGraceSeconds(interval);
    if ('cron' in schedule) {
      nextDue = nextFireTime(schedule, now);
      const due = previousFireTime(
        schedule,
        new Date(now.getTime() - grace * 1000),
      );
      if (due && (!lastSuccess || lastSuccess < due)) overdueSince = due;
    } else if (lastSuccess) {
      nextDue = new Date(lastSuccess.getTime() + interval * 1000);
      if (now.getTime() - nextDue.getTime() > grace * 1000) {
        overdueSince = nextDue;
      }
    }
  }

  let status: BackupState;
  let message: string | undefined;
  if (!input.reading && reports.length === 0) {
    status = 'unknown';
    message = sourceError ?? 'Not read yet';
  } else if (!lastSuccess && !lastFailure) {
    status = 'unknown';
    message = 'The source found no backup of this target';
  } else if (!lastSuccess) {
    status = 'breached';
    message = 'No good copy: every run found failed';
  } else if (age! > rpo) {
    status = 'breached';
    message = `The newest good copy is older than the RPO (${
      rpo === policyRpo ? policy.rpo : `the ${interval} s schedule interval`
    })`;
  } else if (failedLast || reading?.warning) {
    status = 'failing';
    message = failedLast
      ? `The latest run failed at ${lastFailure!.toISOString()}`
      : reading!.warning;
  } else if (overdueSince) {
    status = 'late';
    message = `The run due at ${overdueSince.toISOString()} has not produced a copy`;
  } else {
    status = 'ok';
  }

  return {
    policyRef: input.policyRef,
    target: target.name,
    ...(target.type ? { type: target.type } : {}),
    source: sourceOf(target),
    lastSuccessAt: lastSuccess?.toISOString() ?? null,
    ageSeconds: age,
    rpoSeconds: rpo,
    ...(rpo !== policyRpo ? { policyRpoSeconds: policyRpo } : {}),
    rtoSeconds: rto,
    status,
    retention: {
      expected: expectedRetention(target, now),
      found: foundRetention(target, reading, now),
    },
    lastRestoreTestAt: restoreTest?.at ?? null,
    lastRestoreTest: restoreTest,
    nextDueAt: nextDue?.toISOString() ?? null,
    lastFailureAt: failedLast ? lastFailure!.toISOString() : null,
    ...(message ? { message } : {}),
    ...(sourceError ? { sourceError } : {}),
    checkedAt: input.reading?.checkedAt.toISOString() ?? null,
    ...(sourceError && input.reading
      ? { staleSeconds: seconds(input.reading.checkedAt, now) }
      : {}),
    protects: policy.protects,
    ...(reading?.details ? { details: reading.details } : {}),
  };
}

function sourceOf(target: BackupTarget): {
  type: BackupSourceType;
  connection?: string;
} {
  return {
    type: target.source.type,
    ...(target.source.connection
      ? { connection: target.source.connection }
      : {}),
  };
}
