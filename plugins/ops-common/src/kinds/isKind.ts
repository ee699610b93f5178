import type { Entity } from '@backstage/catalog-model';

// Kinds compare case-insensitively, as Backstage's own isComponentEntity does;
// the schemas then insist on the canonical spelling.
export function isKind(entity: Entity, apiVersion: string, kind: string) {
  return (
    entity.apiVersion === apiVersion &&
    entity.kind?.toLocaleLowerCase('en-US') === kind.toLocaleLowerCase('en-US')
  );
}
