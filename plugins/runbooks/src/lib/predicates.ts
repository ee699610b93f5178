import { Entity } from '@backstage/catalog-model';
import { KIND_RUNBOOK, RELATION_HAS_RUNBOOK } from '../constants';

/**
 * Whether the entity is a Unyo `Runbook`.
 *
 * @public
 */
export const isRunbookKind = (entity: Entity): boolean =>
  entity.kind.toLocaleLowerCase('en-US') === KIND_RUNBOOK;

/**
 * Whether runbooks apply to the entity (it has `hasRunbook` relations).
 *
 * @public
 */
export const hasRunbooks = (entity: Entity): boolean =>
  !!entity.relations?.some(relation => relation.type === RELATION_HAS_RUNBOOK);
