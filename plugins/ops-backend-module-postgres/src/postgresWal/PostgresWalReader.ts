import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { Pool, type PoolClient } from 'pg';
import type {
  BackupReadRequest,
  BackupReading,
  BackupSourceReader,
} from '@unyo/plugin-ops-node';
import { readPostgresConnection } from './readPostgresConnection';
import {
  archiverReading,
  type ArchiverRow,
  type ReplicationRow,
} from './archiverReading';

const ARCHIVER_SQL = `
SELECT archived_count::int AS archived_count,
       last_archived_wal,
       last_archived_time,
       failed_count::int AS failed_count,
       last_failed_wal,
       last_failed_time,
       stats_reset,
       current_setting('archive_mode') AS archive_mode,
       pg_is_in_recovery() AS in_recovery
  FROM pg_stat_archiver`;

// replay_lag is NULL for standbys that are idle or when the role lacks
// pg_monitor; the byte distance still tells how far behind they are.
const REPLICATION_SQL = `
SELECT application_name,
       client_addr::text AS client_addr,
       state,
       sync_state,
       EXTRACT(EPOCH FROM replay_lag)::float8 AS replay_lag_seconds,
       pg_wal_lsn_diff(sent_lsn, replay_lsn)::float8 AS replay_lag_bytes
  FROM pg_stat_replication
 ORDER BY application_name, client_addr`;

/**
 * Reads `pg_stat_archiver` (and the standbys of `pg_stat_replication`) of a
 * PostgreSQL server named by `ops.backups.sources.<name>`: the last archived
 * WAL segment is the newest recovery point. One small pool per connection,
 * closed by `close()` when the plugin stops.
 */
export class PostgresWalReader implements BackupSourceReader {
  readonly type = 'postgres-wal' as const;
  private readonly logger: LoggerService;
  private readonly pools = new Map<string, { settings: string; pool: Pool }>();

  constructor(options: { logger: LoggerService }) {
    this.logger = options.logger;
  }

  async read(request: BackupReadRequest): Promise<BackupReading> {
    const { connection, target, signal } = request;
    if (!connection) {
      throw new InputError(
        `postgres-wal target '${target.name}' needs source.connection naming an entry of ops.backups.sources`,
      );
    }
    signal?.throwIfAborted();
    const pool = this.poolFor(connection.name, connection.config);
    let client: PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw new Error(
        `PostgreSQL '${connection.name}' could not be reached: ${
          (error as Error).message
        }`,
      );
    }
    // pg has no AbortSignal: on abort the connection is destroyed, which
    // fails the running query at once.
    let aborted = false;
    const onAbort = () => {
      aborted = true;
      client.release(new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const archiver = await client.query<ArchiverRow>(ARCHIVER_SQL);
      const replication = await client.query<ReplicationRow>(REPLICATION_SQL);
      return archiverReading(archiver.rows[0], replication.rows);
    } catch (error) {
      if (aborted) {
        throw new Error(`Reading PostgreSQL '${connection.name}' was aborted`);
      }
      throw new Error(
        `Reading pg_stat_archiver of PostgreSQL '${connection.name}' failed: ${
          (error as Error).message
        }`,
      );
    } finally {
      signal?.removeEventListener('abort', onAbort);
      if (!aborted) client.release();
    }
  }

  /** Ends every pool; call on plugin shutdown. */
  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map(({ pool }) => pool.end()));
  }

  private poolFor(name: string, config: Config): Pool {
    const settings = readPostgresConnection(name, config);
    const key = JSON.stringify(settings);
    const existing = this.pools.get(name);
    if (existing && existing.settings === key) return existing.pool;
    if (existing) {
      existing.pool.end().catch(() => undefined);
    }
    const pool = new Pool(settings);
    // An idle client that loses its server must not crash the backend.
    pool.on('error', error =>
      this.logger.warn(
        `Idle connection to PostgreSQL '${name}' failed: ${error.message}`,
      ),
    );
    this.pools.set(name, { settings: key, pool });
    return pool;
  }
}
