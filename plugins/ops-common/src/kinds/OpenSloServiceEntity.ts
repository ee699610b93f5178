import type { Entity } from '@backstage/catalog-model';
import { OPENSLO_API_VERSION, OPENSLO_SERVICE_KIND } from './constants';
import { isKind } from './isKind';

/**
 * An OpenSLO v1 Service document in the catalog: OpenSLO's grouping of SLOs.
 * An SLO's `spec.service` names the Backstage entity it measures, which this
 * document does not replace.
 *
 * @public
 */
export interface OpenSloServiceEntity extends Entity {
  apiVersion: typeof OPENSLO_API_VERSION;
  kind: typeof OPENSLO_SERVICE_KIND;
  spec: { description?: string };
}

/** @public */
export function isOpenSloServiceEntity(
  entity: Entity,
): entity is OpenSloServiceEntity {
  return isKind(entity, OPENSLO_API_VERSION, OPENSLO_SERVICE_KIND);
}
