import { Entity } from '@backstage/catalog-model';
import {
  holdsData,
  RESTORE_TEST_TARGET,
  type BackupState,
  type BackupStatus,
} from '@unyo/plugin-ops-common';
import { KIND_BACKUP_POLICY } from '../constants';

/** The MUI colour of a backup state. */
export type BackupTone = 'success' | 'warning' | 'error' | 'default';

export function backupStateTone(state: BackupState | null): BackupTone {
  switch (state) {
    case 'ok':
      return 'success';
    case 'late':
      return 'warning';
    case 'breached':
    case 'failing':
      return 'error';
    default:
      return 'default';
  }
}

/**
 * The newest copy's age against the RPO: the bar's fill (0–100, full once
 * over) and the factor (1.5 = 1.5 × the RPO). Undefined without an age.
 */
export function rpoUsage(
  ageSeconds: number | null,
  rpoSeconds: number,
): { factor: number; fill: number; over: boolean } | undefined {
  if (ageSeconds === null || !(rpoSeconds > 0)) return undefined;
  const factor = Math.max(0, ageSeconds) / rpoSeconds;
  return { factor, fill: Math.min(100, factor * 100), over: factor > 1 };
}

/**
 * A declared duration (RPO, RTO) in its largest whole unit, as written in
 * the policy: 3600 → 1 hours, 5400 → 90 minutes.
 */
export function wholeUnit(seconds: number): {
  value: number;
  unit: 'seconds' | 'minutes' | 'hours' | 'days';
} {
  if (seconds >= 86400 && seconds % 86400 === 0) {
    return { value: seconds / 86400, unit: 'days' };
  }
  if (seconds >= 3600 && seconds % 3600 === 0) {
    return { value: seconds / 3600, unit: 'hours' };
  }
  if (seconds >= 60 && seconds % 60 === 0) {
    return { value: seconds / 60, unit: 'minutes' };
  }
  return { value: seconds, unit: 'seconds' };
}

/** `2.3×`: one decimal below 10, none above. */
export function factorText(factor: number): string {
  const digits = factor < 10 ? 1 : 0;
  return `${factor.toFixed(digits)}×`;
}

/** Seconds from `now` to an ISO time (negative when past); undefined without one. */
export function secondsUntil(
  iso: string | null | undefined,
  now: number,
): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : (t - now) / 1000;
}

/** The statuses of one policy: its targets in order, and its restore drill. */
export interface PolicyBackups {
  policyRef: string;
  rpoSeconds: number;
  rtoSeconds: number | null;
  targets: BackupStatus[];
  restoreTest?: BackupStatus;
}

/** Groups the API's rows by policy, keeping the API's order. */
export function groupByPolicy(items: BackupStatus[]): PolicyBackups[] {
  const groups = new Map<string, PolicyBackups>();
  for (const item of items) {
    let group = groups.get(item.policyRef);
    if (!group) {
      group = {
        policyRef: item.policyRef,
        rpoSeconds: item.rpoSeconds,
        rtoSeconds: item.rtoSeconds ?? null,
        targets: [],
      };
      groups.set(item.policyRef, group);
    }
    if (item.target === RESTORE_TEST_TARGET) group.restoreTest = item;
    else group.targets.push(item);
  }
  return [...groups.values()];
}

/**
 * Where the backups card belongs: BackupPolicy pages and every entity that
 * holds data by ops-common's rule (protected by a policy, or of a data type:
 * an unprotected database is a finding).
 *
 * @public
 */
export function isBackupRelevantEntity(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === KIND_BACKUP_POLICY ||
    holdsData(entity)
  );
}
