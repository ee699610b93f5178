import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { entityRefParam } from '../lib/params';
import { AlertHistoryStore } from './AlertHistoryStore';
import { AlertService, SilenceService } from './AlertService';
import { parseCreateSilence, parseWebhook } from './validation';

/** Audits one change: started, then success or failure with the error. */
async function audited<T>(
  auditor: AuditorService,
  req: Request,
  eventId: string,
  meta: Record<string, any>,
  run: () => Promise<T>,
): Promise<T> {
  const event = await auditor.createEvent({
    eventId,
    severityLevel: 'medium',
    request: req,
    meta,
  });
  try {
    const result = await run();
    await event.success({ meta: { ...meta, result: result as any } });
    return result;
  } catch (error) {
    await event.fail({ error: error as Error, meta });
    throw error;
  }
}

/**
 * `GET /alerts`, `GET /alerts/history`, `POST /alerts/webhook`, and
 * `GET|POST /silences`, `DELETE /silences/{id}`.
 */
export function createAlertRoutes(options: {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  alerts: AlertService;
  silences: SilenceService;
  history: AlertHistoryStore;
}) {
  const { httpAuth, auditor, alerts, silences, history } = options;
  const router = Router();

  router.get('/alerts', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await alerts.listForEntity(entityRefParam(req), credentials));
  });

  router.get('/alerts/history', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await alerts.historyForEntity(entityRefParam(req), credentials));
  });

  // Alertmanager authenticates as a service (a static token of
  // backend.auth.externalAccess); users cannot write history. Deliveries
  // group many alerts, hence the larger body limit of this route.
  router.post(
    '/alerts/webhook',
    express.json({ limit: '10mb' }),
    async (req, res) => {
      await httpAuth.credentials(req, { allow: ['service'] });
      const deliveries = parseWebhook(req.body);
      await history.record(deliveries);
      res.json({ stored: deliveries.length });
    },
  );

  router.get('/silences', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await silences.listForEntity(entityRefParam(req), credentials));
  });

  router.post('/silences', express.json(), async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const body = req.body ?? {};
    const meta = {
      entityRef: body.entityRef,
      matchers: body.matchers,
      durationMinutes: body.durationMinutes,
      comment: body.comment,
    };
    const created = await audited(auditor, req, 'silence-create', meta, () =>
      silences.create(parseCreateSilence(body), credentials),
    );
    res.status(201).json(created);
  });

  router.delete('/silences/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    // Its pattern is the spec's, checked before the route (specParameters).
    const id = req.params.id;
    const entityRef = entityRefParam(req);
    await audited(auditor, req, 'silence-expire', { id, entityRef }, () =>
      silences.expire(id, entityRef, credentials),
    );
    res.status(204).end();
  });

  return router;
}
