import {
  getSloServiceRef,
  SloEntity,
  SloStatus,
  SloTimeWindow,
} from '@unyo/plugin-ops-common';
import { stringifyEntityRef } from '@backstage/catalog-model';

/** What an SLO's catalog document says, before any evaluation. */
export type SloDescription = Pick<
  SloStatus,
  'ref' | 'entityRef' | 'title' | 'target' | 'window' | 'budgetingMethod'
>;

/**
 * Reads the fields every status carries from the SLO document. Only the first
 * objective is evaluated: Unyo reports one status per SLO.
 */
export function describeSlo(entity: SloEntity): SloDescription {
  const objective = entity.spec.objectives[0] ?? {};
  const target =
    objective.target ??
    (objective.targetPercent !== undefined
      ? objective.targetPercent / 100
      : NaN);
  const window = entity.spec.timeWindow?.[0];
  return {
    ref: stringifyEntityRef(entity),
    entityRef: getSloServiceRef(entity),
    // Never empty: the report, CSV and cards name an SLO by this, and a bare
    // ref (`slo:default/x`) reads as a fault.
    title:
      (entity.metadata as { displayName?: string }).displayName ??
      entity.metadata.title ??
      entity.metadata.name,
    target,
    window: {
      duration: window?.duration ?? '30d',
      calendar: window ? window.isRolling === false : false,
      ...(window?.calendar?.timeZone
        ? { timeZone: window.calendar.timeZone }
        : {}),
    },
    budgetingMethod: entity.spec.budgetingMethod,
  };
}

/** The window evaluated: the first of `spec.timeWindow` (rolling 30 days when absent). */
export function sloTimeWindow(entity: SloEntity): SloTimeWindow {
  return entity.spec.timeWindow?.[0] ?? { duration: '30d', isRolling: true };
}
