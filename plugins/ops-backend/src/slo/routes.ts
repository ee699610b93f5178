import { HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import Router from 'express-promise-router';
import { entityRefParam, nameParam } from '../lib/params';
import { reportCsv } from './report/csv';
import { reportQuery } from './report/reportQuery';
import { SloService } from './SloService';

/** `GET /slos?entityRef=` and `GET /slos/{namespace}/{name}`. */
export function createSloRoutes(options: {
  httpAuth: HttpAuthService;
  slos: SloService;
}) {
  const { httpAuth, slos } = options;
  const router = Router();

  router.get('/slos', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const items = await slos.listForEntity(entityRefParam(req), credentials);
    res.json({ items });
  });

  router.get('/slo-report', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { format, ...filter } = reportQuery(req);
    const items = await slos.report(filter, credentials);
    if (format === 'csv') {
      res
        .type('text/csv')
        .set('Content-Disposition', 'attachment; filename="slo-report.csv"')
        .send(reportCsv(items));
      return;
    }
    res.json({ items });
  });

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
