import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_ALERT_SELECTOR,
  healthUrlsOf,
} from '@unyo/plugin-ops-common';
import { isBackupRelevantEntity } from '../../../lib/backups';
import { hasSlos } from '../../../lib/predicates';

/** Which parts of the operations summary an entity declares. */
export function opsSummaryParts(entity: Entity) {
  return {
    slos: hasSlos(entity),
    alerts: !!entity.metadata.annotations?.[ANNOTATION_ALERT_SELECTOR],
    health: healthUrlsOf(entity).length > 0,
    backups: isBackupRelevantEntity(entity),
  };
}
