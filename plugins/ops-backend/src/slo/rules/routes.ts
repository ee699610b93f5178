import { HttpAuthService } from '@backstage/backend-plugin-api';
import { formatSloRules, SloRuleFormat } from '@unyo/plugin-ops-common';
import Router from 'express-promise-router';
import {
  defaultedRefParam,
  entityRefParam,
  optionalString,
} from '../../lib/params';
import { SloRulesService } from './SloRulesService';

/** `GET /slos/rules`: the generated rule file, in YAML. */
export function createSloRuleRoutes(options: {
  httpAuth: HttpAuthService;
  rules: SloRulesService;
}) {
  const router = Router();
  router.get('/slos/rules', async (req, res) => {
    const credentials = await options.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    // One of the spec's enum (specParameters.ts).
    const format = optionalString<SloRuleFormat>(req, 'format') ?? 'prometheus';
    const filter = {
      entityRef:
        req.query.entityRef === undefined ? undefined : entityRefParam(req),
      owner: defaultedRefParam(req, 'owner', 'group'),
    };
    const set = await options.rules.generate(filter, credentials);
    res.type('text/yaml').send(formatSloRules(set, { format }));
  });
  return router;
}
