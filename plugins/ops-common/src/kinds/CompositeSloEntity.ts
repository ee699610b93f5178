import type { Entity } from '@backstage/catalog-model';
import { COMPOSITE_SLO_KIND, UNYO_API_VERSION } from './constants';
import { isKind } from './isKind';
import type { SloTimeWindow } from './SloEntity';

/** One SLO of a journey and its share of the journey's SLI. @public */
export type CompositeSloComponent = {
  /** An SLO entity ref; a bare name is an SLO in the composite's namespace. */
  slo: string;
  /** Above 0; the SLI is Σ wᵢ·SLIᵢ / Σ wᵢ. */
  weight: number;
};

/**
 * A journey (composite) SLO: its SLI is the weighted mean of its components'
 * SLIs over its window; budget and policy follow as for any SLO
 * (docs/catalog-model.md).
 *
 * @public
 */
export interface CompositeSloEntity extends Entity {
  apiVersion: typeof UNYO_API_VERSION;
  kind: typeof COMPOSITE_SLO_KIND;
  spec: {
    description?: string;
    owner: string;
    /** Exactly one of `system` and `service` is set. */
    system?: string;
    service?: string;
    /** 0–1, e.g. 0.995. */
    target: number;
    /** Without one, a rolling 30 days; every component must use the same window. */
    timeWindow?: SloTimeWindow;
    components: CompositeSloComponent[];
  };
}

/** @public */
export function isCompositeSloEntity(
  entity: Entity,
): entity is CompositeSloEntity {
  return isKind(entity, UNYO_API_VERSION, COMPOSITE_SLO_KIND);
}
