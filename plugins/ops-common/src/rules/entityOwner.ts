import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/**
 * An entity's owner as a full ref: its `ownedBy` relation when the catalog
 * has processed it, else `spec.owner` as written in a file.
 */
export function entityOwnerRef(entity: Entity): string | undefined {
  const related = entity.relations?.find(r => r.type === 'ownedBy')?.targetRef;
  if (related) return related.toLocaleLowerCase('en-US');
  const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
  if (typeof owner !== 'string' || !owner) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}
