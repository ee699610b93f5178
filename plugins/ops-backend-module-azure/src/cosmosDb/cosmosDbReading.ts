import type {
  ContinuousModeBackupPolicy,
  DatabaseAccountGetResults,
  PeriodicModeBackupPolicy,
  RestorableDatabaseAccountGetResult,
} from '@azure/arm-cosmosdb';
import type { BackupReading } from '@unyo/plugin-ops-node';

/** Azure's defaults for a periodic policy that leaves them out. */
const DEFAULT_INTERVAL_MINUTES = 240;
const DEFAULT_RETENTION_HOURS = 8;
/** Azure keeps at least two periodic copies. */
const MIN_PERIODIC_COPIES = 2;
/**
 * Azure documents continuous backup's RPO as about 100 seconds: changes
 * are backed up continuously, so the latest restorable point lags that much.
 */
export const CONTINUOUS_RPO_SECONDS = 100;

const CONTINUOUS_RETENTION_DAYS: Record<string, number> = {
  Continuous7Days: 7,
  Continuous30Days: 30,
};

/**
 * Periodic mode: Azure takes a full backup every `backupIntervalInMinutes`
 * and keeps each for `backupRetentionIntervalInHours`, but lists none of
 * them. So the newest backup is inferred to be at most one interval old
 * (a configured interval longer than the RPO then shows as a breach), and
 * the copies kept are retention ÷ interval (at least 2).
 */
export function periodicReading(
  account: DatabaseAccountGetResults,
  policy: PeriodicModeBackupPolicy,
  now: Date,
): BackupReading {
  const props = policy.periodicModeProperties ?? {};
  const interval = props.backupIntervalInMinutes ?? DEFAULT_INTERVAL_MINUTES;
  const retentionHours =
    props.backupRetentionIntervalInHours ?? DEFAULT_RETENTION_HOURS;
  const copies = Math.max(
    MIN_PERIODIC_COPIES,
    Math.floor((retentionHours * 60) / interval),
  );
  return {
    copies: [],
    lastSuccessAt: new Date(now.getTime() - interval * 60_000),
    retentionFound: copies,
    details: {
      backupMode: 'Periodic',
      backupIntervalInMinutes: interval,
      backupRetentionIntervalInHours: retentionHours,
      backupStorageRedundancy: props.backupStorageRedundancy ?? null,
      provisioningState: account.provisioningState ?? null,
      inferred: true,
      note: `Azure does not list periodic backups: the last backup time is inferred as one backup interval (${interval} min) ago, and the copies kept as retention ÷ interval (${copies}).`,
    },
  };
}

/**
 * Continuous mode: the account can be restored to any point from
 * `oldestRestorableTime` up to about now (the continuous RPO), as long as
 * the restorable account has a live region; a deleted account is
 * restorable up to its deletion.
 */
export function continuousReading(
  account: DatabaseAccountGetResults,
  policy: ContinuousModeBackupPolicy,
  restorable: RestorableDatabaseAccountGetResult,
  now: Date,
): BackupReading {
  const tier = policy.continuousModeProperties?.tier ?? 'Continuous30Days';
  const locations = restorable.restorableLocations ?? [];
  const live = locations.filter(l => !l.deletionTime);
  let lastSuccessAt: Date | null;
  let warning: string | undefined;
  if (restorable.deletionTime) {
    lastSuccessAt = restorable.deletionTime;
    warning = `The account was deleted at ${restorable.deletionTime.toISOString()}: it can be restored up to then only`;
  } else if (live.length === 0) {
    lastSuccessAt = null;
    warning = 'The restorable account has no live region to restore from';
  } else {
    lastSuccessAt = new Date(now.getTime() - CONTINUOUS_RPO_SECONDS * 1000);
  }
  const oldest = restorable.oldestRestorableTime ?? null;
  return {
    copies: [],
    lastSuccessAt,
    retentionFound: null,
    details: {
      backupMode: 'Continuous',
      tier,
      retentionDays: CONTINUOUS_RETENTION_DAYS[tier] ?? null,
      oldestRestorableTime: oldest?.toISOString() ?? null,
      restorableLocations: live.map(l => l.locationName).join(', '),
      provisioningState: account.provisioningState ?? null,
      inferred: true,
      note: `Continuous backup: the latest restorable time is taken as now minus Azure's continuous RPO (${CONTINUOUS_RPO_SECONDS} s) while a region is restorable.`,
    },
    ...(warning ? { warning } : {}),
  };
}
