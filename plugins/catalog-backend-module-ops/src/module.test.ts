import {
  mockServices,
  startTestBackend,
  TestDatabaseId,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import type { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { fixturePath, invalidDocuments } from './__testUtils__/loadFixtures';
import {
  databases,
  eventually,
  relationsOf,
} from './__testUtils__/testCatalog';
import { catalogModuleOps } from './module';

jest.setTimeout(60_000);

describe('catalogModuleOps', () => {
  it.each(databases.eachSupportedId())(
    'ingests the kinds with their relations and rejects invalid documents, %p',
    async (databaseId: TestDatabaseId) => {
      const knex = await databases.init(databaseId);
      const backend = await startTestBackend({
        features: [
          catalogPlugin,
          catalogModuleOps,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                processingInterval: { seconds: 1 },
                rules: [
                  {
                    allow: [
                      'Component',
                      'Resource',
                      'Group',
                      'Location',
                      'SLO',
                      'SLI',
                      'AlertPolicy',
                      'AlertCondition',
                      'AlertNotificationTarget',
                      'DataSource',
                      'Service',
                      'Runbook',
                      'BackupPolicy',
                    ],
                  },
                ],
                locations: [
                  { type: 'file', target: fixturePath('valid.yaml') },
                  { type: 'file', target: fixturePath('invalid.yaml') },
                ],
              },
            },
          }),
        ],
      });

      try {
        const api = request(backend.server);
        const get = async (path: string): Promise<Entity> => {
          const res = await api.get(`/api/catalog/entities/by-name/${path}`);
          expect(res.status).toBe(200);
          return res.body;
        };

        // Reverse relations appear once the target is stitched again, so
        // wait for the last of them rather than for the documents alone.
        const component = await eventually(async () => {
          const entity = await get('component/default/identity-service');
          expect(relationsOf(entity)).toEqual(
            expect.arrayContaining([
              'measuredBy slo:default/identity-availability',
              'measuredBy slo:default/identity-latency-datadog',
              'hasRunbook runbook:default/identity-service-down',
            ]),
          );
          return entity;
        });
        expect(component.metadata.name).toBe('identity-service');

        const [slo, runbook, policy, resource, sre, platform] =
          await eventually(async () => {
            const entities = await Promise.all([
              get('slo/default/identity-availability'),
              get('runbook/default/identity-service-down'),
              get('backuppolicy/default/event-store-backups'),
              get('resource/default/event-store-db'),
              get('group/default/sre'),
              get('group/default/platform'),
            ]);
            expect(relationsOf(entities[3])).toContain(
              'protectedBy backuppolicy:default/event-store-backups',
            );
            // The SLO's owner is read from the stitched component.
            expect(relationsOf(entities[0])).toContain(
              'ownedBy group:default/sre',
            );
            expect(relationsOf(entities[4])).toContain(
              'ownerOf slo:default/identity-availability',
            );
            expect(relationsOf(entities[5])).toContain(
              'ownerOf backuppolicy:default/event-store-backups',
            );
            return entities;
          });
        expect(relationsOf(slo)).toEqual([
          'measures component:default/identity-service',
          'ownedBy group:default/sre',
        ]);
        expect(relationsOf(runbook)).toEqual(
          expect.arrayContaining([
            'ownedBy group:default/sre',
            'runbookFor component:default/identity-service',
          ]),
        );
        expect(relationsOf(policy)).toEqual(
          expect.arrayContaining([
            'ownedBy group:default/platform',
            'protects resource:default/event-store-db',
          ]),
        );
        expect(relationsOf(sre)).toContain(
          'ownerOf runbook:default/identity-service-down',
        );
        expect(relationsOf(resource)).toContain(
          'protectedBy backuppolicy:default/event-store-backups',
        );
        expect(relationsOf(platform)).toContain(
          'ownerOf backuppolicy:default/event-store-backups',
        );
        await get('sli/default/identity-availability-sli');

        // OpenSLO's alerting kinds are entities, related to their SLOs.
        const [pagedSlo, alertPolicy, condition, target] = await eventually(
          async () => {
            const entities = await Promise.all([
              get('slo/default/identity-availability-paged'),
              get('alertpolicy/default/identity-page'),
              get('alertcondition/default/identity-fast-burn'),
              get('alertnotificationtarget/default/sre-pager'),
              get('datasource/default/prometheus-main'),
              get('service/default/identity'),
            ]);
            expect(relationsOf(entities[1])).toContain(
              'alertPolicyFor slo:default/identity-availability-paged',
            );
            expect(relationsOf(entities[2])).toContain(
              'alertConditionFor alertpolicy:default/identity-page',
            );
            return entities;
          },
        );
        expect(relationsOf(pagedSlo)).toEqual(
          expect.arrayContaining([
            'hasAlertPolicy alertpolicy:default/identity-page',
            'measures component:default/identity-service',
          ]),
        );
        expect(relationsOf(alertPolicy).sort()).toEqual([
          'alertPolicyFor slo:default/identity-availability-paged',
          'hasAlertCondition alertcondition:default/identity-fast-burn',
          'notifies alertnotificationtarget:default/sre-pager',
        ]);
        expect(relationsOf(condition)).toEqual([
          'alertConditionFor alertpolicy:default/identity-page',
        ]);
        expect(relationsOf(target)).toEqual([
          'notifiedBy alertpolicy:default/identity-page',
        ]);

        // The invalid documents were read (they carry a processing error
        // naming the field) but never became entities.
        await eventually(async () => {
          const rows = await knex('refresh_state')
            .whereIn(
              'entity_ref',
              invalidDocuments.map(d => d.ref),
            )
            .select('entity_ref', 'errors');
          expect(rows).toHaveLength(invalidDocuments.length);
          for (const { ref, field } of invalidDocuments) {
            const row = rows.find(r => r.entity_ref === ref);
            const messages = JSON.parse(row.errors).map(
              (e: { message: string }) => e.message,
            );
            expect(messages.join('\n')).toContain(field);
          }
        });
        for (const { ref } of invalidDocuments) {
          const [kind, rest] = ref.split(':');
          const res = await api.get(
            `/api/catalog/entities/by-name/${kind}/${rest}`,
          );
          expect(res.status).toBe(404);
        }
      } finally {
        await backend.stop();
      }
    },
  );
});
