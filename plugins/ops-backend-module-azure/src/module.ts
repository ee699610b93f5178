import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { opsBackupSourcesExtensionPoint } from '@unyo/plugin-ops-node';
import { AzureCosmosDbReader } from './cosmosDb';

/**
 * Backup source type `azure-cosmosdb` for the ops backend.
 *
 * @public
 */
export const opsModuleAzure = createBackendModule({
  pluginId: 'ops',
  moduleId: 'azure',
  register(env) {
    env.registerInit({
      deps: {
        logger: coreServices.logger,
        backupSources: opsBackupSourcesExtensionPoint,
      },
      async init({ logger, backupSources }) {
        backupSources.addBackupSourceReader(
          new AzureCosmosDbReader({ logger }),
        );
      },
    });
  },
});
