import { BackupSourceType, BackupTarget } from '@unyo/plugin-ops-common';
import { BackupSourceConnection, BackupSourceReader } from './sources/types';

/** The reader and connection of one target, or why it cannot be read. */
export type ResolvedSource =
  | { reader: BackupSourceReader; connection?: BackupSourceConnection }
  | { error: string };

/**
 * Finds the reader of a target's source type and the connection it names in
 * `ops.backups.sources`. A missing or mismatched connection is a message
 * naming the key to set, shown on the target as `unknown`, never a crash.
 */
export function resolveSource(
  target: BackupTarget,
  connections: BackupSourceConnection[],
  readers: Map<BackupSourceType, BackupSourceReader>,
): ResolvedSource {
  const { type, connection: name } = target.source;
  const reader = readers.get(type);
  if (!reader) {
    return { error: `No reader for source type "${type}" in this backend` };
  }
  if (!name) return { reader };
  const connection = connections.find(c => c.name === name);
  if (!connection) {
    return {
      error: `Connection "${name}" is not configured: set ops.backups.sources.${name}`,
    };
  }
  if (connection.type !== type) {
    return {
      error: `ops.backups.sources.${name} has type "${connection.type}" but the target's source is "${type}"`,
    };
  }
  return { reader, connection };
}
