import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { OpsConfig } from './config/OpsConfig';
import { sourceStatus } from './service/sourceStatus';
import { createSloRoutes } from './slo/routes';
import { SloService } from './slo/SloService';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  config: OpsConfig;
  slos: SloService;
}

/** `/api/ops`: each feature's routes, validated in their own files. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, config, slos } = options;
  const router = Router();
  router.use(express.json());

  router.get('/status', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json(sourceStatus(config));
  });
  router.use(createSloRoutes({ httpAuth, slos }));

  return router;
}
