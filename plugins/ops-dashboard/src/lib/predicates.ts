import { Entity } from '@backstage/catalog-model';
import {
  KIND_BACKUP_POLICY,
  KIND_COMPOSITE_SLO,
  KIND_SLI,
  KIND_SLO,
  RELATION_HAS_JOURNEY,
  RELATION_HAS_RUNBOOK,
  RELATION_MEASURED_BY,
  RELATION_PROTECTED_BY,
} from '../constants';

function isKind(entity: Entity, ...kinds: string[]): boolean {
  return kinds.includes(entity.kind.toLocaleLowerCase('en-US'));
}

function hasRelation(entity: Entity, type: string): boolean {
  return !!entity.relations?.some(relation => relation.type === type);
}

/**
 * Whether the entity is an OpenSLO `SLO`.
 *
 * @public
 */
export const isSloEntity = (entity: Entity): boolean =>
  isKind(entity, KIND_SLO);

/**
 * Whether the entity is one of the kinds this plugin shows pages for:
 * `SLO`, `SLI`, `BackupPolicy` or `CompositeSLO`.
 *
 * @public
 */
export const isOpsKindEntity = (entity: Entity): boolean =>
  isKind(entity, KIND_SLO, KIND_SLI, KIND_BACKUP_POLICY, KIND_COMPOSITE_SLO);

/**
 * Whether an SLO measures the entity (it has `measuredBy` relations).
 *
 * @public
 */
export const hasSlos = (entity: Entity): boolean =>
  hasRelation(entity, RELATION_MEASURED_BY);

/**
 * Whether journeys (CompositeSLOs) belong to the entity (`hasJourney`).
 *
 * @public
 */
export const hasJourneys = (entity: Entity): boolean =>
  hasRelation(entity, RELATION_HAS_JOURNEY);

/**
 * Whether the entity has SLOs, backup policies or runbooks in the catalog.
 *
 * @public
 */
export const hasOpsRelations = (entity: Entity): boolean =>
  hasSlos(entity) ||
  hasRelation(entity, RELATION_PROTECTED_BY) ||
  hasRelation(entity, RELATION_HAS_RUNBOOK);
