import { OpsJsonValue } from '@unyo/plugin-ops-common';

/**
 * The value at a JSON pointer (RFC 6901: `/a/0/b`, `~1` for `/`, `~0` for
 * `~`; `` for the whole document), or undefined where there is none.
 */
export function readPointer(
  document: OpsJsonValue | undefined,
  pointer: string,
): OpsJsonValue | undefined {
  if (pointer === '') return document;
  if (!pointer.startsWith('/')) return undefined;
  let current: OpsJsonValue | undefined = document;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) {
      current = /^(0|[1-9]\d*)$/.test(key) ? current[Number(key)] : undefined;
    } else if (current !== null && typeof current === 'object') {
      current = Object.prototype.hasOwnProperty.call(current, key)
        ? (current as Record<string, OpsJsonValue>)[key]
        : undefined;
    } else {
      return undefined;
    }
    if (current === undefined) return undefined;
  }
  return current;
}

/** A scalar as text (ids and statuses); objects and arrays are not one. */
export function scalarText(
  value: OpsJsonValue | undefined,
): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return undefined;
}
