import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { spec } from '../schema/openapi';

/**
 * The one Ajv of request validation (src/schema/openapi.yaml): parameters
 * (specParameters.ts) and bodies (specBody.ts) are compiled by it once per
 * process. `verbose` keeps each error's schema, whose `x-message` and
 * `x-messages` word the refusal (specMessages.ts).
 */
export const requestAjv = new Ajv({
  strict: false,
  allErrors: false,
  verbose: true,
});
addFormats(requestAjv);

/** The object a local `$ref` (`#/components/...`) points to. */
export function resolveRef(node: any): any {
  if (!node?.$ref) return node;
  return resolveRef(
    node.$ref
      .replace('#/', '')
      .split('/')
      .reduce((o: any, k: string) => o[k], spec),
  );
}

/**
 * A schema of the spec as plain JSON Schema for Ajv: `$ref`s inlined (so an
 * error's schema is the one that carries its `x-message`) and OpenAPI 3.0's
 * `nullable` as a `null` alternative. Request schemas are not recursive; a
 * recursive one is refused here rather than looping.
 */
export function inlineSchema(node: any, seen: string[] = []): any {
  if (Array.isArray(node)) return node.map(n => inlineSchema(n, seen));
  if (!node || typeof node !== 'object') return node;
  if (node.$ref) {
    if (seen.includes(node.$ref)) {
      throw new Error(`Recursive request schema: ${node.$ref}`);
    }
    return inlineSchema(resolveRef(node), [...seen, node.$ref]);
  }
  const out: any = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'nullable') continue;
    // Example values and descriptions are not rules.
    out[key] =
      key === 'example' || key === 'description'
        ? value
        : inlineSchema(value, seen);
  }
  return node.nullable ? { anyOf: [out, { type: 'null' }] } : out;
}
