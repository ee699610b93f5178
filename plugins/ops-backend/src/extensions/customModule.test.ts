import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { startTestHttpServer, TestHttpServer } from '@internal/ops-test-utils';
import { recordingAuditor } from '../__testUtils__/auditor';
import { opsPlugin } from '../plugin';
import {
  createExampleModule,
  VeleroBackup,
} from './__testUtils__/exampleModule';

const alice = mockCredentials.user.header('user:default/alice');
const HOUR = 3600_000;

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'orders-volumes', namespace: 'default' },
    spec: { type: 'volume', owner: 'group:default/team' },
    relations: [
      { type: 'protectedBy', targetRef: 'backuppolicy:default/orders-velero' },
    ],
  },
  {
    apiVersion: 'unyo.dev/v1alpha1',
    kind: 'BackupPolicy',
    metadata: { name: 'orders-velero', namespace: 'default' },
    spec: {
      owner: 'group:default/team',
      protects: ['resource:default/orders-volumes'],
      rpo: '1d',
      targets: [
        {
          name: 'nightly',
          source: { type: 'velero', connection: 'cluster', prefix: 'nightly' },
        },
      ],
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'orders', namespace: 'default' },
    spec: {
      type: 'service',
      owner: 'group:default/team',
      lifecycle: 'production',
    },
  },
  {
    apiVersion: 'unyo.dev/v1alpha1',
    kind: 'Runbook',
    metadata: { name: 'orders-down', namespace: 'default' },
    spec: {
      owner: 'group:default/team',
      appliesTo: ['component:default/orders'],
      steps: [{ title: 'Page the owner', action: 'page' }],
      actions: [
        {
          id: 'page',
          title: 'Page the orders owner',
          type: 'pagerduty-trigger',
          parameters: {
            type: 'object',
            properties: { routingKey: { type: 'string' } },
            required: ['routingKey'],
          },
        },
      ],
    },
  },
];

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'a custom module registered through the extension points, on %s',
  id => {
    let pagerDuty: TestHttpServer;
    beforeAll(async () => {
      // A local HTTP server stands in for the PagerDuty Events API.
      pagerDuty = await startTestHttpServer((_req, res) => {
        res.writeHead(202, { 'Content-Type': 'application/json' });
        res.end('{"status":"success"}');
      });
    });
    afterAll(() => pagerDuty.close());

    it('reads a BackupStatus from the velero source and runs the pagerduty-trigger action', async () => {
      const knex = await databases.init(id);
      const finished = new Date(Date.now() - 2 * HOUR).toISOString();
      const asked: string[] = [];
      // Stands in for the Kubernetes API listing velero.io/v1 Backups.
      const listBackups = async (namespace: string, schedule: string) => {
        asked.push(`${namespace}/${schedule}`);
        const backups: VeleroBackup[] = [
          {
            name: 'nightly-1',
            phase: 'Completed',
            completionTimestamp: finished,
          },
          {
            name: 'nightly-0',
            phase: 'Failed',
            completionTimestamp: new Date(Date.now() - 26 * HOUR).toISOString(),
          },
        ];
        return backups;
      };
      const { server } = await startTestBackend({
        features: [
          opsPlugin,
          createExampleModule({ listBackups }),
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              pagerduty: { eventsUrl: `${pagerDuty.url}/v2/enqueue` },
              ops: {
                backups: {
                  sources: {
                    cluster: { type: 'velero', namespace: 'backup-system' },
                  },
                },
              },
            },
          }),
          // Runs the backup task at startup instead of after its delay.
          mockServices.scheduler.factory({
            includeInitialDelayedTasksOnStartup: true,
          }),
          mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
          catalogServiceMock.factory({ entities }),
          recordingAuditor().factory,
        ],
      });

      let items: any[] = [];
      for (let i = 0; i < 50; i++) {
        const res = await request(server)
          .get('/api/ops/backups')
          .query({ entityRef: 'resource:default/orders-volumes' })
          .set('Authorization', alice)
          .expect(200);
        items = res.body.items;
        if (items[0]?.lastSuccessAt) break;
        await new Promise(r => setTimeout(r, 100));
      }
      expect(asked).toContain('backup-system/nightly');
      expect(items[0]).toMatchObject({
        target: 'nightly',
        source: { type: 'velero', connection: 'cluster' },
        lastSuccessAt: finished,
        status: 'ok',
      });

      const started = await request(server)
        .post('/api/ops/runbooks/default/orders-down/actions/page/executions')
        .set('Authorization', alice)
        .send({ parameters: { routingKey: 'R0UT1NG' } });
      expect(started.status).toBe(201);
      let execution = started.body;
      for (let i = 0; i < 50 && execution.status === 'running'; i++) {
        await new Promise(r => setTimeout(r, 100));
        execution = (
          await request(server)
            .get(`/api/ops/executions/${execution.id}`)
            .set('Authorization', alice)
            .expect(200)
        ).body;
      }
      expect(execution).toMatchObject({
        status: 'succeeded',
        entityRef: 'component:default/orders',
        output: { summary: 'PagerDuty answered HTTP 202' },
      });
      expect(pagerDuty.requests).toHaveLength(1);
      expect(JSON.parse(pagerDuty.requests[0].body)).toMatchObject({
        routing_key: 'R0UT1NG',
        event_action: 'trigger',
        payload: { source: 'component:default/orders' },
      });
    }, 30_000);
  },
);
