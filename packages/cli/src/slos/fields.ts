// Typed reads of YAML input that name the field when it is not what the
// format says: hostile or mistyped files give a message, never a TypeError.

/** A source field that makes its SLO (or document) unconvertible. */
export class FieldError extends Error {
  name = 'FieldError';
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

export type Fields = Record<string, unknown>;

export function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `a.b`, `a[0]`: the path of a child field. */
export function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'empty';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)?.slice(0, 60)}`;
}

/** The mapping at `path` or nothing; anything else throws naming it. */
export function optionalFields(
  obj: Fields,
  key: string,
  path: string,
): Fields | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (!isFields(value)) {
    throw new FieldError(
      at(path, key),
      `must be a mapping, got ${describe(value)}`,
    );
  }
  return value;
}

export function requiredFields(obj: Fields, key: string, path: string): Fields {
  const value = optionalFields(obj, key, path);
  if (!value) throw new FieldError(at(path, key), 'is missing');
  return value;
}

export function optionalList(
  obj: Fields,
  key: string,
  path: string,
): unknown[] | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    throw new FieldError(
      at(path, key),
      `must be a list, got ${describe(value)}`,
    );
  }
  return value;
}

export function optionalString(
  obj: Fields,
  key: string,
  path: string,
): string | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    throw new FieldError(
      at(path, key),
      `must be a string, got ${describe(value)}`,
    );
  }
  return value;
}

export function requiredString(obj: Fields, key: string, path: string): string {
  const value = optionalString(obj, key, path);
  if (value === undefined || !value.trim()) {
    throw new FieldError(at(path, key), 'is missing');
  }
  return value;
}

/** The first key of `keys` present (Sloth writes snake_case and camelCase). */
export function firstKey(obj: Fields, keys: string[]): string {
  return keys.find(k => obj[k] !== undefined && obj[k] !== null) ?? keys[0];
}

/** A percentage strictly between 0 and 100, as a number or a string. */
export function percent(obj: Fields, key: string, path: string): number {
  const value = obj[key];
  let number = NaN;
  if (typeof value === 'number') number = value;
  // Pyrra writes its target as a string ("99.9").
  if (typeof value === 'string' && value.trim() !== '') number = Number(value);
  if (value === undefined || value === null) {
    throw new FieldError(at(path, key), 'is missing');
  }
  if (!Number.isFinite(number) || number <= 0 || number >= 100) {
    throw new FieldError(
      at(path, key),
      `must be a percentage above 0 and below 100, got ${describe(value)}`,
    );
  }
  return number;
}

/** Keys present in `obj` among `keys`: fields a format has and Unyo leaves out. */
export function presentKeys(obj: Fields, keys: string[]): string[] {
  return keys.filter(k => obj[k] !== undefined && obj[k] !== null);
}
