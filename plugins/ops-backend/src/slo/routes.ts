import { HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import Router from 'express-promise-router';
import { entityRefParam, nameParam } from '../lib/params';
import { reportCsv } from './report/csv';
import { reportFilter, reportQuery } from './report/reportQuery';
import { SloReportService } from './report/SloReportService';
import { SloService } from './SloService';

/**
 * `GET /slos?entityRef=`, `GET /journeys?entityRef=`, `GET /slos/{namespace}/{name}`, and with a report
 * service `GET /slo-report` and `GET /slo-report/summary`.
 */
export function createSloRoutes(options: {
  httpAuth: HttpAuthService;
  slos: SloService;
  report?: SloReportService;
}) {
  const { httpAuth, slos, report } = options;
  const router = Router();

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
    const ref = stringifyEntityRef({
      kind: 'slo',
      namespace: nameParam(req, 'namespace'),
      name: nameParam(req, 'name'),
    });
    res.json(await slos.get(ref, credentials));
  });

  return router;
}
