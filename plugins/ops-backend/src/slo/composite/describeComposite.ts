import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  CompositeSloEntity,
  getCompositeSloScopeRef,
  SloTimeWindow,
} from '@unyo/plugin-ops-common';
import { SloDescription } from '../describeSlo';

/** The window evaluated: `spec.timeWindow`, a rolling 30 days when absent. */
export function compositeTimeWindow(entity: CompositeSloEntity): SloTimeWindow {
  return entity.spec.timeWindow ?? { duration: '30d', isRolling: true };
}

/**
 * The fields every status of a journey carries. Its SLI is a weighted mean
 * of ratios, counted as events of weight (`Occurrences`), whatever its
 * components count.
 */
export function describeComposite(entity: CompositeSloEntity): SloDescription {
  const window = compositeTimeWindow(entity);
  return {
    ref: stringifyEntityRef(entity),
    entityRef: getCompositeSloScopeRef(entity),
    title:
      (entity.metadata as { displayName?: string }).displayName ??
      entity.metadata.title ??
      entity.metadata.name,
    target: entity.spec.target,
    window: {
      duration: window.duration,
      calendar: window.isRolling === false,
      ...(window.calendar?.timeZone
        ? { timeZone: window.calendar.timeZone }
        : {}),
    },
    budgetingMethod: 'Occurrences',
  };
}
