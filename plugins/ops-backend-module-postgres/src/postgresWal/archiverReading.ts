import type { BackupReading } from '@unyo/plugin-ops-node';

/** A row of `pg_stat_archiver` plus the settings that explain it. */
export interface ArchiverRow {
  archived_count: number;
  last_archived_wal: string | null;
  last_archived_time: Date | null;
  failed_count: number;
  last_failed_wal: string | null;
  last_failed_time: Date | null;
  stats_reset: Date | null;
  archive_mode: string;
  in_recovery: boolean;
}

/** A standby of `pg_stat_replication`. */
export interface ReplicationRow {
  application_name: string;
  client_addr: string | null;
  state: string | null;
  sync_state: string | null;
  replay_lag_seconds: number | null;
  replay_lag_bytes: number | null;
}

/**
 * Turns the archiver's statistics into a reading: the last archived WAL
 * segment is the newest recovery point; a failure newer than it means
 * archiving is failing now (PostgreSQL retries the same segment forever, so
 * nothing newer gets archived until it is fixed).
 */
export function archiverReading(
  archiver: ArchiverRow | undefined,
  standbys: ReplicationRow[],
): BackupReading {
  if (!archiver) {
    throw new Error('pg_stat_archiver returned no row');
  }
  const lastSuccessAt = archiver.last_archived_time ?? null;
  const lastFailureAt = archiver.last_failed_time ?? null;
  const details: NonNullable<BackupReading['details']> = {
    archiveMode: archiver.archive_mode,
    archivedCount: archiver.archived_count,
    lastArchivedWal: archiver.last_archived_wal,
    failedCount: archiver.failed_count,
    lastFailedWal: archiver.last_failed_wal,
    statsReset: archiver.stats_reset?.toISOString() ?? null,
    inRecovery: archiver.in_recovery,
    standbys: standbys.length,
  };
  let maxLag: number | null = null;
  for (const standby of standbys) {
    const name = standby.application_name || standby.client_addr || 'standby';
    const lag = standby.replay_lag_seconds;
    details[`replayLagSeconds[${name}]`] = lag;
    details[`replayLagBytes[${name}]`] = standby.replay_lag_bytes;
    details[`state[${name}]`] = standby.state;
    if (lag !== null && (maxLag === null || lag > maxLag)) maxLag = lag;
  }
  if (standbys.length > 0) details.maxReplayLagSeconds = maxLag;

  const warnings: string[] = [];
  if (archiver.archive_mode === 'off') {
    warnings.push('archive_mode is off: WAL is not archived');
  }
  if (
    lastFailureAt &&
    (!lastSuccessAt || lastFailureAt.getTime() > lastSuccessAt.getTime())
  ) {
    warnings.push(
      `WAL archiving is failing: ${
        archiver.last_failed_wal ?? 'a segment'
      } failed at ${lastFailureAt.toISOString()} (${
        archiver.failed_count
      } failures since ${
        archiver.stats_reset?.toISOString() ?? 'the statistics were reset'
      })`,
    );
  }
  return {
    copies: [],
    lastSuccessAt,
    lastFailureAt,
    details,
    ...(warnings.length ? { warning: warnings.join('; ') } : {}),
  };
}
