import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { OpsConfig } from './config/OpsConfig';
import { sourceStatus } from './service/sourceStatus';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  config: OpsConfig;
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, config } = options;
  const router = Router();
  router.use(express.json());

  router.get('/status', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json(sourceStatus(config));
  });

  return router;
}
