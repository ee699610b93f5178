import { Entity } from '@backstage/catalog-model';

/** The Runbook of docs/catalog-model.md as the catalog serves it. */
export const runbookEntity: Entity = {
  apiVersion: 'unyo.dev/v1alpha1',
  kind: 'Runbook',
  metadata: {
    name: 'identity-service-down',
    namespace: 'default',
    title: 'Service down',
  },
  spec: {
    titleJa: 'サービス停止',
    description: 'When **identity-service** stops answering.',
    owner: 'group:default/sre',
    appliesTo: ['component:default/identity-service'],
    severity: 'critical',
    alerts: ['ServiceDown'],
    steps: [
      {
        title: 'Check pods',
        titleJa: 'Pod を確認',
        description: 'Look for pods that are *not* `Running`.',
        run: 'kubectl get pods -n production -l app=identity-service',
        language: 'bash',
      },
      { title: 'Restart the deployment', action: 'restart' },
    ],
    actions: [
      {
        id: 'restart',
        title: 'Rolling restart',
        titleJa: 'ローリング再起動',
        type: 'http',
        destructive: true,
        timeoutSeconds: 60,
        target: 'automation',
        request: { method: 'POST', path: '/api/45/job/restart-identity/run' },
        parameters: {
          type: 'object',
          properties: { reason: { type: 'string' } },
          required: ['reason'],
        },
      },
      {
        id: 'error-ratio',
        title: '5xx ratio below 1 %',
        type: 'prometheus-query',
        query: 'sum(rate(http_requests_total{code=~"5.."}[5m]))',
        server: 'default',
        expect: { op: 'lt', value: 0.01 },
      },
    ],
  },
  relations: [
    { type: 'ownedBy', targetRef: 'group:default/sre' },
    { type: 'runbookFor', targetRef: 'component:default/identity-service' },
  ],
};

export const componentEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'identity-service', namespace: 'default' },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/sre',
  },
  relations: [
    { type: 'ownedBy', targetRef: 'group:default/sre' },
    { type: 'hasRunbook', targetRef: 'runbook:default/identity-service-down' },
  ],
};

/** The runbook above as `GET /api/ops/runbooks` lists it. */
export function runbookSummary(
  overrides: Partial<import('@unyo/plugin-ops-common').RunbookSummary> = {},
): import('@unyo/plugin-ops-common').RunbookSummary {
  return {
    ref: 'runbook:default/identity-service-down',
    title: 'Service down',
    owner: 'group:default/sre',
    appliesTo: ['component:default/identity-service'],
    alerts: ['ServiceDown'],
    firingAlerts: [],
    actions: [],
    canExecute: true,
    ...overrides,
  };
}

/** An execution as the ops backend answers it. */
export function execution(
  overrides: Partial<import('@unyo/plugin-ops-common').Execution> = {},
): import('@unyo/plugin-ops-common').Execution {
  return {
    id: 'exec-1',
    runbookRef: 'runbook:default/identity-service-down',
    actionId: 'health',
    entityRef: 'component:default/identity-service',
    actor: 'user:default/guest',
    parameters: {},
    status: 'running',
    output: null,
    createdAt: '2026-11-23T07:00:00.000Z',
    finishedAt: null,
    ...overrides,
  };
}

/** A health-check output of a degraded endpoint with dependency checks. */
export const healthOutput = {
  summary: '1 of 1 endpoints up',
  health: [
    {
      url: 'http://127.0.0.1:18041/health/ready',
      status: 'degraded',
      latencyMs: 12,
      checks: [
        { name: 'database', status: 'connected' },
        { name: 'queue', status: 'degraded', detail: 'length: 18500' },
      ],
    },
  ],
};
