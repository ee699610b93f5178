import { Entity } from '@backstage/catalog-model';
import { opsSummaryParts } from '../components/entity/EntityOpsSummaryCard/opsSummaryParts';
import { isComponentResourceOrSystem } from './filters';

/** Components, Resources and Systems with any part of the operations summary. */
export const hasOpsSummary = (entity: Entity) =>
  isComponentResourceOrSystem(entity) &&
  Object.values(opsSummaryParts(entity)).some(Boolean);
