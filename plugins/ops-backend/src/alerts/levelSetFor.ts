import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_ALERT_LEVEL_SET,
  AlertLevelSet,
  inheritedAnnotation,
  systemRefOf,
} from '@unyo/plugin-ops-common';
import { AlertLevelsConfig } from '../config/alertLevels';

/**
 * The level set for an entity's alerts: the one its annotation
 * `unyo.dev/alert-level-set` names, else its System's, else
 * `ops.alerts.defaultLevelSet`. A name config does not define is reported,
 * not replaced by another set.
 */
export async function levelSetFor(options: {
  entity: Entity;
  catalog: CatalogService;
  levels: AlertLevelsConfig;
  credentials: BackstageCredentials;
}): Promise<
  { name: string; levelSet: AlertLevelSet } | { name: string; error: string }
> {
  const { entity, catalog, levels, credentials } = options;
  let name = inheritedAnnotation(ANNOTATION_ALERT_LEVEL_SET, [entity]);
  if (!name) {
    const systemRef = systemRefOf(entity);
    const system = systemRef
      ? await catalog.getEntityByRef(systemRef, { credentials })
      : undefined;
    name = inheritedAnnotation(ANNOTATION_ALERT_LEVEL_SET, [system]);
  }
  name ??= levels.defaultLevelSet;
  if (!Object.prototype.hasOwnProperty.call(levels.levelSets, name)) {
    return {
      name,
      error: `${ANNOTATION_ALERT_LEVEL_SET} names "${name}", which ops.alerts.levelSets does not define`,
    };
  }
  return { name, levelSet: levels.levelSets[name] };
}
