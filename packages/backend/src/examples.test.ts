import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import opsCatalogModule from '@unyo/plugin-catalog-backend-module-ops';
import fs from 'fs';
import path from 'path';
import request from 'supertest';
import { parseAllDocuments } from 'yaml';

// The example catalog is what a new user sees first: every document in it
// must load through the real catalog with Unyo's kinds, and every relation
// must point at an entity that exists.
const examplesRoot = path.resolve(__dirname, '../../../examples');
const rootLocation = path.join(examplesRoot, 'catalog.yaml');

function exampleDocuments(): Entity[] {
  const location = parseAllDocuments(fs.readFileSync(rootLocation, 'utf8'))
    .map(d => d.toJSON())
    .find(d => d?.kind === 'Location');
  const targets: string[] = location.spec.targets ?? [location.spec.target];
  return targets.flatMap(target =>
    parseAllDocuments(
      fs.readFileSync(path.resolve(examplesRoot, target), 'utf8'),
    )
      .map(d => d.toJSON() as Entity)
      .filter(Boolean),
  );
}

const ref = (e: Entity) =>
  stringifyEntityRef({
    kind: e.kind,
    namespace: e.metadata.namespace ?? 'default',
    name: e.metadata.name,
  });

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())('the example catalog on %s', id => {
  it('loads every document, with every relation resolved', async () => {
    const expected = exampleDocuments();
    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        opsCatalogModule,
        mockServices.database.factory({ knex: await databases.init(id) }),
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              rules: [
                {
                  allow: [
                    'Component',
                    'System',
                    'Domain',
                    'API',
                    'Resource',
                    'Location',
                    'Group',
                    'User',
                    'SLO',
                    'SLI',
                    'Runbook',
                    'BackupPolicy',
                    'CompositeSLO',
                  ],
                },
              ],
              locations: [{ type: 'file', target: rootLocation }],
            },
          },
        }),
      ],
    });

    const wanted = new Set(expected.map(ref));
    const relationCount = (list: Entity[]) =>
      list.reduce((n, e) => n + (e.relations?.length ?? 0), 0);
    let entities: Entity[] = [];
    let previousCount = -1;
    for (let i = 0; i < 120; i++) {
      const res = await request(server).get('/api/catalog/entities');
      entities = res.body;
      const loaded = new Set(entities.map(ref));
      const all = [...wanted].every(r => loaded.has(r));
      // Relations are stitched after processing: done once they stop changing.
      const count = relationCount(entities);
      if (all && count > 0 && count === previousCount) break;
      previousCount = all ? count : -1;
      await new Promise(r => setTimeout(r, 1000));
    }

    const loaded = new Set(entities.map(ref));
    expect([...wanted].filter(r => !loaded.has(r))).toEqual([]);

    const dangling = entities.flatMap(e =>
      (e.relations ?? [])
        .filter(r => !loaded.has(r.targetRef))
        .map(r => `${ref(e)} ${r.type} ${r.targetRef}`),
    );
    expect(dangling).toEqual([]);

    const kinds = (kind: string) => entities.filter(e => e.kind === kind);
    const systems = kinds('System')
      .map(e => e.metadata.name)
      .sort();
    expect(systems).toEqual([
      'azure-saas',
      'elixir-cqrs',
      'mairust',
      'rainbow-seeker',
      'scalar-auditor',
    ]);

    // Each system has SLOs, backup policies and runbooks, related to its parts.
    const systemOf = new Map(
      entities
        .filter(e => typeof e.spec?.system === 'string')
        .map(e => [ref(e), `system:default/${e.spec!.system}`]),
    );
    const systemsReached = (kind: string, relation: string) =>
      new Set(
        kinds(kind).flatMap(e =>
          (e.relations ?? [])
            .filter(r => r.type === relation)
            .map(r => systemOf.get(r.targetRef)),
        ),
      );
    for (const system of systems.map(s => `system:default/${s}`)) {
      expect(systemsReached('SLO', 'measures')).toContain(system);
      expect(systemsReached('BackupPolicy', 'protects')).toContain(system);
      expect(systemsReached('Runbook', 'runbookFor')).toContain(system);
    }

    // Both directions of every Unyo relation.
    const byRef = new Map(entities.map(e => [ref(e), e]));
    const inverse: Record<string, string> = {
      measures: 'measuredBy',
      protects: 'protectedBy',
      runbookFor: 'hasRunbook',
    };
    const oneWay = entities.flatMap(e =>
      (e.relations ?? [])
        .filter(r => inverse[r.type])
        .filter(
          r =>
            !byRef
              .get(r.targetRef)
              ?.relations?.some(
                back =>
                  back.type === inverse[r.type] && back.targetRef === ref(e),
              ),
        )
        .map(r => `${ref(e)} ${r.type} ${r.targetRef}`),
    );
    expect(oneWay).toEqual([]);
  }, 120_000);
});
