export * from './types';
export {
  targetToPpm,
  objectiveTargetPpm,
  budgetFraction,
  ppmToTarget,
} from './target';
export { sliOf, errorBudget } from './errorBudget';
export type { SloCounts, ErrorBudgetInput } from './errorBudget';
export * from './policy';
export * from './burnRate';
export * from './allowedDowntime';
export { parseOpenSloDuration } from './duration';
export type { OpenSloDurationUnit, ParsedOpenSloDuration } from './duration';
export * from './window';
export * from './timeslices';
export * from './intervals';
export * from './maintenanceRule';
export * from './maintenanceIntervals';
export * from './corrections';
export * from './exclusion';
export * from './counters';
export * from './mttr';
export * from './evaluateSloStatus';
export * from './report';
export * from './versions';
export * from './groups';
export * from './composite';
