import { InputError } from '@backstage/errors';
import { OpsJsonObject, formatAjvErrors } from '@unyo/plugin-ops-common';
import Ajv, { ValidateFunction } from 'ajv';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME =
  /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

const ajv = new Ajv({
  allErrors: true,
  verbose: true,
  strict: false,
  // Defaults of the schema are filled in, and then stored with the execution.
  useDefaults: true,
  // The formats runbooks use (a restore timestamp, a secret); `password`
  // only marks a value to redact.
  formats: {
    date: s => DATE.test(s) && !Number.isNaN(Date.parse(s)),
    'date-time': s => DATE_TIME.test(s) && !Number.isNaN(Date.parse(s)),
    password: true,
  },
});
const compiled = new Map<string, ValidateFunction>();

/**
 * Validates the parameters against the action's JSON schema (defaults
 * applied) and answers them; a 400 names each field that is wrong, e.g.
 * `parameters.reason is required`. Without a schema, only `{}` is accepted.
 */
export function validateParameters(
  schema: OpsJsonObject | undefined,
  parameters: OpsJsonObject | undefined,
  schemaPath: string,
): OpsJsonObject {
  const value = structuredClone(parameters ?? {});
  if (!schema) {
    const names = Object.keys(value);
    if (names.length > 0) {
      throw new InputError(
        `parameters.${names[0]} is not a parameter of this action (it takes none)`,
      );
    }
    return value;
  }
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    try {
      validate = ajv.compile(schema);
    } catch (error) {
      throw new InputError(
        `${schemaPath} is not a valid JSON schema: ${(error as Error).message}`,
      );
    }
    compiled.set(key, validate);
  }
  if (!validate(value)) {
    const messages = formatAjvErrors(validate.errors).map(e =>
      e.path
        ? `parameters.${e.message}`
        : e.message.replace(/^document/, 'parameters'),
    );
    throw new InputError(messages.join('; '));
  }
  return value;
}

/**
 * The parameters as they may be stored and audited: properties the schema
 * marks `writeOnly: true` or `format: password` are replaced by `***`.
 */
export function redactParameters(
  schema: OpsJsonObject | undefined,
  parameters: OpsJsonObject,
): OpsJsonObject {
  const properties = (schema?.properties ?? {}) as Record<
    string,
    { writeOnly?: unknown; format?: unknown } | undefined
  >;
  return Object.fromEntries(
    Object.entries(parameters).map(([name, value]) => {
      const p = properties[name];
      const secret = p?.writeOnly === true || p?.format === 'password';
      return [name, secret ? '***' : value];
    }),
  );
}
