import { Entity } from '@backstage/catalog-model';

const component = (name: string, selector?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: selector ? { 'unyo.dev/alert-selector': selector } : {},
  },
  spec: {
    type: 'service',
    owner: 'group:default/mairust-team',
    lifecycle: 'production',
  },
  relations: [
    { type: 'hasRunbook', targetRef: 'runbook:default/mairust-queue-backlog' },
  ],
});

/** The seed's MaiRust services, one with a broken selector, one without. */
export const smtp = component('mairust-smtp', 'service="mairust-smtp"');
export const api = component('mairust-api', '{service="mairust-api"}');
export const broken = component('broken', 'service=~"(unclosed"');
export const unannotated = component('unannotated');

export const queueRunbook: Entity = {
  apiVersion: 'unyo.dev/v1alpha1',
  kind: 'Runbook',
  metadata: { name: 'mairust-queue-backlog', namespace: 'default' },
  spec: {
    owner: 'group:default/mairust-team',
    appliesTo: ['component:default/mairust-smtp'],
    severity: 'critical',
    alerts: ['QueueBacklog', 'MairustQueueScaleOut'],
    steps: [{ title: 'Check the queue' }],
  },
};

export const dbRunbook: Entity = {
  apiVersion: 'unyo.dev/v1alpha1',
  kind: 'Runbook',
  metadata: { name: 'mairust-db-failure', namespace: 'default' },
  spec: {
    owner: 'group:default/mairust-team',
    appliesTo: ['component:default/mairust-api'],
    severity: 'critical',
    alerts: [],
    steps: [{ title: 'Check the database' }],
  },
};

export const entities = [
  smtp,
  api,
  broken,
  unannotated,
  queueRunbook,
  dbRunbook,
];
