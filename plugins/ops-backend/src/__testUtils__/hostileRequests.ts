import fc from 'fast-check';
import { RUNBOOK_PATH, SERVICE, USER } from './hostileBackend';

/** One route of src/schema/openapi.yaml with an input it would accept. */
interface Route {
  method: 'get' | 'post' | 'delete';
  /** Segments after /api/ops; `{name}` is a path parameter. */
  path: string;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: Record<string, unknown>;
  /** Dotted paths into `body` worth spoiling, besides a new field. */
  fields?: string[];
  auth?: string;
}

const ENTITY = { entityRef: 'component:default/svc' };
const now = Date.now();
const iso = (ms: number) => new Date(now - ms).toISOString();

export const ROUTES: Route[] = [
  { method: 'get', path: '/status' },
  { method: 'get', path: '/slos', query: ENTITY },
  {
    method: 'get',
    path: '/slos/{namespace}/{name}',
    params: { namespace: 'default', name: 'slo' },
  },
  {
    method: 'get',
    path: '/slos/{namespace}/{name}/corrections',
    params: { namespace: 'default', name: 'slo' },
  },
  {
    method: 'post',
    path: '/slos/{namespace}/{name}/corrections',
    params: { namespace: 'default', name: 'slo' },
    body: {
      start: iso(3 * 86_400_000),
      end: iso(86_400_000),
      category: 'dependency',
      reason: 'Upstream outage',
    },
    fields: ['start', 'end', 'category', 'reason'],
  },
  {
    method: 'delete',
    path: '/slos/{namespace}/{name}/corrections/{id}',
    params: { namespace: 'default', name: 'slo', id: 'abc-123' },
  },
  {
    method: 'post',
    path: '/slos/preview',
    body: {
      document: [
        'apiVersion: openslo/v1',
        'kind: SLO',
        'metadata: { name: draft }',
        'spec:',
        '  service: svc',
        '  budgetingMethod: Occurrences',
        '  objectives: [{ target: 0.99 }]',
        '  indicator:',
        '    spec:',
        '      ratioMetric:',
        '        counter: true',
        '        good: { metricSource: { type: Prometheus, spec: { query: ok_total } } }',
        '        total: { metricSource: { type: Prometheus, spec: { query: all_total } } }',
      ].join('\n'),
    },
    fields: ['document'],
  },
  { method: 'get', path: '/slo-report', query: { month: '2026-11' } },
  { method: 'get', path: '/slo-report/summary', query: { month: '2026-11' } },
  { method: 'get', path: '/alerts', query: ENTITY },
  { method: 'get', path: '/alerts/history', query: ENTITY },
  {
    method: 'post',
    path: '/alerts/webhook',
    auth: SERVICE,
    body: {
      version: '4',
      alerts: [
        {
          status: 'firing',
          labels: { alertname: 'A', service: 'svc' },
          startsAt: iso(60_000),
          fingerprint: 'f1',
        },
      ],
    },
    fields: [
      'version',
      'alerts.0.status',
      'alerts.0.labels.alertname',
      'alerts.0.labels.service',
      'alerts.0.startsAt',
      'alerts.0.fingerprint',
    ],
  },
  { method: 'get', path: '/silences', query: ENTITY },
  {
    method: 'post',
    path: '/silences',
    body: {
      ...ENTITY,
      matchers: [{ name: 'service', value: 'svc', isRegex: false }],
      durationMinutes: 60,
      comment: 'maintenance',
    },
    fields: [
      'entityRef',
      'matchers.0.name',
      'matchers.0.value',
      'durationMinutes',
      'comment',
    ],
  },
  {
    method: 'delete',
    path: '/silences/{id}',
    params: { id: 'abc-123' },
    query: ENTITY,
  },
  { method: 'get', path: '/backups', query: ENTITY },
  {
    method: 'get',
    path: '/backups/coverage',
    query: { entityRef: 'system:default/sys' },
  },
  {
    method: 'post',
    path: '/backups/reports',
    auth: SERVICE,
    body: {
      policyRef: 'backuppolicy:default/db',
      target: 'db',
      status: 'succeeded',
      startedAt: iso(120_000),
      finishedAt: iso(60_000),
      sizeBytes: 10,
      message: 'ok',
    },
    fields: [
      'policyRef',
      'target',
      'status',
      'startedAt',
      'finishedAt',
      'sizeBytes',
      'message',
    ],
  },
  { method: 'get', path: '/health', query: ENTITY },
  { method: 'get', path: '/runbooks', query: ENTITY },
  {
    method: 'post',
    path: RUNBOOK_PATH.replace('/api/ops', '').concat('/{actionId}/executions'),
    params: { actionId: 'run' },
    body: { parameters: { job: 'nightly' }, idempotencyKey: 'k-1', ...ENTITY },
    fields: ['parameters.job', 'idempotencyKey', 'entityRef'],
  },
  {
    method: 'get',
    path: '/executions',
    query: { runbookRef: 'runbook:default/jobs', limit: '10' },
  },
  {
    method: 'get',
    path: '/executions/{id}',
    params: { id: '5f0c4f2e-0b1e-4e57-9a43-6f3d2f3b7d11' },
  },
  {
    method: 'delete',
    path: '/gate/overrides/{id}',
    params: { id: '5f0c4f2e-0b1e-4e57-9a43-6f3d2f3b7d11' },
  },
  {
    method: 'get',
    path: '/changes',
    query: { ...ENTITY, from: iso(3_600_000), to: iso(0) },
  },
  {
    method: 'post',
    path: '/changes',
    auth: SERVICE,
    body: {
      ...ENTITY,
      at: iso(60_000),
      kind: 'deploy',
      title: 'svc v1.2.3',
      url: 'https://ci.example.com/runs/1',
    },
    fields: ['entityRef', 'at', 'kind', 'title', 'url'],
  },
];

