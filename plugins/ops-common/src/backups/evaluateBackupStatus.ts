import type {
  BackupPolicyEntity,
  BackupSourceType,
  BackupTarget,
} from '../kinds/BackupPolicyEntity';
import { parseBackupDuration } from './duration';
import {
  countCronFires,
  nextFireTime,
  previousFireTime,
  scheduleIntervalSeconds,
} from './schedule';
import type { BackupState, BackupStatus } from './types';

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
 * How long a scheduled run may be overdue before the target is `late`: a
 * quarter of the interval, at least 5 minutes and at most 2 hours (a dump
 * takes time; an hourly job is late after 15 minutes, a daily one after 2 h).
 *
 * @public
 */
export function backupGraceSeconds(intervalSeconds: number): number {
  return Math.min(Math.max(intervalSeconds / 4, 300), 7200);
}

function newest(dates: Array<Date | null | undefined>): Date | null {
  let best: Date | null = null;
  for (const d of dates) {
    if (d && !Number.isNaN(d.getTime()) && (!best || d > best)) best = d;
  }
  return best;
}

function newestRun(runs: BackupRun[]): BackupRun | null {
  let best: BackupRun | null = null;
  for (const run of runs) {
    if (!best || run.finishedAt > best.finishedAt) best = run;
  }
  return best;
}

function seconds(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / 1000));
}

function durationOrNull(value: string | undefined): number | null {
  return value === undefined ? null : parseBackupDuration(value);
}

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

const SEVERITY: Record<BackupState, number> = {
  ok: 0,
  unknown: 1,
  late: 2,
  failing: 3,
  breached: 4,
};

/** The worst of some states (breached, failing, late, unknown, ok in that order); null for none. @public */
export function worstBackupState(states: BackupState[]): BackupState | null {
  let worst: BackupState | null = null;
  for (const s of states) {
    if (worst === null || SEVERITY[s] > SEVERITY[worst]) worst = s;
  }
  return worst;
}
