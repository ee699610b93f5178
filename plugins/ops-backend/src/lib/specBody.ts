import { internal } from '@backstage/backend-openapi-utils';
import { ValidateFunction } from 'ajv';
import { spec } from '../schema/openapi';
import { bodyRefusal } from './specMessages';
import { inlineSchema, requestAjv } from './specSchemas';

type Spec = typeof spec;
type SpecPath = keyof Spec['paths'] & string;

/** The body of `method path` as src/schema/openapi.yaml types it. */
export type SpecBody<
  P extends SpecPath,
  M extends internal.DocPathMethod<Spec, P>,
> = internal.RequestBodyToJsonSchema<Spec, P, M>;

/**
 * The request body validator of one operation of src/schema/openapi.yaml:
 * `specBody('/silences', 'post')` returns a function that answers the body
 * typed as the spec says, or throws a 400 naming the first field the spec
 * refuses (specMessages.ts). Routes call it themselves, where the refusal must
 * be audited or stored (a refused runbook action is a `rejected` execution),
 * so validation stays after authentication. Compiled once, when the route
 * module asks for it.
 */
export function specBody<
  P extends SpecPath,
  M extends internal.DocPathMethod<Spec, P>,
>(path: P, method: M): (body: unknown) => SpecBody<P, M> {
  const operation = (spec.paths as any)[path]?.[method];
  const body = operation?.requestBody;
  const schema = body?.content?.['application/json']?.schema;
  if (!schema) {
    throw new Error(`src/schema/openapi.yaml has no JSON body for ${path}`);
  }
  const validate: ValidateFunction = requestAjv.compile(inlineSchema(schema));
  return (input: unknown) => {
    // An absent optional body reads as an empty object, as express gives it.
    const data = input === undefined && !body.required ? {} : input;
    if (!validate(data)) {
      throw bodyRefusal(validate.errors![0], data);
    }
    return data as SpecBody<P, M>;
  };
}
