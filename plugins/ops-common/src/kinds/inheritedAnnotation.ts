import type { Entity } from '@backstage/catalog-model';

/**
 * The first non-empty value of `annotation` along a chain of entities, most
 * specific first (e.g. an SLO, its measured entity, that entity's System):
 * how `unyo.dev/alert-level-set` and `unyo.dev/error-budget-policy` are
 * looked up.
 *
 * @public
 */
export function inheritedAnnotation(
  annotation: string,
  chain: Array<Pick<Entity, 'metadata'> | undefined>,
): string | undefined {
  for (const entity of chain) {
    const value = entity?.metadata.annotations?.[annotation]?.trim();
    if (value) return value;
  }
  return undefined;
}

/**
 * The ref of the System an entity is part of (`partOf` relation), if any.
 *
 * @public
 */
export function systemRefOf(
  entity: Pick<Entity, 'relations'>,
): string | undefined {
  return entity.relations?.find(
    r => r.type === 'partOf' && r.targetRef.startsWith('system:'),
  )?.targetRef;
}
