import type { OpsJsonObject, OpsJsonValue } from '../kinds/json';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME =
  /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

/**
 * The string formats of action parameters whose meaning Unyo fixes, checked
 * the same way by the runner's form and by the ops backend (on top of the
 * standard ajv-formats set, e.g. `uri`, `email`): a date-time needs its time
 * zone, and `password` only marks a secret.
 *
 * @public
 */
export const PARAMETER_FORMATS: Record<string, (value: string) => boolean> = {
  date: s => DATE.test(s) && !Number.isNaN(Date.parse(s)),
  'date-time': s => DATE_TIME.test(s) && !Number.isNaN(Date.parse(s)),
  password: () => true,
};

/** The text that replaces a secret parameter in the history and the audit. @public */
export const REDACTED = '***';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Whether a parameter is a secret: its schema says `writeOnly: true` or
 * `format: password`, or the action's uiSchema shows it with
 * `ui:widget: password`.
 *
 * @public
 */
export function isSecretParameter(schema: unknown, uiSchema?: unknown) {
  return (
    (isObject(schema) &&
      (schema.writeOnly === true || schema.format === 'password')) ||
    (isObject(uiSchema) && uiSchema['ui:widget'] === 'password')
  );
}

/** The subschemas a value may be checked against besides the schema itself. */
function alternatives(schema: Json): Json[] {
  return ['oneOf', 'anyOf', 'allOf']
    .flatMap(k => (Array.isArray(schema[k]) ? (schema[k] as unknown[]) : []))
    .filter(isObject);
}

function redactValue(
  schemas: Json[],
  uiSchema: unknown,
  value: OpsJsonValue,
): OpsJsonValue {
  // A branch of oneOf/anyOf that marks a field secret makes it secret in
  // every branch: which branch matched is not worth the risk of a leak.
  const all = schemas.flatMap(s => [s, ...alternatives(s)]);
  if (all.some(s => isSecretParameter(s, uiSchema))) return REDACTED;
  const ui = isObject(uiSchema) ? uiSchema : {};
  if (Array.isArray(value)) {
    const items = all.map(s => s.items).filter(isObject);
    return value.map(v => redactValue(items, ui.items, v));
  }
  if (isObject(value)) {
    return Object.fromEntries(
      Object.entries(value as OpsJsonObject).map(([name, v]) => {
        const props = all
          .map(s => (isObject(s.properties) ? s.properties[name] : undefined))
          .filter(isObject);
        // a parsed JSON object has no undefined values
        return [name, redactValue(props, ui[name], v as OpsJsonValue)];
      }),
    );
  }
  return value;
}

/**
 * The parameters as they may be stored and audited: every secret (see
 * {@link isSecretParameter}), at any depth, replaced by `***`.
 *
 * @public
 */
export function redactParameters(
  schema: OpsJsonObject | undefined,
  parameters: OpsJsonObject,
  uiSchema?: OpsJsonObject,
): OpsJsonObject {
  return redactValue(
    schema ? [schema] : [],
    uiSchema,
    parameters,
  ) as OpsJsonObject;
}
