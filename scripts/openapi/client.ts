/**
 * The typed client of `/api/ops` that `yarn openapi:generate` writes into
 * plugins/ops-react/src/generated/: one type per schema of the spec and one
 * method per operationId, calling the backend through the discovery and
 * fetch APIs as Backstage's generated clients do (`backstage-repo-tools
 * package schema openapi generate --client-package`, which needs a Java jar
 * this repository cannot install). A failed request rejects with
 * `ResponseError` from `@backstage/errors`.
 */

type Schema = Record<string, any>;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function key(name: string) {
  return IDENTIFIER.test(name) ? name : `'${name}'`;
}

function doc(text: string | undefined, tags: string[] = []) {
  const lines = (text ?? '')
    .trim()
    .split('\n')
    .map(l => l.trim().replace(/\*\//g, '*\\/'))
    .filter((l, i, all) => l || (i > 0 && i < all.length - 1));
  const body = [
    ...lines,
    ...(lines.length && tags.length ? [''] : []),
    ...tags,
  ];
  if (!body.length) return '';
  return `/**\n${body.map(l => ` *${l ? ` ${l}` : ''}`).join('\n')}\n */\n`;
}

function refName(ref: string) {
  return ref.split('/').pop()!;
}

/** The TypeScript type of a schema (OpenAPI 3.0: `nullable`, no type arrays). */
export function tsType(schema: Schema | undefined): string {
  if (!schema) return 'any';
  let t: string;
  if (schema.$ref) t = refName(schema.$ref);
  else if (schema.allOf) t = schema.allOf.map(part).join(' & ');
  else if (schema.anyOf || schema.oneOf)
    t = (schema.anyOf ?? schema.oneOf).map(part).join(' | ');
  else if (schema.enum)
    t = schema.enum.map((v: unknown) => JSON.stringify(v)).join(' | ');
  else if (schema.type === 'array') t = `Array<${tsType(schema.items)}>`;
  else if (schema.type === 'object' || schema.properties)
    t = objectType(schema);
  else if (schema.type === 'integer' || schema.type === 'number') t = 'number';
  else if (schema.type === 'string') t = 'string';
  else if (schema.type === 'boolean') t = 'boolean';
  else t = 'any';
  return schema.nullable && t !== 'any' ? `${part({ _t: t })} | null` : t;
}

/** A member of a union or intersection, parenthesised when it is one itself. */
function part(schema: Schema): string {
  const t = schema._t ?? tsType(schema);
  return /[|&]/.test(t) && !/^\{[\s\S]*\}$/.test(t) ? `(${t})` : t;
}

function objectType(schema: Schema): string {
  const required = new Set<string>(schema.required ?? []);
  const members = Object.entries<Schema>(schema.properties ?? {}).map(
    ([name, prop]) =>
      `${doc(prop.description)}${key(name)}${
        required.has(name) ? '' : '?'
      }: ${tsType(prop)};`,
  );
  const extra = schema.additionalProperties;
  if (!members.length || (extra && typeof extra === 'object')) {
    if (extra !== false) {
      const value = extra && typeof extra === 'object' ? tsType(extra) : 'any';
      members.push(`[key: string]: ${members.length ? 'any' : value};`);
    }
  }
  return `{\n${members.join('\n')}\n}`;
}

function camel(operationId: string) {
  return operationId[0].toLowerCase() + operationId.slice(1);
}

interface Operation {
  method: string;
  path: string;
  op: Schema;
}

function operations(spec: Schema): Operation[] {
  const result: Operation[] = [];
  for (const [path, item] of Object.entries<Schema>(spec.paths)) {
    for (const [method, op] of Object.entries<Schema>(item)) {
      if (op?.operationId) result.push({ method, path, op });
    }
  }
  return result;
}

function resolve(spec: Schema, node: Schema): Schema {
  if (!node?.$ref) return node;
  return node.$ref
    .replace('#/', '')
    .split('/')
    .reduce((o: Schema, k: string) => o[k], spec);
}

/** The JSON body of the first 2xx answer, or none (`void`). */
function success(spec: Schema, op: Schema) {
  const status = Object.keys(op.responses).find(s => /^2/.test(s));
  const response = status ? resolve(spec, op.responses[status]) : undefined;
  const content = response?.content ?? {};
  return {
    json: content['application/json']?.schema as Schema | undefined,
    other: Object.keys(content).filter(t => t !== 'application/json'),
  };
}

function paramsType(params: Schema[]) {
  const required = params.some(p => p.required);
  const members = params.map(
    p =>
      `${doc(p.description)}${key(p.name)}${p.required ? '' : '?'}: ${tsType(
        p.schema,
      )};`,
  );
  return { required, type: `{\n${members.join('\n')}\n}` };
}

function method(spec: Schema, { method: verb, path, op }: Operation): string {
  const name = camel(op.operationId);
  const params = (op.parameters ?? []).map((p: Schema) => resolve(spec, p));
  const pathParams = params.filter((p: Schema) => p.in === 'path');
  const queryParams = params.filter((p: Schema) => p.in === 'query');
  const body = op.requestBody?.content?.['application/json']?.schema;
  const members: string[] = [];
  if (pathParams.length) members.push(`path: ${paramsType(pathParams).type};`);
  if (queryParams.length) {
    const q = paramsType(queryParams);
    members.push(`query${q.required ? '' : '?'}: ${q.type};`);
  }
  if (body)
    members.push(`body${op.requestBody.required ? '' : '?'}: ${tsType(body)};`);
  const requestRequired = members.some(m => !/^\w+\?/.test(m));
  const request = members.length
    ? `request${requestRequired ? '' : '?'}: {\n${members.join('\n')}\n}`
    : '_request?: Record<string, never>';
  const uri = path.replace(
    /\{(\w+)\}/g,
    (_, p) => `\${encodeURIComponent(request.path.${p})}`,
  );
  const { json, other } = success(spec, op);
  const result = json ? tsType(json) : 'void';
  const summary = `${
    op.summary ?? ''
  }\n\n\`${verb.toUpperCase()} /api/ops${path}\``;
  const call = (accept: string) =>
    `this.send('${verb.toUpperCase()}', \`${uri}\`, ${
      queryParams.length
        ? `request${requestRequired ? '' : '?'}.query`
        : 'undefined'
    }, ${
      body ? `request${requestRequired ? '' : '?'}.body` : 'undefined'
    }, '${accept}', options)`;
  const read = json
    ? `const response = await ${call('application/json')};
    return (await readJson(response)) as ${result};`
    : `await ${call('application/json')};`;
  let text = `${doc(
    summary,
  )}public async ${name}(${request}, options?: RequestOptions): Promise<${result}> {
    ${read}
  }\n`;
  for (const type of other) {
    text += `\n${doc(
      `${op.summary ?? ''}, as \`${type}\`.`,
    )}public async ${name}AsBlob(${request}, options?: RequestOptions): Promise<Blob> {
    const response = await ${call(type)};
    return response.blob();
  }\n`;
  }
  return text;
}

export interface GeneratedFile {
  path: string;
  text: string;
}

/** The generated files, relative to the repository root. */
export function generateClient(
  spec: Schema,
  header: string,
  dir: string,
): GeneratedFile[] {
  const models = Object.entries<Schema>(spec.components.schemas).map(
    ([name, schema]) =>
      `${doc(schema.description, ['@public'])}export type ${name} = ${tsType(
        schema,
      )};\n`,
  );
  const methods = operations(spec).map(o => method(spec, o));
  const used = Object.keys(spec.components.schemas).filter(name =>
    methods.some(m =>
      new RegExp(`\\b${name}\\b`).test(m.replace(/\/\*\*[\s\S]*?\*\//g, '')),
    ),
  );
  const client = `${header}import { ResponseError } from '@backstage/errors';
import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import type { ${used.join(', ')} } from './models';

/**
 * Options of one request: a token to send instead of the one the fetch API adds.
 *
 * @public
 */
export interface RequestOptions {
  token?: string;
}

/** The id the ops backend is discovered under. */
const pluginId = 'ops';

type Query = Record<string, string | number | boolean | Array<string | number | boolean> | undefined | null>;

/** \`?a=1&b=x\` of the set values, in the order given; arrays repeat the key. */
function queryString(query: Query | undefined) {
  const params: string[] = [];
  for (const [name, value] of Object.entries(query ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v !== undefined && v !== null && v !== '') {
        params.push(\`\${encodeURIComponent(name)}=\${encodeURIComponent(String(v))}\`);
      }
    }
  }
  return params.length ? \`?\${params.join('&')}\` : '';
}

/** The JSON body, or \`undefined\` for an answer without one (204). */
async function readJson(response: Response): Promise<unknown> {
  return response.status === 204 ? undefined : response.json();
}

/**
 * The client of the Unyo ops backend (\`/api/ops\`), generated from
 * plugins/ops-backend/src/schema/openapi.yaml: one method per operation.
 * Failed requests reject with \`ResponseError\` from \`@backstage/errors\`.
 *
 * @public
 */
export class OpsApiClient {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi?: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi ?? { fetch: (input, init) => fetch(input, init) };
  }

${methods.join('\n')}
  private async send(method: string, path: string, query: Query | undefined, body: unknown, accept: string, options: RequestOptions | undefined): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl(pluginId);
    const headers: Record<string, string> = { Accept: accept };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (options?.token) headers.Authorization = \`Bearer \${options.token}\`;
    const response = await this.fetchApi.fetch(\`\${baseUrl}\${path}\${queryString(query)}\`, {
      method,
      headers,
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
`;
  return [
    { path: `${dir}/models.ts`, text: `${header}${models.join('\n')}` },
    { path: `${dir}/OpsApiClient.ts`, text: client },
    {
      path: `${dir}/index.ts`,
      text: `${header}export * from './models';\nexport * from './OpsApiClient';\n`,
    },
  ];
}
