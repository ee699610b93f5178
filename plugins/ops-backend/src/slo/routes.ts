import { HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import Router from 'express-promise-router';
import { entityRefParam } from '../lib/params';
import { specBody } from '../lib/specBody';
import { TooManyRequestsError } from '../lib/TooManyRequestsError';
import { SloPreviewService } from './preview/SloPreviewService';
import { reportCsv } from './report/csv';
import { reportFilter, reportQuery } from './report/reportQuery';
import { SloReportService } from './report/SloReportService';
import { SloService } from './SloService';

/**
 * `GET /slos?entityRef=`, `GET /journeys?entityRef=`, `GET /slos/{namespace}/{name}`,
 * with a report service `GET /slo-report` and `GET /slo-report/summary`, and
 * with a preview service `POST /slos/preview`.
 */
export function createSloRoutes(options: {
  httpAuth: HttpAuthService;
  slos: SloService;
  report?: SloReportService;
  preview?: SloPreviewService;
}) {
  const { httpAuth, slos, report, preview } = options;
  const router = Router();

  if (preview) {
    const previewBody = specBody('/slos/preview', 'post');
    router.post('/slos/preview', async (req, res) => {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      const { document } = previewBody(req.body);
      const status = await preview
        .preview(document, credentials)
        .catch(error => {
          // The 429's body is the error handler's; the header is said here.
          if (error instanceof TooManyRequestsError) {
            res.setHeader('Retry-After', String(error.retryAfterSeconds));
          }
          throw error;
        });
      res.json(status);
    });
  }

  router.get('/slos', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const items = await slos.listForEntity(entityRefParam(req), credentials);
    res.json({ items });
  });

  router.get('/journeys', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const items = await slos.listJourneys(entityRefParam(req), credentials);
    res.json({ items });
  });

  if (report) {
    router.get('/slo-report', async (req, res) => {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      const { format, ...query } = reportQuery(req);
      const page = await report.list(query, credentials);
      if (format === 'csv') {
        res
          .type('text/csv')
          .set('Content-Disposition', 'attachment; filename="slo-report.csv"')
          .send(reportCsv(page.items));
        return;
      }
      res.json(page);
    });

    router.get('/slo-report/summary', async (req, res) => {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      res.json(await report.summary(reportFilter(req), credentials));
    });
  }

  router.get('/slos/:namespace/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    // Each a catalog name: the spec's pattern (specParameters.ts).
    const { namespace, name } = req.params;
    const ref = stringifyEntityRef({ kind: 'slo', namespace, name });
    res.json(await slos.get(ref, credentials));
  });

  return router;
}
