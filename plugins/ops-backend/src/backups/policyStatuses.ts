import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  BackupPolicyEntity,
  BackupRun,
  BackupStatus,
  BackupTarget,
  evaluateBackupTarget,
  evaluateRestoreTest,
  RESTORE_TEST_TARGET,
} from '@unyo/plugin-ops-common';
import {
  BackupSourceConnection,
  BackupSourceReader,
} from '@unyo/plugin-ops-node';
import {
  BackupStore,
  readingKey,
  StoredBackupReading,
  StoredBackupReport,
} from './BackupStore';
import { guarded } from './guardedStatus';
import { factsOf } from './policyFacts';
import { resolveSource } from './resolveSource';

/** Reports read per policy for the status (pushed targets read their own). */
const REPORTS_PER_POLICY = 2000;

/** What the statuses are computed from. */
export interface PolicyStatusSources {
  store: BackupStore;
  readers: ReadonlyMap<string, BackupSourceReader>;
  connections: BackupSourceConnection[];
  /** Said of a target whose source the task has not read yet. */
  notReadYetMessage: string;
}

const toRun = (r: StoredBackupReport): BackupRun => ({
  status: r.status,
  startedAt: r.startedAt,
  finishedAt: r.finishedAt,
});

/**
 * The status now of every target of the policies, and of their restore
 * drills, from the stored readings and pushed reports.
 */
export async function policyStatuses(
  sources: PolicyStatusSources,
  policies: BackupPolicyEntity[],
  clock: () => Date,
): Promise<BackupStatus[]> {
  const { store } = sources;
  const refs = policies.map(p => stringifyEntityRef(p));
  const readings = await store.getReadings(refs);
  const now = clock();
  const perPolicy = await Promise.all(
    policies.map(async policy => {
      const policyRef = stringifyEntityRef(policy);
      const reports = await store.listReports([policyRef], {
        limit: REPORTS_PER_POLICY,
      });
      const restoreTests = reports
        .filter(r => r.target === RESTORE_TEST_TARGET)
        .map(toRun);
      const rows = await Promise.all(
        policy.spec.targets.map(target =>
          targetStatus(sources, {
            policy,
            policyRef,
            target,
            stored: readings.get(readingKey(policyRef, target.name)),
            reports: reports.filter(r => r.target === target.name).map(toRun),
            restoreTests,
            now,
          }),
        ),
      );
      if (policy.spec.restoreTest || restoreTests.length) {
        rows.push(
          guarded(policyRef, RESTORE_TEST_TARGET, policy, () =>
            evaluateRestoreTest({
              policyRef,
              policy: factsOf(policy),
              restoreTests,
              now,
            }),
          ),
        );
      }
      return rows;
    }),
  );
  return perPolicy.flat();
}

async function targetStatus(
  sources: PolicyStatusSources,
  options: {
    policy: BackupPolicyEntity;
    policyRef: string;
    target: BackupTarget;
    stored?: StoredBackupReading;
    reports: BackupRun[];
    restoreTests: BackupRun[];
    now: Date;
  },
): Promise<BackupStatus> {
  const { policy, policyRef, target, stored, reports, restoreTests, now } =
    options;
  const base = {
    policyRef,
    policy: factsOf(policy),
    target,
    restoreTests,
    now,
  };
  const resolved = resolveSource(target, sources.connections, sources.readers);
  if ('error' in resolved) {
    return guarded(policyRef, target.name, policy, () =>
      evaluateBackupTarget({
        ...base,
        reports,
        sourceError: resolved.error,
      }),
    );
  }
  if (target.source.type === 'push') {
    // Pushed runs are in this database already: read live, so a report
    // shows at once.
    const value = await resolved.reader.read({ policy, target, now });
    return guarded(policyRef, target.name, policy, () =>
      evaluateBackupTarget({ ...base, reading: { value, checkedAt: now } }),
    );
  }
  return guarded(policyRef, target.name, policy, () => {
    const status = evaluateBackupTarget({
      ...base,
      reports,
      reading:
        stored?.reading && stored.checkedAt
          ? { value: stored.reading, checkedAt: stored.checkedAt }
          : null,
      sourceError: stored?.error ?? undefined,
    });
    return !stored && status.status === 'unknown'
      ? { ...status, message: sources.notReadYetMessage }
      : status;
  });
}
