import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_ALERT_SELECTOR,
  AlertSelectorError,
  SelectorMatcher,
  parseAlertSelector,
} from '@unyo/plugin-ops-common';

export type EntitySelector =
  | { entity: Entity; text: string; matchers: SelectorMatcher[] }
  | { entity: Entity; text?: string; error: AlertSelectorError | undefined };

/**
 * The entity (as the caller may see it) and its parsed alert selector. A
 * missing or invalid annotation is returned, not thrown: reading alerts
 * reports it with a 200, changing silences refuses with a 400.
 */
export async function loadEntitySelector(
  catalog: CatalogService,
  entityRef: string,
  credentials: BackstageCredentials,
): Promise<EntitySelector> {
  const entity = await catalog.getEntityByRef(entityRef, { credentials });
  if (!entity) {
    throw new NotFoundError(`No entity ${entityRef} in the catalog`);
  }
  const text = entity.metadata.annotations?.[ANNOTATION_ALERT_SELECTOR];
  if (text === undefined || text.trim() === '') {
    return { entity, text, error: undefined };
  }
  try {
    return { entity, text, matchers: parseAlertSelector(text) };
  } catch (error) {
    if (error instanceof AlertSelectorError) {
      return { entity, text, error };
    }
    throw error;
  }
}

/**
 * The entity's selector matchers, or a 400 saying why silences (and queries)
 * cannot be scoped to it.
 */
export async function loadRequiredMatchers(
  catalog: CatalogService,
  entityRef: string,
  credentials: BackstageCredentials,
): Promise<SelectorMatcher[]> {
  const selector = await loadEntitySelector(catalog, entityRef, credentials);
  if ('matchers' in selector) return selector.matchers;
  if (selector.error) {
    throw new InputError(
      `${entityRef} has an invalid ${ANNOTATION_ALERT_SELECTOR} annotation: ${selector.error.message}`,
    );
  }
  throw new InputError(
    `${entityRef} has no ${ANNOTATION_ALERT_SELECTOR} annotation, so no silence can be scoped to it`,
  );
}
