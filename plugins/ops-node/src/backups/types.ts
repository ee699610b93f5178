import type { Config } from '@backstage/config';
import type {
  BackupPolicyEntity,
  BackupTarget,
  BackupType,
} from '@unyo/plugin-ops-common';

/**
 * One backup copy (or one run) a source found.
 *
 * @public
 */
export interface BackupCopy {
  /** When the copy was complete (or the run ended). */
  finishedAt: Date;
  startedAt?: Date;
  type?: BackupType;
  status: 'succeeded' | 'failed';
  sizeBytes?: number;
  /** Object key, backup label, recovery point ARN ... */
  location?: string;
}

/**
 * What a source found for one target. Sources that list copies fill `copies`
 * (newest first); sources that only know the newest good copy (a Prometheus
 * query, pg_stat_archiver, Cosmos DB continuous mode) set `lastSuccessAt`.
 *
 * @public
 */
export interface BackupReading {
  copies: BackupCopy[];
  lastSuccessAt?: Date | null;
  lastFailureAt?: Date | null;
  /** Copies kept, when the source can count them. */
  retentionFound?: number | null;
  /** Extra facts for the card, e.g. WAL archive range, replication lag. */
  details?: Record<string, string | number | boolean | null>;
  /** A problem the source reports while still answering (e.g. archiver failures). */
  warning?: string;
}

/**
 * A named connection of `ops.backups.sources`: its `type` and the rest of its
 * keys, which only the reader of that type interprets.
 *
 * @public
 */
export interface BackupSourceConnection {
  name: string;
  type: string;
  config: Config;
}

/**
 * One target to read, with the connection it names.
 *
 * @public
 */
export interface BackupReadRequest {
  policy: BackupPolicyEntity;
  target: BackupTarget;
  /** The connection `target.source.connection` names; undefined when the target names none. */
  connection?: BackupSourceConnection;
  now: Date;
  /** Aborted when the reading takes longer than the backend allows. */
  signal?: AbortSignal;
}

/**
 * Reads one kind of backup source (`source.type` of a BackupPolicy target).
 * Implementations do I/O only; the status (ok/late/breached ...) is computed
 * from their reading by pure code in ops-common. Errors are thrown with a
 * message naming what failed: it is shown on the target as `sourceError`.
 *
 * @public
 */
export interface BackupSourceReader {
  /** The `source.type` it reads, e.g. `s3` or `velero`. */
  readonly type: string;
  read(request: BackupReadRequest): Promise<BackupReading>;
}
