import { fullEntityRef, runbookEntityRef } from '../lib/entityRefs';
import { Zod } from './types';

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
  return fullEntityRef(value, field, 'component:default/my-service');
}

/** A runbook ref, normalised to `runbook:<namespace>/<name>` in lower case. */
export function runbookRefOf(value: string, field = 'runbookRef'): string {
  return runbookEntityRef(value, field, 'component:default/my-service');
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
