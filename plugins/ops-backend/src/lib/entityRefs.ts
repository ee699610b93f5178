import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

// Entity names as the catalog allows them; anything else never reaches a query.
const NAME = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,62}$/;

/**
 * A full entity ref (`kind:namespace/name`), normalised; otherwise a 400
 * naming `field`, with `example` of a good one when given. Routes and MCP
 * actions read refs by this one rule.
 */
export function fullEntityRef(
  value: string,
  field: string,
  example?: string,
): string {
  let ref;
  try {
    ref = parseEntityRef(value);
  } catch (e) {
    throw new InputError(
      `${field} is not an entity ref${example ? ` such as ${example}` : ''}: ${
        (e as Error).message
      }`,
    );
  }
  if (!NAME.test(ref.name) || !NAME.test(ref.namespace)) {
    throw new InputError(`${field} has an invalid name: "${value}"`);
  }
  return stringifyEntityRef(ref);
}

/**
 * An entity ref whose kind may be left out (`defaultKind`) and namespace too
 * (`default`), normalised; otherwise a 400 naming `field`.
 */
export function defaultedEntityRef(
  value: string,
  field: string,
  defaultKind: string,
): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind, defaultNamespace: 'default' }),
    );
  } catch (e) {
    throw new InputError(
      `${field} is not an entity ref: ${(e as Error).message}`,
    );
  }
}

/**
 * A runbook's full ref, normalised to `runbook:<namespace>/<name>` in lower
 * case as the catalog stores refs; otherwise a 400 naming `field`.
 */
export function runbookEntityRef(
  value: string,
  field: string,
  example?: string,
): string {
  const ref = parseEntityRef(fullEntityRef(value, field, example));
  if (ref.kind.toLocaleLowerCase('en-US') !== 'runbook') {
    throw new InputError(
      `${field} must be a runbook ref such as runbook:default/my-runbook`,
    );
  }
  return `runbook:${ref.namespace}/${ref.name}`.toLocaleLowerCase('en-US');
}
