import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import express from 'express';
import { spec } from '../schema/openapi';

/**
 * Checks every answer of `/api/ops` a test receives against the OpenAPI spec
 * (src/schema/openapi.yaml): the route must be in the spec and its body must
 * match the response schema of its status. Installed for every test of the
 * package by setupTests.ts, so each router and route test, on every database
 * it runs on, also fails when the route and the spec disagree.
 */

/** OpenAPI 3.0 `nullable` as JSON Schema, and refs into one schema document. */
function toJsonSchema(node: any): any {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: any = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'nullable') continue;
    out[key] =
      key === '$ref' ? `ops-api${value as string}` : toJsonSchema(value);
  }
  return node.nullable ? { anyOf: [out, { type: 'null' }] } : out;
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({
  $id: 'ops-api',
  ...toJsonSchema({ components: spec.components }),
});

const routes = Object.entries(spec.paths as Record<string, any>).map(
  ([template, item]) => ({
    template,
    item,
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
  }),
);

function resolve(node: any): any {
  if (!node?.$ref) return node;
  return node.$ref
    .replace('#/', '')
    .split('/')
    .reduce((o: any, k: string) => o[k], spec);
}

const violations: string[] = [];

/** The first few errors, with the extra property's name where there is one. */
function describe(errors: typeof ajv.errors): string {
  return (errors ?? [])
    .slice(0, 3)
    .map(
      e =>
        `${e.instancePath || '/'} ${e.message}${
          e.params?.additionalProperty ? `: ${e.params.additionalProperty}` : ''
        }`,
    )
    .join('; ');
}

/** What disagreed with the spec since the last call. */
export function takeSpecViolations(): string[] {
  return violations.splice(0);
}

function check(req: express.Request, status: number, body: unknown) {
  const url = req.originalUrl.split('?')[0];
  if (!url.startsWith('/api/ops/')) return;
  // Backstage's own routes in every plugin (the actions registry's
  // /.backstage/actions, health): their contract is Backstage's, not the spec's.
  if (url.startsWith('/api/ops/.backstage/')) return;
  const path = url.slice('/api/ops'.length);
  const method = req.method.toLowerCase();
  const route = routes.find(r => r.pattern.test(path) && r.item[method]);
  const where = `${req.method} ${url} → ${status}`;
  if (!route) {
    violations.push(`${where}: the route is not in the spec`);
    return;
  }
  const op = route.item[method];
  const response = resolve(
    op.responses[String(status)] ?? op.responses.default,
  );
  if (!response) {
    violations.push(`${where}: the spec has no such status`);
    return;
  }
  const schema = response.content?.['application/json']?.schema;
  if (!schema) {
    if (body !== undefined && body !== '') {
      violations.push(`${where}: the spec says no JSON body`);
    }
    return;
  }
  const validate = ajv.compile(toJsonSchema(schema));
  if (!validate(JSON.parse(JSON.stringify(body)))) {
    violations.push(`${where}: ${describe(validate.errors)}`);
  }
  if (status < 300 && op.requestBody && req.body !== undefined) {
    const bodySchema = op.requestBody.content['application/json'].schema;
    const validateRequest = ajv.compile(toJsonSchema(bodySchema));
    if (!validateRequest(req.body)) {
      violations.push(
        `${where}: accepted a request the spec rejects: ${describe(
          validateRequest.errors,
        )}`,
      );
    }
  }
}

let installed = false;

/** Wraps express's `res.json` and `res.end` once for the test process. */
export function installSpecConformanceCheck() {
  if (installed) return;
  installed = true;
  const proto = express.response as any;
  const json = proto.json;
  proto.json = function checkedJson(this: express.Response, body: unknown) {
    (this as any).unyoChecked = true;
    check(this.req, this.statusCode, body);
    return json.call(this, body);
  };
  const end = proto.end;
  proto.end = function checkedEnd(this: express.Response, ...args: any[]) {
    const ct = String(this.getHeader('content-type') ?? '');
    if (!(this as any).unyoChecked && !ct.includes('json')) {
      (this as any).unyoChecked = true;
      if (!ct) check(this.req, this.statusCode, undefined);
    }
    return end.apply(this, args);
  };
}
