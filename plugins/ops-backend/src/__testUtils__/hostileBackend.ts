import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  sendJson,
  startTestHttpServer,
  TestHttpServer,
} from '@internal/ops-test-utils';
import { Knex } from 'knex';
import { opsPlugin } from '../plugin';

export const USER = mockCredentials.user.header('user:default/alice');
export const SERVICE = mockCredentials.service.header();
export const RUNBOOK_PATH = '/api/ops/runbooks/default/jobs/actions';

/** Every table the plugin's migrations create. */
const TABLES = [
  'ops_slo_status',
  'ops_slo_daily',
  'ops_slo_monthly',
  'ops_slo_month_state',
  'ops_slo_history',
  'ops_alert_events',
  'ops_health_results',
  'ops_runbook_executions',
  'ops_backup_reports',
  'ops_backup_readings',
  'ops_slo_corrections',
  'ops_changes',
  'ops_gate_overrides',
];

/** Rows stored by the plugin (rejected executions counted apart), in one query. */
export async function storedRows(
  knex: Knex,
): Promise<{ rows: number; rejected: number }> {
  const all = TABLES.map(t => `(select count(*) from ${t})`).join(' + ');
  const result = await knex.raw(
    `select ${all} as total, (select count(*) from ops_runbook_executions where status = 'rejected') as rejected`,
  );
  const row = Array.isArray(result) ? result[0] : result.rows[0];
  const rejected = Number(row.rejected);
  return { rows: Number(row.total) - rejected, rejected };
}

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'svc', namespace: 'default' },
    spec: { type: 'service', owner: 'group:default/sre', lifecycle: 'prod' },
    relations: [{ type: 'hasRunbook', targetRef: 'runbook:default/jobs' }],
  },
  {
    apiVersion: 'unyo.dev/v1alpha1',
    kind: 'Runbook',
    metadata: { name: 'jobs', namespace: 'default' },
    spec: {
      owner: 'group:default/sre',
      appliesTo: ['component:default/svc'],
      steps: [{ title: 'Run', action: 'run' }],
      actions: [
        {
          id: 'run',
          title: 'Run a job',
          type: 'http',
          target: 'automation',
          parameters: {
            type: 'object',
            properties: { job: { type: 'string' } },
            required: ['job'],
          },
          request: { method: 'POST', path: '/jobs/${parameters.job}/run' },
        },
      ],
    },
  },
];

export interface HostileBackend {
  server: any;
  knex: Knex;
  /** The automation server: every request it received, under /automation only. */
  target: TestHttpServer;
  close(): Promise<void>;
}

/**
 * The real ops plugin on `knex`, with a runbook whose http action calls
 * `<target>/automation/jobs/${parameters.job}/run`, and sources that answer
 * nothing (so no route reaches a source with a valid request by chance).
 */
export async function startHostileBackend(
  knex: Knex,
  extraFeatures: any[] = [],
): Promise<HostileBackend> {
  const target = await startTestHttpServer((_req, res) =>
    sendJson(res, 200, { ok: true }),
  );
  const backend = await startTestBackend({
    features: [
      opsPlugin,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          ops: {
            prometheus: {
              servers: [{ name: 'default', url: 'http://127.0.0.1:1' }],
            },
            alertmanager: {
              servers: [{ name: 'default', url: 'http://127.0.0.1:1' }],
            },
            runbooks: {
              targets: {
                automation: { baseUrl: `${target.url}/automation` },
              },
            },
          },
        },
      }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      catalogServiceMock.factory({ entities }),
      ...extraFeatures,
    ],
  });
  return {
    server: backend.server,
    knex,
    target,
    close: async () => {
      await backend.stop();
      await target.close();
    },
  };
}
