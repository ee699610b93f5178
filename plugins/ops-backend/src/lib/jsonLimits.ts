import { InputError } from '@backstage/errors';

/** The limits one request's input is held to (docs/input-limits.md). */
export interface InputLimits {
  maxBodyBytes: number;
  /** Arrays and objects nested in each other, the outermost counting 1. */
  maxDepth: number;
  /** In UTF-16 code units, as JavaScript counts them. */
  maxStringLength: number;
  maxKeyLength: number;
  maxArrayLength: number;
  maxObjectKeys: number;
}

const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string is refused, or undefined: NUL, lone surrogates, length. */
function stringFault(value: string, maxLength: number): string | undefined {
  if (value.length > maxLength) {
    return `must be at most ${maxLength} characters`;
  }
  if (value.includes('\u0000')) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(value)) {
    return 'must not contain lone surrogates (invalid Unicode)';
  }
  return undefined;
}

/**
 * Refuses JSON text nested deeper than `maxDepth`, by a linear scan that
 * skips strings: nothing recursive has run on the input yet.
 */
export function checkJsonText(text: string, maxDepth: number): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) {
        throw new InputError(
          `body is nested more than ${maxDepth} levels deep`,
        );
      }
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
}

function fieldName(path: string[], root: string): string {
  return path.length ? path.join('.') : root;
}

/**
 * Checks a parsed value (depth already bounded): every string and key free
 * of NUL and lone surrogates and within its length, arrays and objects
 * within their sizes, numbers finite. The refusal names the field, e.g.
 * `alerts.0.labels.severity must be at most 16384 characters`.
 */
export function checkValue(
  value: unknown,
  root: string,
  limits: InputLimits,
  path: string[] = [],
): void {
  const field = () => fieldName(path, root);
  if (typeof value === 'string') {
    const fault = stringFault(value, limits.maxStringLength);
    if (fault) throw new InputError(`${field()} ${fault}`);
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new InputError(`${field()} must be a finite number`);
    }
  } else if (Array.isArray(value)) {
    if (value.length > limits.maxArrayLength) {
      throw new InputError(
        `${field()} must have at most ${limits.maxArrayLength} items`,
      );
    }
    value.forEach((item, i) =>
      checkValue(item, root, limits, [...path, String(i)]),
    );
  } else if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length > limits.maxObjectKeys) {
      throw new InputError(
        `${field()} must have at most ${limits.maxObjectKeys} fields`,
      );
    }
    for (const [key, item] of entries) {
      const fault = stringFault(key, limits.maxKeyLength);
      if (fault) {
        throw new InputError(`A field name in ${field()} ${fault}`);
      }
      checkValue(item, root, limits, [...path, key]);
    }
  }
}