const RAW = '__raw_json_text__';
const text = fc.string({ maxLength: 8 });
const around = (middle: string) =>
  fc.tuple(text, text).map(([a, b]) => `${a}${middle}${b}`);

/** Strings no field accepts, wherever they are. */
const hostileString = (minLength: number) =>
  fc.oneof(
    around('\u0000'),
    around('\uD800'),
    around('\uDFFF'),
    fc.integer({ min: minLength + 1, max: 70_000 }).map(n => 'x'.repeat(n)),
  );

/** Encoded text around a raw percent sequence, to stay one segment or value. */
const encodedAround = (middle: string) =>
  fc
    .tuple(text, text)
    .map(
      ([a, b]) => `${encodeURIComponent(a)}${middle}${encodeURIComponent(b)}`,
    );

/** A path segment, as sent: NUL, a surrogate's bytes, broken escapes, length. */
const hostileSegment = fc.oneof(
  encodedAround('%00'),
  encodedAround('%ED%A0%80'),
  encodedAround('%zz'),
  fc.integer({ min: 1025, max: 4000 }).map(n => 'x'.repeat(n)),
);

/** A query value, as sent (URLs stay below Node's 16 KiB header limit). */
const hostileQueryValue = fc.oneof(
  encodedAround('%00'),
  fc.integer({ min: 1025, max: 8000 }).map(n => 'x'.repeat(n)),
);

/** A hostile body value: its JSON text when it is raw, and the field to name. */
const hostileBodyValue = (webhook: boolean) =>
  fc.oneof(
    hostileString(webhook ? 16_384 : 4096).map(v => ({ value: v as unknown })),
    fc
      .integer({ min: 33, max: 20_000 })
      .map(d => ({ raw: `${'['.repeat(d)}${']'.repeat(d)}`, deep: true })),
    fc.constantFrom('1e400', '-1e999').map(raw => ({ raw })),
    fc.constant({
      value: new Array(webhook ? 10_001 : 1001).fill(0) as unknown,
    }),
    around('\u0000').map(k => ({ value: { [k]: 1 } as unknown, key: true })),
  );

export interface HostileRequest {
  method: Route['method'];
  url: string;
  auth: string;
  /** JSON text, for routes with a body. */
  body?: string;
  /** What the refusal's message must mention. */
  field: string;
  route: string;
}

function setAt(body: any, path: string, value: unknown) {
  const keys = path.split('.');
  let node = body;
  for (const key of keys.slice(0, -1)) node = node[key];
  node[keys[keys.length - 1]] = value;
}

/** Parameters are given as sent: the defaults need no encoding. */
function urlOf(route: Route, params: Record<string, string>, query: string) {
  const path = route.path.replace(/\{(\w+)\}/g, (_, p) => params[p]);
  return `/api/ops${path}${query ? `?${query}` : ''}`;
}

function queryText(query: Record<string, string>, raw: Record<string, string>) {
  return [
    ...Object.entries(query).map(
      ([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`,
    ),
    ...Object.entries(raw).map(([k, v]) => `${k}=${v}`),
  ].join('&');
}

/** A route's valid input with exactly one field spoiled. */
export const hostileRequest: fc.Arbitrary<HostileRequest> = fc
  .constantFrom(...ROUTES)
  .chain(route => {
    const paramNames = Object.keys(route.params ?? {});
    const queryNames = Object.keys(route.query ?? {});
    const bodyFields = route.body ? [...(route.fields ?? []), 'extra'] : [];
    const where = fc.constantFrom(
      ...paramNames.map(n => ({ kind: 'param' as const, name: n })),
      ...[...queryNames, 'extra'].map(n => ({
        kind: 'query' as const,
        name: n,
      })),
      ...bodyFields.map(n => ({ kind: 'body' as const, name: n })),
    );
    const webhook = route.path === '/alerts/webhook';
    return fc.tuple(
      fc.constant(route),
      where,
      hostileSegment,
      hostileQueryValue,
      hostileBodyValue(webhook),
    );
  })
  .map(([route, where, segment, queryValue, bodyValue]) => {
    const params = { ...route.params };
    const query = { ...route.query };
    const rawQuery: Record<string, string> = {};
    const body = route.body && structuredClone(route.body);
    let field = where.name;
    let raw: string | undefined;
    if (where.kind === 'param') {
      params[where.name] = segment;
      field = `Path parameter ${where.name}`;
    } else if (where.kind === 'query') {
      // A value given as a nested object (`?k[a]=b`) half of the time.
      delete query[where.name];
      if (queryValue.length % 2 === 0) rawQuery[`${where.name}[a]`] = 'b';
      else rawQuery[where.name] = queryValue;
      field = `Query parameter ${where.name}`;
    } else if ('raw' in bodyValue) {
      setAt(body, where.name, RAW);
      raw = bodyValue.raw;
      if ('deep' in bodyValue) field = 'body';
    } else {
      setAt(body, where.name, bodyValue.value);
      if ('key' in bodyValue) field = `A field name in ${where.name}`;
    }
    const json =
      body && JSON.stringify(body).replace(`"${RAW}"`, raw ?? `"${RAW}"`);
    return {
      method: route.method,
      url: urlOf(route, params, queryText(query, rawQuery)),
      auth: route.auth ?? USER,
      ...(json !== undefined ? { body: json } : {}),
      field,
      route: `${route.method.toUpperCase()} ${route.path}`,
    };
  });
