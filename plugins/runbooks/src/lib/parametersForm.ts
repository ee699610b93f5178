/**
 * The parameters form of an action, from its JSON schema: a flat object of
 * string, number/integer, boolean and enum properties. Anything richer is
 * shown as a string field and left for the backend to validate (its 400
 * message is shown in the dialog), which keeps the bundle free of a full JSON
 * schema form library.
 */

/** One field of the form. */
export interface ParameterField {
  name: string;
  kind: 'string' | 'number' | 'integer' | 'boolean' | 'enum';
  label: string;
  description?: string;
  required: boolean;
  options?: Array<string | number>;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  defaultValue?: string | number | boolean;
}

/** What the form holds: text for text fields, booleans for checkboxes. */
export type ParameterValues = Record<string, string | boolean>;

/** A problem with one field; `code` selects the translated message. */
export interface ParameterError {
  name: string;
  code: 'required' | 'number' | 'integer' | 'minimum' | 'maximum' | 'pattern';
  limit?: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** The fields of a schema, in the order of its properties. */
export function parameterFields(schema: unknown): ParameterField[] {
  if (!isObject(schema) || !isObject(schema.properties)) return [];
  const required = Array.isArray(schema.required)
    ? schema.required.filter((r): r is string => typeof r === 'string')
    : [];
  return Object.entries(schema.properties).map(([name, raw]) => {
    const prop = isObject(raw) ? raw : {};
    const options = Array.isArray(prop.enum)
      ? prop.enum.filter(
          (o): o is string | number =>
            typeof o === 'string' || typeof o === 'number',
        )
      : undefined;
    let kind: ParameterField['kind'] = 'string';
    if (options?.length) kind = 'enum';
    else if (prop.type === 'boolean') kind = 'boolean';
    else if (prop.type === 'integer') kind = 'integer';
    else if (prop.type === 'number') kind = 'number';
    const def = prop.default;
    return {
      name,
      kind,
      label: typeof prop.title === 'string' ? prop.title : name,
      description:
        typeof prop.description === 'string' ? prop.description : undefined,
      required: required.includes(name),
      options: kind === 'enum' ? options : undefined,
      minimum: typeof prop.minimum === 'number' ? prop.minimum : undefined,
      maximum: typeof prop.maximum === 'number' ? prop.maximum : undefined,
      pattern: typeof prop.pattern === 'string' ? prop.pattern : undefined,
      defaultValue:
        typeof def === 'string' ||
        typeof def === 'number' ||
        typeof def === 'boolean'
          ? def
          : undefined,
    };
  });
}

/** The form's starting values: the schema's defaults, else empty. */
export function initialValues(fields: ParameterField[]): ParameterValues {
  return Object.fromEntries(
    fields.map(f => {
      if (f.kind === 'boolean') return [f.name, f.defaultValue === true];
      return [
        f.name,
        f.defaultValue === undefined ? '' : String(f.defaultValue),
      ];
    }),
  );
}

/** The problems of the values; empty when the form may be sent. */
export function validateParameters(
  fields: ParameterField[],
  values: ParameterValues,
): ParameterError[] {
  const errors: ParameterError[] = [];
  for (const field of fields) {
    if (field.kind === 'boolean') continue;
    const text = String(values[field.name] ?? '').trim();
    if (text === '') {
      if (field.required) errors.push({ name: field.name, code: 'required' });
      continue;
    }
    if (field.kind === 'number' || field.kind === 'integer') {
      const n = Number(text);
      if (!Number.isFinite(n)) {
        errors.push({ name: field.name, code: 'number' });
        continue;
      }
      if (field.kind === 'integer' && !Number.isInteger(n)) {
        errors.push({ name: field.name, code: 'integer' });
        continue;
      }
      if (field.minimum !== undefined && n < field.minimum) {
        errors.push({
          name: field.name,
          code: 'minimum',
          limit: String(field.minimum),
        });
      } else if (field.maximum !== undefined && n > field.maximum) {
        errors.push({
          name: field.name,
          code: 'maximum',
          limit: String(field.maximum),
        });
      }
    } else if (field.kind === 'string' && field.pattern) {
      let matches = true;
      try {
        matches = new RegExp(field.pattern, 'u').test(text);
      } catch {
        // a pattern the browser cannot compile is the backend's to check
      }
      if (!matches) {
        errors.push({
          name: field.name,
          code: 'pattern',
          limit: field.pattern,
        });
      }
    }
  }
  return errors;
}

/**
 * The `parameters` of the request: numbers as numbers, enum values as the
 * schema's own values, empty optional fields left out.
 */
export function toParameters(
  fields: ParameterField[],
  values: ParameterValues,
): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (field.kind === 'boolean') {
      out[field.name] = value === true;
      continue;
    }
    const text = String(value ?? '').trim();
    if (text === '') continue;
    if (field.kind === 'number' || field.kind === 'integer') {
      out[field.name] = Number(text);
    } else if (field.kind === 'enum') {
      out[field.name] =
        field.options?.find(option => String(option) === text) ?? text;
    } else {
      out[field.name] = text;
    }
  }
  return out;
}
