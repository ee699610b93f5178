import {
  BackendFeature,
  SchedulerServiceTaskFunction,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { opsPlugin } from '../plugin';
import { recordingAuditor } from './auditor';

/** The `checkout` service component, owned by `group:default/team`. */
export const checkoutComponent: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/team', lifecycle: 'prod' },
};

export interface TestOpsBackendOptions {
  /** A database from `TestDatabases`, already initialised. */
  knex: Knex;
  /** The permission service's factory; default the test backend's. */
  permissions?: BackendFeature;
  /** What the mocked catalog holds. */
  entities: Entity[];
  /** More services, after the plugin's own (they may replace defaults). */
  features?: BackendFeature[];
}

/**
 * Starts the ops plugin in a test backend, with a recording auditor; call in
 * a `describe`: each backend it starts is stopped after its test.
 */
export function opsBackendPerTest() {
  const backends: Array<{ stop(): Promise<void> }> = [];
  afterEach(async () => {
    await Promise.all(backends.splice(0).map(b => b.stop()));
  });
  return async (options: TestOpsBackendOptions) => {
    const auditor = recordingAuditor();
    const backend = await startTestBackend({
      features: [
        opsPlugin,
        mockServices.database.factory({ knex: options.knex }),
        ...(options.permissions ? [options.permissions] : []),
        catalogServiceMock.factory({ entities: options.entities }),
        auditor.factory,
        ...(options.features ?? []),
      ],
    });
    backends.push(backend);
    return { server: backend.server, audits: auditor.events };
  };
}

/**
 * A scheduler that runs nothing by itself: the test runs a task, e.g. an
 * evaluation round, when it wants to.
 */
export function manualScheduler() {
  const tasks = new Map<string, SchedulerServiceTaskFunction>();
  const scheduler = mockServices.scheduler.mock({
    scheduleTask: async task => {
      tasks.set(task.id, task.fn as SchedulerServiceTaskFunction);
    },
  });
  return {
    factory: scheduler.factory,
    run: (taskId: string) => tasks.get(taskId)!(new AbortController().signal),
  };
}
