import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { opsBackupSourcesExtensionPoint } from '@unyo/plugin-ops-node';
import { PgBackRestReader } from './pgbackrest';
import { PostgresWalReader } from './postgresWal';

/**
 * Backup source types `postgres-wal` (WAL archiving, read from
 * pg_stat_archiver) and `pgbackrest` for the ops backend.
 *
 * @public
 */
export const opsModulePostgres = createBackendModule({
  pluginId: 'ops',
  moduleId: 'postgres',
  register(env) {
    env.registerInit({
      deps: {
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
        backupSources: opsBackupSourcesExtensionPoint,
      },
      async init({ logger, lifecycle, backupSources }) {
        const postgresWal = new PostgresWalReader({ logger });
        // The reader keeps a pool per connection: closed on shutdown.
        lifecycle.addShutdownHook(() => postgresWal.close());
        backupSources.addBackupSourceReader(
          postgresWal,
          new PgBackRestReader({ logger }),
        );
      },
    });
  },
});
