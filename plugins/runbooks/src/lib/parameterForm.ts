/**
 * What the runner's form (react-jsonschema-form) needs beyond the action's
 * schema: the uiSchema with secrets as password fields, and which translated
 * message an error of the validator gets.
 */
import type { RJSFValidationError, UiSchema } from '@rjsf/utils';
import { isSecretParameter } from '@unyo/plugin-ops-common';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** The schema and its oneOf/anyOf/allOf branches, which share one uiSchema. */
function branches(schema: Json): Json[] {
  const more = ['oneOf', 'anyOf', 'allOf'].flatMap(k =>
    Array.isArray(schema[k]) ? (schema[k] as unknown[]) : [],
  );
  return [schema, ...more.filter(isObject)];
}

function withSecrets(schema: unknown, ui: unknown): Json {
  const out: Json = isObject(ui) ? { ...ui } : {};
  if (!isObject(schema)) return out;
  const all = branches(schema);
  if (all.some(s => isSecretParameter(s)) && !out['ui:widget']) {
    out['ui:widget'] = 'password';
  }
  for (const s of all) {
    if (isObject(s.properties)) {
      for (const [name, prop] of Object.entries(s.properties)) {
        const child = withSecrets(prop, out[name]);
        if (Object.keys(child).length > 0) out[name] = child;
      }
    }
    if (isObject(s.items)) {
      const child = withSecrets(s.items, out.items);
      if (Object.keys(child).length > 0) out.items = child;
    }
  }
  return out;
}

/**
 * The form's uiSchema: the action's own, every secret (`writeOnly`,
 * `format: password`) shown as a password field, and no submit button of its
 * own (the dialog's Run button submits).
 */
export function formUiSchema(schema: unknown, uiSchema?: unknown): UiSchema {
  return {
    ...withSecrets(schema, uiSchema),
    'ui:submitButtonOptions': { norender: true },
  };
}

/** A validator error as the dialog words it; `code` picks the message. */
export interface FieldProblem {
  code:
    | 'required'
    | 'number'
    | 'integer'
    | 'minimum'
    | 'maximum'
    | 'pattern'
    | 'format'
    | 'oneOf'
    | 'minItems';
  field: string;
  limit?: string;
}

/** The schema at a property path such as `.ticket.id` or `.hosts.0`. */
function schemaAt(schema: unknown, path: string[]): Json | undefined {
  let current: unknown = schema;
  for (const segment of path) {
    if (!isObject(current)) return undefined;
    const all = branches(current);
    current =
      all
        .map(s => (isObject(s.properties) ? s.properties[segment] : undefined))
        .find(isObject) ?? all.map(s => s.items).find(isObject);
  }
  return isObject(current) ? current : undefined;
}

/**
 * What a validator error says, for the translated message; undefined for
 * the keywords without one (the validator's own English text is kept).
 */
export function fieldProblem(
  schema: unknown,
  error: RJSFValidationError,
): FieldProblem | undefined {
  const params = (error.params ?? {}) as Json;
  const path = (error.property ?? '').split('.').filter(Boolean);
  if (error.name === 'required' && typeof params.missingProperty === 'string') {
    // rjsf has already appended the missing property to the path.
    if (path[path.length - 1] !== params.missingProperty) {
      path.push(params.missingProperty);
    }
  }
  const title = schemaAt(schema, path)?.title;
  const field =
    typeof title === 'string' ? title : path[path.length - 1] ?? 'parameters';
  switch (error.name) {
    case 'required':
    case 'oneOf':
      return { code: error.name, field };
    case 'type':
      return params.type === 'number' || params.type === 'integer'
        ? { code: params.type, field }
        : undefined;
    case 'minimum':
    case 'maximum':
    case 'minItems':
      return { code: error.name, field, limit: String(params.limit) };
    case 'pattern':
      return { code: 'pattern', field, limit: String(params.pattern) };
    case 'format':
      return { code: 'format', field, limit: String(params.format) };
    default:
      return undefined;
  }
}
