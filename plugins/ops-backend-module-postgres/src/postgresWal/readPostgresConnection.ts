import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';
import type { PoolConfig } from 'pg';

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * The `pg` pool settings of an `ops.backups.sources.<name>` connection of type
 * `postgres-wal`: `connection` is a connection string or
 * `{ host, port, user, password, database, ssl }`; `timeout` bounds connecting
 * and each query (default 10 s). Sessions are read-only: the reader only
 * selects from statistics views.
 */
export function readPostgresConnection(
  name: string,
  config: Config,
): PoolConfig {
  const key = `ops.backups.sources.${name}`;
  const raw = config.getOptional('connection');
  const timeoutMs = config.has('timeout')
    ? durationToMilliseconds(readDurationFromConfig(config, { key: 'timeout' }))
    : DEFAULT_TIMEOUT_MS;
  const common: PoolConfig = {
    max: 2,
    idleTimeoutMillis: 60_000,
    connectionTimeoutMillis: timeoutMs,
    statement_timeout: timeoutMs,
    query_timeout: timeoutMs,
    application_name: 'unyo-backups',
    options: '-c default_transaction_read_only=on',
  };
  if (typeof raw === 'string') {
    if (!raw.trim()) {
      throw new InputError(`${key}.connection must not be empty`);
    }
    return { ...common, connectionString: raw };
  }
  if (
    raw === undefined ||
    raw === null ||
    typeof raw !== 'object' ||
    Array.isArray(raw)
  ) {
    throw new InputError(
      `${key}.connection must be a connection string or { host, port, user, password, database }`,
    );
  }
  const c = config.getConfig('connection');
  const port = c.getOptionalNumber('port');
  if (
    port !== undefined &&
    (!Number.isInteger(port) || port < 1 || port > 65535)
  ) {
    throw new InputError(
      `${key}.connection.port must be a port number, got ${port}`,
    );
  }
  const ssl = c.getOptional('ssl');
  return {
    ...common,
    host: c.getOptionalString('host') ?? 'localhost',
    port: port ?? 5432,
    user: c.getOptionalString('user'),
    password: c.getOptionalString('password'),
    database: c.getOptionalString('database') ?? 'postgres',
    ...(ssl !== undefined ? { ssl: ssl as PoolConfig['ssl'] } : {}),
  };
}
