import { HttpAuthService } from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import { entityRefParam } from '../lib/params';
import { HealthService } from './HealthService';

/** `GET /health?entityRef=`. */
export function createHealthRoutes(options: {
  httpAuth: HttpAuthService;
  health: HealthService;
}) {
  const { httpAuth, health } = options;
  const router = Router();

  router.get('/health', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const items = await health.listForEntity(entityRefParam(req), credentials);
    res.json({ items });
  });

  return router;
}
