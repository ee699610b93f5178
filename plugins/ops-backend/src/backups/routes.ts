import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { entityRefParam } from '../lib/params';
import { BackupService } from './BackupService';
import { parseBackupReport } from './validation';

/**
 * `GET /backups?entityRef=`, `GET /backups/coverage?entityRef=system:...`
 * and `POST /backups/reports`.
 */
export function createBackupRoutes(options: {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  backups: BackupService;
}) {
  const { httpAuth, auditor, backups } = options;
  const router = Router();

  router.get('/backups', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await backups.listForEntity(entityRefParam(req), credentials));
  });

  router.get('/backups/coverage', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await backups.coverage(entityRefParam(req), credentials));
  });

  // Backup jobs and restore drills authenticate as services (a static token
  // of backend.auth.externalAccess): a report is a machine's statement that
  // a run happened, and a user session is not what a cron job holds.
  router.post('/backups/reports', express.json(), async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    const body = req.body ?? {};
    const meta = {
      policyRef: body.policyRef,
      target: body.target,
      status: body.status,
      startedAt: body.startedAt,
      finishedAt: body.finishedAt,
    };
    const event = await auditor.createEvent({
      eventId: 'backup-report',
      severityLevel: 'low',
      request: req,
      meta,
    });
    try {
      const result = await backups.report(parseBackupReport(body));
      await event.success({
        meta: {
          ...meta,
          reportId: result.report.id,
          state: result.status.status,
        },
      });
      res.status(201).json({
        report: {
          ...result.report,
          startedAt: result.report.startedAt.toISOString(),
          finishedAt: result.report.finishedAt.toISOString(),
          receivedAt: result.report.receivedAt.toISOString(),
        },
        status: result.status,
      });
    } catch (error) {
      await event.fail({ error: error as Error, meta });
      throw error;
    }
  });

  return router;
}
