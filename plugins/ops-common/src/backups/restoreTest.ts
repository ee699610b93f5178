import {
  RESTORE_TEST_TARGET,
  type BackupPolicyFacts,
  type BackupRun,
} from './backupRun';
import { backupGraceSeconds } from './backupGrace';
import { parseBackupDuration } from './duration';
import { durationOrNull, newest, newestRun, seconds } from './runTimes';
import type { BackupState, BackupStatus } from './types';

/**
 * The last restore drill and whether it met the RTO: `withinRto` is null
 * without an RTO or without a start time, false for a failed drill.
 *
 * @public
 */
export function lastRestoreTestOf(
  restoreTests: BackupRun[],
  rtoSeconds: number | null,
): BackupStatus['lastRestoreTest'] {
  const last = newestRun(restoreTests);
  if (!last) return null;
  const durationSeconds = last.startedAt
    ? seconds(last.startedAt, last.finishedAt)
    : null;
  let withinRto: boolean | null = null;
  if (last.status === 'failed') {
    withinRto = false;
  } else if (rtoSeconds !== null && durationSeconds !== null) {
    withinRto = durationSeconds <= rtoSeconds;
  }
  return {
    at: last.finishedAt.toISOString(),
    durationSeconds,
    status: last.status,
    withinRto,
  };
}

/**
 * The restore drill row (target `restore-test`) of a policy with
 * `restoreTest: { every }` or with reported drills. `unknown` without a
 * drill; `breached` when the newest drill succeeded but took longer than the
 * RTO; `failing` when it failed; `late` when the newest good drill is older
 * than `every` plus a grace period; else `ok`. `ageSeconds` is the age of
 * the newest good drill and `rpoSeconds` the policy's RPO, as on every row.
 *
 * @public
 */
export function evaluateRestoreTest(input: {
  policyRef: string;
  policy: BackupPolicyFacts;
  restoreTests: BackupRun[];
  now: Date;
}): BackupStatus {
  const { policy, restoreTests, now } = input;
  const rto = durationOrNull(policy.rto);
  const every = durationOrNull(policy.restoreTest?.every);
  const last = lastRestoreTestOf(restoreTests, rto);
  const lastGood = newest(
    restoreTests.filter(r => r.status === 'succeeded').map(r => r.finishedAt),
  );
  const age = lastGood ? seconds(lastGood, now) : null;
  const nextDue =
    every !== null && lastGood
      ? new Date(lastGood.getTime() + every * 1000)
      : null;
  let status: BackupState;
  let message: string | undefined;
  if (!last) {
    status = 'unknown';
    message = 'No restore drill has been reported';
  } else if (last.status === 'succeeded' && last.withinRto === false) {
    status = 'breached';
    message = `The last restore drill took ${last.durationSeconds} s, longer than the RTO (${policy.rto})`;
  } else if (last.status === 'failed') {
    status = 'failing';
    message = `The last restore drill failed at ${last.at}`;
  } else if (
    nextDue &&
    now.getTime() - nextDue.getTime() > backupGraceSeconds(every!) * 1000
  ) {
    status = 'late';
    message = `A restore drill was due at ${nextDue.toISOString()}`;
  } else {
    status = 'ok';
  }
  return {
    policyRef: input.policyRef,
    target: RESTORE_TEST_TARGET,
    source: { type: 'push' },
    lastSuccessAt: lastGood?.toISOString() ?? null,
    ageSeconds: age,
    rpoSeconds: parseBackupDuration(policy.rpo),
    rtoSeconds: rto,
    status,
    retention: { expected: null, found: null },
    lastRestoreTestAt: last?.at ?? null,
    lastRestoreTest: last,
    nextDueAt: nextDue?.toISOString() ?? null,
    lastFailureAt:
      last?.status === 'failed' && (!lastGood || new Date(last.at) > lastGood)
        ? last.at
        : null,
    ...(message ? { message } : {}),
    checkedAt: last?.at ?? null,
    protects: policy.protects,
  };
}
