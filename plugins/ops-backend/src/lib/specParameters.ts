import { InputError } from '@backstage/errors';
import { ValidateFunction } from 'ajv';
import { NextFunction, Request, Response } from 'express';
import { spec } from '../schema/openapi';
import { inlineSchema, requestAjv, resolveRef } from './specSchemas';

/**
 * The path and query parameters of every `/api/ops` route, validated from
 * src/schema/openapi.yaml before the route runs (docs/api.md). Unlike a
 * generic OpenAPI validator, each refusal is a 400 in the routes' own words:
 * `Query parameter month must be YYYY-MM, e.g. 2026-11: "2025-13"`, from the
 * parameter's `x-message` (`{name}` and `{value}` filled in) or else from its
 * schema (`must be one of …`, `must be an integer from … to …`). Request
 * bodies are validated from the same spec by their routes (specBody.ts),
 * which audit a refused silence or backup report and store a refused runbook
 * action as a `rejected` execution.
 */

interface Parameter {
  name: string;
  in: 'path' | 'query';
  required?: boolean;
  example?: string;
  'x-message'?: string;
  schema: any;
}

interface CheckedParameter extends Parameter {
  validate: ValidateFunction;
}

interface Operation {
  method: string;
  pattern: RegExp;
  /** Path parameter name per capture group. */
  pathNames: string[];
  parameters: CheckedParameter[];
}

function compileOperations(): Operation[] {
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(spec.paths as any)) {
    const pathNames: string[] = [];
    const pattern = new RegExp(
      `^${template.replace(/\{([^}]+)\}/g, (_m, name) => {
        pathNames.push(name);
        return '([^/]+)';
      })}/?$`,
    );
    for (const [method, op] of Object.entries(item as any)) {
      if (method === 'parameters') continue;
      const parameters = [
        ...((item as any).parameters ?? []),
        ...((op as any).parameters ?? []),
      ]
        .map(resolveRef)
        .filter((p: Parameter) => p.in === 'path' || p.in === 'query')
        .map((p: Parameter) => {
          // Inlined once: the checks below read the schema on each request.
          const schema = inlineSchema(p.schema);
          return { ...p, schema, validate: requestAjv.compile(schema) };
        });
      operations.push({ method, pattern, pathNames, parameters });
    }
  }
  // Literal paths before templates, as express matches them.
  return operations.sort((a, b) => a.pathNames.length - b.pathNames.length);
}

/** Query strings as the schema's type reads them; `undefined` if they cannot be. */
function coerce(value: string, schema: any): unknown {
  if (schema.type === 'integer' || schema.type === 'number') {
    const pattern = schema.type === 'integer' ? /^-?\d+$/ : /^-?\d+(\.\d+)?$/;
    return pattern.test(value) ? Number(value) : undefined;
  }
  if (schema.type === 'boolean') {
    if (value === 'true') return true;
    if (value === 'false') return false;
    return undefined;
  }
  return value;
}

/** What the schema asks of a value, in the words the routes use. */
function expectation(schema: any): { text: string; withValue: boolean } {
  if (schema.enum) {
    return {
      text: `must be one of ${schema.enum.join(', ')}`,
      withValue: true,
    };
  }
  if (schema.type === 'integer') {
    const max = schema.maximum ?? Number.MAX_SAFE_INTEGER;
    return {
      text: `must be an integer from ${schema.minimum ?? 0} to ${max}`,
      withValue: true,
    };
  }
  if (schema.maxLength !== undefined) {
    // The value itself may be long; it is not repeated.
    return {
      text: `must be at most ${schema.maxLength} characters`,
      withValue: false,
    };
  }
  if (schema.pattern) {
    return { text: `must match ${schema.pattern}`, withValue: true };
  }
  return { text: `must be a ${schema.type}`, withValue: true };
}

function refusal(parameter: Parameter, value: string): InputError {
  const where = `${parameter.in === 'path' ? 'Path' : 'Query'} parameter ${
    parameter.name
  }`;
  const custom = parameter['x-message'];
  if (custom) {
    return new InputError(
      custom.replace(/\{name\}/g, parameter.name).replace(/\{value\}/g, value),
    );
  }
  const { text, withValue } = expectation(parameter.schema);
  return new InputError(`${where} ${text}${withValue ? `: "${value}"` : ''}`);
}

function check(parameter: CheckedParameter, raw: unknown) {
  // Empty counts as absent, as the routes read optional parameters.
  if (raw === undefined || raw === '') {
    if (parameter.required) {
      const where = `${parameter.in === 'path' ? 'Path' : 'Query'} parameter`;
      throw new InputError(
        `${where} ${parameter.name} is required${
          parameter.example ? `, e.g. ${parameter.example}` : ''
        }`,
      );
    }
    return;
  }
  // Repeated and nested query values are refused before, by inputHygiene.
  if (typeof raw !== 'string') return;
  const value = coerce(raw, parameter.schema);
  if (value === undefined || !parameter.validate(value)) {
    throw refusal(parameter, raw);
  }
}

let compiled: Operation[] | undefined;

/** The middleware: a 400 naming the first parameter the spec refuses. */
export function specParameters() {
  // Compiled once per process: every router of the tests shares them.
  compiled ??= compileOperations();
  const operations = compiled;
  return (req: Request, _res: Response, next: NextFunction) => {
    const method = req.method.toLowerCase();
    const operation = operations.find(
      o => o.method === method && o.pattern.test(req.path),
    );
    if (!operation) {
      next();
      return;
    }
    try {
      const match = operation.pattern.exec(req.path)!;
      const path = Object.fromEntries(
        operation.pathNames.map((name, i) => [
          name,
          decodeURIComponent(match[i + 1]),
        ]),
      );
      for (const parameter of operation.parameters) {
        check(
          parameter,
          parameter.in === 'path'
            ? path[parameter.name]
            : req.query[parameter.name],
        );
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}
