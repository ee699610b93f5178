import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import { entityRefParam, optionalString } from '../lib/params';
import { GateService } from './types';
import { parseCreateGateOverride } from './validation';

/**
 * `GET /gate`, `GET|POST /gate/overrides`, `DELETE /gate/overrides/{id}`
 * (docs/deploy-gate.md).
 */
export function createGateRoutes(options: {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  gate: GateService;
  now?: () => Date;
}) {
  const { httpAuth, auditor, gate } = options;
  const now = options.now ?? (() => new Date());
  const router = Router();

  // CI asks with a service token (backend.auth.externalAccess).
  router.get('/gate', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await gate.decide(entityRefParam(req), credentials));
  });

  router.get('/gate/overrides', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const ref = optionalString(req, 'entityRef');
    const items = await gate.listOverrides(
      ref ? entityRefParam(req) : undefined,
    );
    res.json({ items });
  });

  // Users only: an override names who took the decision.
  router.post('/gate/overrides', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const body = req.body ?? {};
    const event = await auditor.createEvent({
      eventId: 'gate-override-create',
      severityLevel: 'medium',
      request: req,
      meta: {
        entityRef: body.entityRef,
        reason: body.reason,
        expiresAt: body.expiresAt,
        duration: body.duration,
      },
    });
    try {
      const request = parseCreateGateOverride(body, now());
      const created = await gate.createOverride(request, credentials);
      await event.success({ meta: { override: { ...created } } });
      res.status(201).json(created);
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });

  // Users only, as creating: ending an override is a decision by a person.
  router.delete('/gate/overrides/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const event = await auditor.createEvent({
      eventId: 'gate-override-delete',
      severityLevel: 'medium',
      request: req,
      meta: { id: req.params.id },
    });
    try {
      const ended = await gate.endOverride(req.params.id, credentials);
      await event.success({ meta: { override: { ...ended } } });
      res.status(204).end();
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });

  return router;
}
