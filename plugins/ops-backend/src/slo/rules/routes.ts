import { HttpAuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { formatSloRules } from '@unyo/plugin-ops-common';
import { Request } from 'express';
import Router from 'express-promise-router';
import { entityRefParam, optionalString } from '../../lib/params';
import { SloRulesService } from './SloRulesService';

function ownerParam(req: Request): string | undefined {
  const value = optionalString(req, 'owner');
  if (value === undefined) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(value, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    );
  } catch (e) {
    throw new InputError(
      `Query parameter owner is not an entity ref: ${(e as Error).message}`,
    );
  }
}

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
    const format = optionalString(req, 'format') ?? 'prometheus';
    if (format !== 'prometheus' && format !== 'prometheusrule') {
      throw new InputError(
        `Query parameter format must be prometheus or prometheusrule: "${format}"`,
      );
    }
    const filter = {
      entityRef:
        req.query.entityRef === undefined ? undefined : entityRefParam(req),
      owner: ownerParam(req),
    };
    const set = await options.rules.generate(filter, credentials);
    res.type('text/yaml').send(formatSloRules(set, { format }));
  });
  return router;
}
