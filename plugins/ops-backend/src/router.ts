import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { createAlertRoutes } from './alerts';
import { AlertHistoryStore } from './alerts/AlertHistoryStore';
import { AlertService, SilenceService } from './alerts/AlertService';
import express from 'express';
import Router from 'express-promise-router';
import { OpsConfig } from './config/OpsConfig';
import { createHealthRoutes } from './health/routes';
import { HealthService } from './health/HealthService';
import { sourceStatus } from './service/sourceStatus';
import { createSloRoutes } from './slo/routes';
import { SloService } from './slo/SloService';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  config: OpsConfig;
  slos: SloService;
  auditor?: AuditorService;
  alerts?: {
    alerts: AlertService;
    silences: SilenceService;
    history: AlertHistoryStore;
  };
  health?: HealthService;
}

/** `/api/ops`: each feature's routes, validated in their own files. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, config, slos } = options;
  const router = Router();
  // Before the shared JSON parser: the webhook route parses larger bodies.
  if (options.alerts && options.auditor) {
    router.use(
      createAlertRoutes({
        httpAuth,
        auditor: options.auditor,
        ...options.alerts,
      }),
    );
  }
  router.use(express.json());

  router.get('/status', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json(sourceStatus(config));
  });
  router.use(createSloRoutes({ httpAuth, slos }));
  if (options.health) {
    router.use(createHealthRoutes({ httpAuth, health: options.health }));
  }

  return router;
}
