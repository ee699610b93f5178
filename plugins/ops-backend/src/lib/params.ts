import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { Request } from 'express';
import { z } from 'zod';

// Entity names as the catalog allows them; anything else never reaches a query.
const NAME = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,62}$/;

/** A full entity ref from a query parameter, or a 400 naming it. */
export function entityRefParam(req: Request, key = 'entityRef'): string {
  const value = req.query[key];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(
      `Query parameter ${key} is required, e.g. component:default/my-service`,
    );
  }
  let ref;
  try {
    ref = parseEntityRef(value);
  } catch (e) {
    throw new InputError(
      `Query parameter ${key} is not an entity ref: ${(e as Error).message}`,
    );
  }
  if (!NAME.test(ref.name) || !NAME.test(ref.namespace)) {
    throw new InputError(
      `Query parameter ${key} has an invalid name: "${value}"`,
    );
  }
  return stringifyEntityRef(ref);
}

/** An entity namespace or name from the path, or a 400 naming it. */
export function nameParam(req: Request, key: string): string {
  const value = req.params[key];
  if (!NAME.test(value)) {
    throw new InputError(
      `Path parameter ${key} is not a valid entity ${key}: "${value}"`,
    );
  }
  return value;
}

/** A body field holding a full entity ref, normalised; else a 400 naming it. */
export const entityRefField = z
  .string({
    error: 'must be an entity ref such as component:default/my-service',
  })
  .max(255, 'must be at most 255 characters')
  .refine(
    v => {
      try {
        const ref = parseEntityRef(v);
        return NAME.test(ref.name) && NAME.test(ref.namespace);
      } catch {
        return false;
      }
    },
    { message: 'must be an entity ref such as component:default/my-service' },
  )
  .transform(v => stringifyEntityRef(parseEntityRef(v)));
