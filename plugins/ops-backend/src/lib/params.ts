import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { Request } from 'express';

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

/** An optional query parameter given once; empty counts as absent. */
export function optionalString(req: Request, key: string): string | undefined {
  const value = req.query[key];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') {
    throw new InputError(`Query parameter ${key} must be given once`);
  }
  return value;
}

/** An optional query parameter from a fixed list, or a 400 naming it. */
export function oneOf<T extends string>(
  req: Request,
  key: string,
  values: readonly T[],
): T | undefined {
  const value = optionalString(req, key);
  if (value !== undefined && !values.includes(value as T)) {
    throw new InputError(
      `Query parameter ${key} must be one of ${values.join(', ')}: "${value}"`,
    );
  }
  return value as T | undefined;
}

/** An optional whole-number query parameter in a range, or a 400 naming it. */
export function integerParam(
  req: Request,
  key: string,
  min: number,
  max: number,
): number | undefined {
  const value = optionalString(req, key);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) {
    throw new InputError(
      `Query parameter ${key} must be an integer from ${min} to ${max}: "${value}"`,
    );
  }
  return n;
}
