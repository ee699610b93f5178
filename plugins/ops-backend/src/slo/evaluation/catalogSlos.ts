import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_MAINTENANCE_WINDOW,
  CompositeSloEntity,
  isCompositeSloEntity,
  DataSourceEntity,
  isDataSourceEntity,
  isSliEntity,
  isSloEntity,
  SliEntity,
  SloEntity,
} from '@unyo/plugin-ops-common';
import { queryAllEntities } from '../../lib/queryAllEntities';
import { SloPlan } from './planSlo';

const keyOf = (entity: Entity) =>
  `${entity.metadata.namespace ?? 'default'}/${entity.metadata.name}`;

/**
 * Every SLO and CompositeSLO of the catalog, and the SLIs and DataSources
 * they may refer to by `namespace/name`.
 */
export async function loadSlos(
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<{
  slos: SloEntity[];
  composites: CompositeSloEntity[];
  slis: Map<string, SliEntity>;
  dataSources: Map<string, DataSourceEntity>;
}> {
  const slos: SloEntity[] = [];
  const composites: CompositeSloEntity[] = [];
  const slis = new Map<string, SliEntity>();
  const dataSources = new Map<string, DataSourceEntity>();
  const kinds = ['SLO', 'SLI', 'DataSource', 'CompositeSLO'];
  for (const entity of await queryAllEntities(catalog, kinds, credentials)) {
    if (isSloEntity(entity)) slos.push(entity);
    else if (isCompositeSloEntity(entity)) composites.push(entity);
    else if (isSliEntity(entity)) slis.set(keyOf(entity), entity);
    else if (isDataSourceEntity(entity)) dataSources.set(keyOf(entity), entity);
  }
  return { slos, composites, slis, dataSources };
}

/** The catalog's DataSources by `namespace/name`, which a draft SLO may name. */
export async function loadDataSources(
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<Map<string, DataSourceEntity>> {
  const entities = await queryAllEntities(catalog, ['DataSource'], credentials);
  return new Map(
    entities.filter(isDataSourceEntity).map(e => [keyOf(e), e] as const),
  );
}

/**
 * The maintenance rules of each measured entity that excludes maintenance
 * and of its system: entity ref → rules.
 */
export async function loadMaintenanceRules(
  catalog: CatalogService,
  plans: SloPlan[],
  credentials: BackstageCredentials,
): Promise<Map<string, string[]>> {
  const wanted = [
    ...new Set(
      plans
        .filter(p => p.kind !== 'unsupported' && p.excludeMaintenance)
        .map(p => p.description.entityRef),
    ),
  ];
  const rules = new Map<string, string[]>();
  if (wanted.length === 0) return rules;
  const { items } = await catalog.getEntitiesByRefs(
    { entityRefs: wanted },
    { credentials },
  );
  const systemRefs = new Map<string, string>();
  for (const entity of items) {
    if (!entity) continue;
    const system = (entity.relations ?? []).find(
      r => r.type === 'partOf',
    )?.targetRef;
    if (system?.startsWith('system:'))
      systemRefs.set(stringifyEntityRef(entity), system);
  }
  const systems = systemRefs.size
    ? (
        await catalog.getEntitiesByRefs(
          { entityRefs: [...new Set(systemRefs.values())] },
          { credentials },
        )
      ).items
    : [];
  const ruleOf = (e?: Entity) =>
    e?.metadata.annotations?.[ANNOTATION_MAINTENANCE_WINDOW];
  for (const entity of items) {
    if (!entity) continue;
    const ref = stringifyEntityRef(entity);
    const system = systems.find(
      s => s && stringifyEntityRef(s) === systemRefs.get(ref),
    );
    rules.set(
      ref,
      [ruleOf(entity), ruleOf(system ?? undefined)].filter(
        (r): r is string => !!r,
      ),
    );
  }
  return rules;
}
