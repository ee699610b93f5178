import { InputError } from '@backstage/errors';
import {
  OpsJsonObject,
  PARAMETER_FORMATS,
  formatAjvErrors,
} from '@unyo/plugin-ops-common';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

// The options and formats of the runner's form (@rjsf/validator-ajv8), so
// that the backend accepts what the form sends and refuses what it refuses.
const ajv = new Ajv({
  allErrors: true,
  verbose: true,
  strict: false,
  // Defaults of the schema are filled in, and then stored with the execution.
  useDefaults: true,
});
addFormats(ajv);
for (const [name, check] of Object.entries(PARAMETER_FORMATS)) {
  ajv.addFormat(name, check);
}
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
