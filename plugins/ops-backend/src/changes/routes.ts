import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import { entityRefParam } from '../lib/params';
import { ChangeService } from './types';
import { parseChangeRange, parseCreateChange } from './validation';

/** `GET|POST /changes` (docs/change-markers.md). */
export function createChangeRoutes(options: {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  changes: ChangeService;
  now?: () => Date;
}) {
  const { httpAuth, auditor, changes } = options;
  const now = options.now ?? (() => new Date());
  const router = Router();

  router.get('/changes', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entityRef = entityRefParam(req);
    const range = parseChangeRange(req, now());
    const items = await changes.list({ entityRef, ...range }, credentials);
    res.json({ items });
  });

  // CI posts with a service token (backend.auth.externalAccess).
  router.post('/changes', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const body = req.body ?? {};
    const event = await auditor.createEvent({
      eventId: 'change-create',
      severityLevel: 'low',
      request: req,
      meta: {
        entityRef: body.entityRef,
        kind: body.kind,
        at: body.at,
        title: body.title,
        url: body.url,
      },
    });
    try {
      const request = parseCreateChange(body, now());
      const created = await changes.create(request, credentials);
      await event.success({ meta: { change: { ...created } } });
      res.status(201).json(created);
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });

  return router;
}
