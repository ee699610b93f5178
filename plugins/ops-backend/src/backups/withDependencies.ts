import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, RELATION_DEPENDS_ON } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** The entities and what they depend on: services' databases are their dependencies. */
export async function withDependencies(
  catalog: CatalogService,
  entityRefs: string[],
  credentials: BackstageCredentials,
): Promise<Entity[]> {
  const fetch = async (refs: string[]) =>
    refs.length
      ? (
          await catalog.getEntitiesByRefs({ entityRefs: refs }, { credentials })
        ).items.filter((e): e is Entity => !!e)
      : [];
  const entities = await fetch([...new Set(entityRefs)]);
  const dependencies = await fetch([
    ...new Set(
      entities.flatMap(e =>
        (e.relations ?? [])
          .filter(r => r.type === RELATION_DEPENDS_ON)
          .map(r => r.targetRef),
      ),
    ),
  ]);
  return [...entities, ...dependencies];
}
