import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
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
      deps: {
        processing: catalogProcessingExtensionPoint,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
      },
      async init({ processing, catalog, auth }) {
        // The catalog client reads SLOs' measured entities (their owners).
        processing.addProcessor(new OpsEntitiesProcessor({ catalog, auth }));
      },
    });
  },
});
