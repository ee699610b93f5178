import { BackupTarget } from '@unyo/plugin-ops-common';
import {
  BackupSourceConnection,
  BackupSourceReader,
} from '@unyo/plugin-ops-node';

/** The reader and connection of one target, or why it cannot be read. */
export type ResolvedSource =
  | { reader: BackupSourceReader; connection?: BackupSourceConnection }
  | { error: string };

/** The module that reads each source type Unyo ships outside the core. */
export const SOURCE_TYPE_MODULES: Readonly<Record<string, string>> = {
  s3: '@unyo/plugin-ops-backend-module-aws',
  rds: '@unyo/plugin-ops-backend-module-aws',
  'aws-backup': '@unyo/plugin-ops-backend-module-aws',
  'azure-cosmosdb': '@unyo/plugin-ops-backend-module-azure',
  'postgres-wal': '@unyo/plugin-ops-backend-module-postgres',
  pgbackrest: '@unyo/plugin-ops-backend-module-postgres',
};

/** Why no reader reads `type`: the module to install, when Unyo ships one. */
export function missingReaderMessage(type: string): string {
  const module = SOURCE_TYPE_MODULES[type];
  if (module) {
    return `Source type "${type}" is read by the module ${module}, which this backend does not install: add backend.add(import('${module}'))`;
  }
  return `No installed module reads source type "${type}": install one that registers it (docs/custom-module.md)`;
}

/**
 * Finds the reader of a target's source type and the connection it names in
 * `ops.backups.sources`. A missing module or a missing or mismatched
 * connection is a message naming what to install or set, shown on the target
 * as `unknown`, never a crash.
 */
export function resolveSource(
  target: BackupTarget,
  connections: BackupSourceConnection[],
  readers: ReadonlyMap<string, BackupSourceReader>,
): ResolvedSource {
  const { type, connection: name } = target.source;
  const reader = readers.get(type);
  if (!reader) return { error: missingReaderMessage(type) };
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
