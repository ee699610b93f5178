import { Entity } from '@backstage/catalog-model';

/** The kinds that SLOs measure and that alerts and runbooks are wired to. */
export const isComponentResourceOrSystem = (entity: Entity) =>
  ['component', 'resource', 'system'].includes(
    entity.kind.toLocaleLowerCase('en-US'),
  );

export const isKind = (kind: string) => (entity: Entity) =>
  entity.kind.toLocaleLowerCase('en-US') === kind;
