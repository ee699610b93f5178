import { createBackendModule } from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { OpsOwnersPolicy } from './OpsOwnersPolicy';

/**
 * Sets {@link OpsOwnersPolicy} as the permission backend's policy (it
 * replaces the app's policy: install one policy module only).
 *
 * @public
 */
export const permissionModuleOpsOwners = createBackendModule({
  pluginId: 'permission',
  moduleId: 'ops-owners',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new OpsOwnersPolicy());
      },
    });
  },
});
