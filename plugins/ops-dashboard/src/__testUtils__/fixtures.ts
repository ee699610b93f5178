import { Entity } from '@backstage/catalog-model';

/** The SLO of docs/catalog-model.md as the catalog serves it. */
export const sloEntity: Entity = {
  apiVersion: 'openslo/v1',
  kind: 'SLO',
  metadata: {
    name: 'identity-availability',
    namespace: 'default',
    displayName: 'Identity service availability',
    annotations: { 'unyo.dev/exclude-maintenance': 'true' },
  },
  spec: {
    description: '99.9 % of API requests succeed',
    service: 'identity-service',
    indicatorRef: 'identity-availability-sli',
    timeWindow: [{ duration: '30d', isRolling: true }],
    budgetingMethod: 'Occurrences',
    objectives: [{ displayName: 'Availability', target: 0.999 }],
  },
  relations: [
    { type: 'measures', targetRef: 'component:default/identity-service' },
  ],
};

export const sliEntity: Entity = {
  apiVersion: 'openslo/v1',
  kind: 'SLI',
  metadata: { name: 'identity-availability-sli', namespace: 'default' },
  spec: {
    ratioMetric: {
      counter: true,
      good: {
        metricSource: {
          type: 'Prometheus',
          metricSourceRef: 'default',
          spec: {
            query:
              'http_requests_total{service="identity-service",code!~"5.."}',
          },
        },
      },
      total: {
        metricSource: {
          type: 'Prometheus',
          spec: { query: 'http_requests_total{service="identity-service"}' },
        },
      },
    },
  },
};

export const backupPolicyEntity: Entity = {
  apiVersion: 'unyo.dev/v1alpha1',
  kind: 'BackupPolicy',
  metadata: {
    name: 'event-store-backups',
    namespace: 'default',
    title: 'Event store: pg_dump to S3',
  },
  spec: {
    titleJa: 'イベントストアのバックアップ',
    owner: 'group:default/platform',
    protects: ['resource:default/event-store-db'],
    rpo: '1h',
    rto: '4h',
    targets: [
      {
        name: 'daily-dump',
        type: 'full',
        schedule: { every: '1d' },
        retention: '7d',
        source: { type: 's3', connection: 'demo-s3', bucket: 'backup-bucket' },
      },
    ],
    restoreTest: { every: '30d' },
  },
  relations: [
    { type: 'ownedBy', targetRef: 'group:default/platform' },
    { type: 'protects', targetRef: 'resource:default/event-store-db' },
  ],
};

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
    owner: 'group:default/sre',
    appliesTo: ['component:default/identity-service'],
    severity: 'critical',
    alerts: ['ServiceDown'],
    steps: [
      { title: 'Check pods', run: 'kubectl get pods -n production' },
      { title: 'Restart the deployment', action: 'restart' },
    ],
    actions: [{ id: 'restart', title: 'Rolling restart', type: 'http' }],
  },
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
    { type: 'measuredBy', targetRef: 'slo:default/identity-availability' },
    { type: 'hasRunbook', targetRef: 'runbook:default/identity-service-down' },
  ],
};

export const resourceEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'event-store-db', namespace: 'default' },
  spec: { type: 'database', owner: 'group:default/platform' },
  relations: [
    {
      type: 'protectedBy',
      targetRef: 'backuppolicy:default/event-store-backups',
    },
  ],
};

export const allEntities = [
  sloEntity,
  sliEntity,
  backupPolicyEntity,
  runbookEntity,
  componentEntity,
  resourceEntity,
];
