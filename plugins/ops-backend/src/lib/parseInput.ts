import { InputError } from '@backstage/errors';
import { z } from 'zod';

/**
 * `input` as `schema` reads it, or a 400 naming the first bad field:
 * `<field> is required` when it is missing, else `<field> <zod's message>`
 * (`body` when the issue is with the whole input). Schemas declared
 * `.strict()` say what to call unknown fields with `unknownKeys`.
 */
export function parseInput<T>(
  schema: z.ZodType<T>,
  input: unknown,
  options: { unknownKeys?: (keys: string[]) => string } = {},
): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue.code === 'unrecognized_keys' && options.unknownKeys) {
    throw new InputError(options.unknownKeys(issue.keys));
  }
  const field = issue.path.join('.') || 'body';
  const given = issue.path.reduce<any>(
    (value, key) =>
      value === null || value === undefined ? undefined : value[key as any],
    input,
  );
  const message =
    issue.code === 'invalid_type' && given === undefined
      ? 'is required'
      : issue.message;
  throw new InputError(`${field} ${message}`);
}
