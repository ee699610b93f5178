import type { Entity } from '@backstage/catalog-model';

/**
 * A JSON object, as in `@backstage/types`. Derived from Entity's own `spec`
 * type so that this package needs no extra dependency for it.
 *
 * @public
 */
export type OpsJsonObject = NonNullable<Entity['spec']>;

/** @public */
export type OpsJsonValue = Exclude<OpsJsonObject[string], undefined>;
