import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { Zod } from './types';

// Entity names as the catalog allows them (as lib/params.ts checks them).
const NAME = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,62}$/;

/** The `entityRef` input most actions take. */
export function entityRefInput(z: Zod, what: string) {
  return z
    .string()
    .min(1)
    .max(255)
    .describe(
      `Full catalog entity ref of ${what}, kind:namespace/name, e.g. component:default/mairust-smtp. ` +
        'The kind is required; the namespace is usually default.',
    );
}

/**
 * A full entity ref, normalised as the routes do; an InputError naming the
 * field otherwise (the registry answers it as a 400, MCP as a tool error).
 */
export function entityRefOf(value: string, field: string): string {
  let ref;
  try {
    ref = parseEntityRef(value);
  } catch (e) {
    throw new InputError(
      `${field} is not an entity ref such as component:default/my-service: ${
        (e as Error).message
      }`,
    );
  }
  if (!NAME.test(ref.name) || !NAME.test(ref.namespace)) {
    throw new InputError(`${field} has an invalid name: "${value}"`);
  }
  return stringifyEntityRef(ref);
}

/** A runbook ref, normalised to `runbook:<namespace>/<name>` in lower case. */
export function runbookRefOf(value: string, field = 'runbookRef'): string {
  const ref = parseEntityRef(entityRefOf(value, field));
  if (ref.kind.toLocaleLowerCase('en-US') !== 'runbook') {
    throw new InputError(
      `${field} must be a runbook ref such as runbook:default/my-runbook`,
    );
  }
  return `runbook:${ref.namespace}/${ref.name}`.toLocaleLowerCase('en-US');
}

/** Read-only actions: MCP clients may call them without asking. */
export const READ_ONLY = { readOnly: true, idempotent: true } as const;

/**
 * A service answer as an action output. The registry checks outputs against
 * their schemas at run time; the service's interfaces lack the index
 * signature TypeScript gives passthrough objects, hence the widening.
 */
export function checkedOutput<T>(value: T): any {
  return value;
}
