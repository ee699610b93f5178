import { HttpAuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { OpsConfig } from './config/OpsConfig';
import { sourceStatus } from './service/sourceStatus';
import { SloService } from './slo/SloService';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  config: OpsConfig;
  slos: SloService;
}

// Entity names as the catalog allows them; anything else never reaches a query.
const NAME = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,62}$/;

/** A full entity ref from the `entityRef` query parameter, or a 400 naming it. */
function entityRefParam(req: express.Request): string {
  const value = req.query.entityRef;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(
      'Query parameter entityRef is required, e.g. component:default/my-service',
    );
  }
  let ref;
  try {
    ref = parseEntityRef(value);
  } catch (e) {
    throw new InputError(
      `Query parameter entityRef is not an entity ref: ${(e as Error).message}`,
    );
  }
  if (!NAME.test(ref.name) || !NAME.test(ref.namespace)) {
    throw new InputError(
      `Query parameter entityRef has an invalid name: "${value}"`,
    );
  }
  return stringifyEntityRef(ref);
}

function nameParam(req: express.Request, key: 'namespace' | 'name'): string {
  const value = req.params[key];
  if (!NAME.test(value)) {
    throw new InputError(
      `Path parameter ${key} is not a valid entity ${key}: "${value}"`,
    );
  }
  return value;
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, config, slos } = options;
  const router = Router();
  router.use(express.json());

  router.get('/status', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json(sourceStatus(config));
  });

  router.get('/slos', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const items = await slos.listForEntity(entityRefParam(req), credentials);
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
