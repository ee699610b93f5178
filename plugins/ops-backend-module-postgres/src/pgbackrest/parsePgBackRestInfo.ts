import type { BackupType } from '@unyo/plugin-ops-common';
import type { BackupCopy, BackupReading } from '@unyo/plugin-ops-node';

/** pgBackRest's backup types, as `info` names them. */
export type PgBackRestBackupType = 'full' | 'diff' | 'incr';

/** A backup of `pgbackrest --output=json info` (the fields used here). */
export interface PgBackRestBackup {
  label: string;
  type: PgBackRestBackupType;
  /** True when the backup found page checksum errors. */
  error?: boolean;
  prior?: string | null;
  timestamp: { start: number; stop: number };
  archive?: { start: string | null; stop: string | null };
  info?: {
    size?: number;
    delta?: number;
    repository?: { size?: number; delta?: number };
  };
  database?: { id: number; 'repo-key'?: number };
}

interface PgBackRestStatus {
  code: number;
  message: string;
}

/** A stanza of `pgbackrest --output=json info`. */
export interface PgBackRestStanza {
  name: string;
  status: PgBackRestStatus & { lock?: { backup?: { held?: boolean } } };
  backup: PgBackRestBackup[];
  archive: Array<{
    id: string;
    min: string | null;
    max: string | null;
    database?: { id: number; 'repo-key'?: number };
  }>;
  db: Array<{ id: number; version: string; 'repo-key'?: number }>;
  repo?: Array<{ key: number; cipher?: string; status: PgBackRestStatus }>;
}

// Stanza status codes of pgBackRest's info command (src/command/info/info.c):
// 1 missing stanza path, 3 missing stanza data, 5 database mismatch across
// repos are errors; 4 means the repositories differ (one lacks the stanza,
// say): what the others hold is read, with a warning.
const STATUS_OK = 0;
const STATUS_NO_BACKUP = 2;
const STATUS_MIXED = 4;

/**
 * The stanza named `stanza` in the output of `pgbackrest --output=json info`.
 * Throws naming what is wrong when the output is not that JSON or lacks the
 * stanza.
 */
export function parsePgBackRestInfo(
  output: string,
  stanza: string,
): PgBackRestStanza {
  let parsed: unknown;
  try {
    parsed = JSON.parse(output);
  } catch (error) {
    throw new Error(
      `pgBackRest info did not print JSON: ${(error as Error).message}`,
    );
  }
  if (!Array.isArray(parsed)) {
    throw new Error('pgBackRest info did not print a JSON array of stanzas');
  }
  const found = parsed.find(
    (s): s is PgBackRestStanza =>
      typeof s === 'object' &&
      s !== null &&
      (s as PgBackRestStanza).name === stanza,
  );
  if (!found) {
    throw new Error(`pgBackRest info has no stanza '${stanza}'`);
  }
  if (
    typeof found.status?.code !== 'number' ||
    !Array.isArray(found.backup) ||
    !Array.isArray(found.archive)
  ) {
    throw new Error(
      `pgBackRest info of stanza '${stanza}' lacks status, backup or archive`,
    );
  }
  return found;
}

/**
 * The pgBackRest backup types that count for a target of a given type. A
 * full backup is a complete restore point, as is a differential (full +
 * diff) or an incremental (full + diff + incr) one, so a newer, more complete
 * backup also satisfies a less complete target: a `differential` target
 * counts diff and full backups (pgBackRest itself promotes a diff to a full
 * when there is no full to build on), `incremental` counts all three,
 * `full` only full backups. Any other target type counts every backup.
 */
export function backupTypesFor(
  type: BackupType | undefined,
): PgBackRestBackupType[] {
  switch (type) {
    case 'full':
      return ['full'];
    case 'differential':
      return ['diff', 'full'];
    case 'incremental':
      return ['incr', 'diff', 'full'];
    default:
      return ['full', 'diff', 'incr'];
  }
}

/** pgBackRest's type for a target's type, when there is one. */
const OWN_TYPE: Partial<Record<BackupType, PgBackRestBackupType>> = {
  full: 'full',
  differential: 'diff',
  incremental: 'incr',
};

const BACKUP_TYPE: Record<PgBackRestBackupType, BackupType> = {
  full: 'full',
  diff: 'differential',
  incr: 'incremental',
};

/**
 * A reading of one stanza for a target: its backups of the counting types
 * (newest first), a backup flagged `error` as a failed copy, retention as
 * the number of good backups of the target's own type (what pgBackRest's
 * `repo-retention-full`/`-diff` keep), the WAL archive range and the backup
 * lock in `details`. Throws for stanza states that mean the repository
 * cannot be read (missing stanza, mismatched database, cipher).
 */
export function pgBackRestReading(
  stanza: PgBackRestStanza,
  targetType: BackupType | undefined,
): BackupReading {
  const { code, message } = stanza.status;
  if (
    code !== STATUS_OK &&
    code !== STATUS_NO_BACKUP &&
    code !== STATUS_MIXED
  ) {
    throw new Error(
      `pgBackRest stanza '${stanza.name}': ${message} (status code ${code})`,
    );
  }
  const warnings: string[] = [];
  if (code === STATUS_MIXED) {
    warnings.push(`pgBackRest stanza '${stanza.name}': ${message}`);
  }
  for (const repo of stanza.repo ?? []) {
    if (
      repo.status.code !== STATUS_OK &&
      repo.status.code !== STATUS_NO_BACKUP
    ) {
      warnings.push(`repo${repo.key}: ${repo.status.message}`);
    }
  }

  const types = backupTypesFor(targetType);
  const copies: BackupCopy[] = stanza.backup
    .filter(b => types.includes(b.type))
    .map(b => ({
      finishedAt: new Date(b.timestamp.stop * 1000),
      startedAt: new Date(b.timestamp.start * 1000),
      type: BACKUP_TYPE[b.type],
      status: b.error ? ('failed' as const) : ('succeeded' as const),
      ...(b.info?.repository?.delta !== undefined
        ? { sizeBytes: b.info.repository.delta }
        : {}),
      location: b.label,
    }))
    .sort((a, b) => b.finishedAt.getTime() - a.finishedAt.getTime());
  for (const b of stanza.backup) {
    if (b.error && types.includes(b.type)) {
      warnings.push(`backup ${b.label} has page checksum errors`);
    }
  }

  const own = targetType ? OWN_TYPE[targetType] : undefined;
  const retentionFound = stanza.backup.filter(
    b => !b.error && (own ? b.type === own : true),
  ).length;

  // The archive of the current database (the last `db` entry after an upgrade).
  const currentDb = stanza.db[stanza.db.length - 1];
  const archive =
    stanza.archive.find(a => currentDb && a.database?.id === currentDb.id) ??
    stanza.archive[stanza.archive.length - 1];
  const latest = stanza.backup[stanza.backup.length - 1];

  return {
    copies,
    retentionFound,
    details: {
      stanza: stanza.name,
      stanzaStatus: message,
      backupRunning: stanza.status.lock?.backup?.held ?? null,
      archiveMin: archive?.min ?? null,
      archiveMax: archive?.max ?? null,
      pgVersion: currentDb?.version ?? null,
      latestBackup: latest?.label ?? null,
      latestBackupType: latest ? BACKUP_TYPE[latest.type] : null,
    },
    ...(warnings.length ? { warning: warnings.join('; ') } : {}),
  };
}
