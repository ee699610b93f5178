import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { readOpsConfig } from './config/OpsConfig';
import { createRouter } from './router';

/**
 * The Unyo operations backend: `/api/ops`.
 *
 * @public
 */
export const opsPlugin = createBackendPlugin({
  pluginId: 'ops',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
      },
      async init({ config, logger, httpAuth, httpRouter }) {
        const opsConfig = readOpsConfig(config);
        if (opsConfig.prometheus.length === 0) {
          logger.info(
            'No Prometheus server configured (ops.prometheus.servers): SLO panels will say so',
          );
        }
        httpRouter.use(await createRouter({ httpAuth, config: opsConfig }));
      },
    });
  },
});
