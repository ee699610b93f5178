import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { Request } from 'express';
import Router from 'express-promise-router';
import { SloCorrectionService } from './SloCorrectionService';
import { parseCreateSloCorrection } from './validation';

// The spec has checked both path parameters (docs/api.md).
function sloRefParam(req: Request): string {
  return stringifyEntityRef({
    kind: 'slo',
    namespace: req.params.namespace,
    name: req.params.name,
  });
}

/** `GET|POST /slos/{namespace}/{name}/corrections`, `DELETE …/{id}` (docs/slo-math.md). */
export function createSloCorrectionRoutes(options: {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  corrections: SloCorrectionService;
}) {
  const { httpAuth, auditor, corrections } = options;
  const router = Router();

  router.get('/slos/:namespace/:name/corrections', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const items = await corrections.list(sloRefParam(req), credentials);
    res.json({ items });
  });

  // Users only: a correction names who took the decision.
  router.post('/slos/:namespace/:name/corrections', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const sloRef = sloRefParam(req);
    const body = req.body ?? {};
    const event = await auditor.createEvent({
      eventId: 'slo-correction-create',
      severityLevel: 'medium',
      request: req,
      meta: {
        sloRef,
        start: body.start,
        end: body.end,
        category: body.category,
        reason: body.reason,
      },
    });
    try {
      const request = parseCreateSloCorrection(body);
      const created = await corrections.create(sloRef, request, credentials);
      await event.success({ meta: { correction: { ...created } } });
      res.status(201).json(created);
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });

  router.delete('/slos/:namespace/:name/corrections/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const sloRef = sloRefParam(req);
    const event = await auditor.createEvent({
      eventId: 'slo-correction-delete',
      severityLevel: 'medium',
      request: req,
      meta: { sloRef, id: req.params.id },
    });
    try {
      await corrections.delete(sloRef, req.params.id, credentials);
      await event.success();
      res.status(204).end();
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });

  return router;
}
