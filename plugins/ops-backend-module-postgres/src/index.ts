/**
 * Backend module of the ops plugin for PostgreSQL: backup source types
 * `postgres-wal` (WAL archiving) and `pgbackrest`.
 *
 * @packageDocumentation
 */

export { opsModulePostgres as default } from './module';
