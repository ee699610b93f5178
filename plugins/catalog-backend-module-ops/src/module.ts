import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { OpsEntitiesProcessor } from './processor/OpsEntitiesProcessor';

/**
 * Adds the SLO, SLI, Runbook and BackupPolicy kinds to the catalog.
 *
 * @public
 */
export const catalogModuleOps = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'ops',
  register(reg) {
    reg.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addProcessor(new OpsEntitiesProcessor());
      },
    });
  },
});
