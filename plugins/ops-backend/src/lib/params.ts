import { InputError } from '@backstage/errors';
import { Request } from 'express';
import { defaultedEntityRef, fullEntityRef } from './entityRefs';

/*
 * Readers of path and query parameters after the router's middleware has
 * checked them: inputHygiene.ts refuses repeated and nested values, and
 * specParameters.ts refuses what src/schema/openapi.yaml does not allow
 * (enums, integer ranges, patterns, lengths, required parameters), each with
 * a 400 naming the parameter. What is left here is what the spec cannot say.
 */

/** A full entity ref from a query parameter, or a 400 naming it. */
export function entityRefParam(req: Request, key = 'entityRef'): string {
  // The spec requires a value; blank or empty (an optional one given as
  // `actor=`) is not one either.
  const value = optionalString(req, key);
  if (value === undefined || value.trim() === '') {
    throw new InputError(
      `Query parameter ${key} is required, e.g. component:default/my-service`,
    );
  }
  return fullEntityRef(value, `Query parameter ${key}`);
}

/**
 * An optional entity ref whose kind defaults to `defaultKind` (and namespace
 * to `default`), e.g. `owner=team-a` for `group:default/team-a`.
 */
export function defaultedRefParam(
  req: Request,
  key: string,
  defaultKind: string,
): string | undefined {
  const value = optionalString(req, key);
  return value === undefined
    ? undefined
    : defaultedEntityRef(value, `Query parameter ${key}`, defaultKind);
}

/**
 * An optional query parameter, typed as the spec declares it (e.g. one of its
 * enum); empty counts as absent, as specParameters.ts reads it.
 */
export function optionalString<T extends string = string>(
  req: Request,
  key: string,
): T | undefined {
  const value = req.query[key] as T | '' | undefined;
  return value === '' ? undefined : value;
}

/** An optional integer query parameter, in the range the spec declares. */
export function optionalInteger(req: Request, key: string): number | undefined {
  const value = optionalString(req, key);
  return value === undefined ? undefined : Number(value);
}
