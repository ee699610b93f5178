import { InputError } from '@backstage/errors';
import { ErrorObject } from 'ajv';

/**
 * An Ajv error of a request body as the 400 a person reads: the field's
 * dotted path, then what it must be. A schema of src/schema/openapi.yaml may
 * word it:
 * - `x-message`: what a valid value is, for a wrong type, pattern, format or
 *   enum (`must be an entity ref such as component:default/my-service`);
 * - `x-messages`: per keyword (`required`, `minimum`, `maxItems`, … and
 *   `integer` for a number that is not whole); `additionalProperties` is a
 *   whole sentence in which `{names}` are the unknown fields.
 * Otherwise the words come from the keyword (`must be at most 20 items`).
 */

/** Keywords about what a value is, rather than how big it is. */
const SHAPE = new Set(['type', 'pattern', 'format', 'enum', 'const']);

function fieldOf(instancePath: string, extra?: string): string {
  const parts = instancePath
    .split('/')
    .slice(1)
    .map(p => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) parts.push(extra);
  return parts.join('.');
}

function valueAt(data: unknown, instancePath: string): unknown {
  return fieldOf(instancePath)
    .split('.')
    .filter(Boolean)
    .reduce<any>((v, k) => (v === null || v === undefined ? v : v[k]), data);
}

function article(type: string) {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function defaultText(e: ErrorObject, value: unknown): string {
  const p = e.params as any;
  switch (e.keyword) {
    case 'type':
      if (p.type === 'integer' || p.type === 'number') {
        return typeof value === 'number'
          ? 'must be a whole number'
          : 'must be a number';
      }
      return `must be ${article(p.type)}`;
    case 'minimum':
      return `must be at least ${p.limit}`;
    case 'maximum':
      return `must be at most ${p.limit}`;
    case 'exclusiveMinimum':
      return `must be more than ${p.limit}`;
    case 'exclusiveMaximum':
      return `must be less than ${p.limit}`;
    case 'minLength':
      return p.limit === 1
        ? 'must not be empty'
        : `must be at least ${p.limit} characters`;
    case 'maxLength':
      return `must be at most ${p.limit} characters`;
    case 'minItems':
      return `must have at least ${p.limit} item${p.limit === 1 ? '' : 's'}`;
    case 'maxItems':
      return `must have at most ${p.limit} items`;
    case 'minProperties':
      return `must have at least ${p.limit} fields`;
    case 'maxProperties':
      return `must have at most ${p.limit} fields`;
    case 'enum':
      return `must be one of ${p.allowedValues.join(', ')}`;
    case 'pattern':
      return `must match ${p.pattern}`;
    case 'format':
      return p.format === 'date-time'
        ? 'must be an ISO 8601 date-time such as 2026-11-23T02:00:00Z'
        : `must be ${article(p.format)}`;
    default:
      return e.message ?? 'is not valid';
  }
}

/** The refusal of `data` for Ajv's first error. */
export function bodyRefusal(e: ErrorObject, data: unknown): InputError {
  const schema: any = e.parentSchema ?? {};
  const messages = schema['x-messages'] ?? {};
  if (e.keyword === 'required') {
    const missing = (e.params as any).missingProperty as string;
    const property = schema.properties?.[missing] ?? {};
    return new InputError(
      `${fieldOf(e.instancePath, missing)} ${
        property['x-messages']?.required ?? 'is required'
      }`,
    );
  }
  if (e.keyword === 'additionalProperties') {
    const known = Object.keys(schema.properties ?? {});
    const names = Object.keys(valueAt(data, e.instancePath) as object)
      .filter(k => !known.includes(k))
      .join(', ');
    const where = e.instancePath ? fieldOf(e.instancePath) : 'the body';
    const sentence: string =
      messages.additionalProperties ?? `Unknown field(s) in ${where}: {names}`;
    return new InputError(sentence.replace(/\{names\}/g, names));
  }
  if (e.instancePath === '' && e.keyword === 'type') {
    return new InputError(
      `The request body must be ${article(`JSON ${(e.params as any).type}`)}`,
    );
  }
  const value = valueAt(data, e.instancePath);
  const key =
    e.keyword === 'type' && typeof value === 'number' ? 'integer' : e.keyword;
  const text: string =
    messages[key] ??
    (SHAPE.has(e.keyword) ? schema['x-message'] : undefined) ??
    defaultText(e, value);
  return new InputError(`${fieldOf(e.instancePath)} ${text}`);
}
