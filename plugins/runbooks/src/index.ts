/**
 * Unyo runbooks: the Runbook entity page and the runbooks card of Components
 * and Resources.
 *
 * This entry point is the old frontend system's API; the new frontend system
 * plugin is the default export of `@unyo/plugin-runbooks/alpha`.
 *
 * @packageDocumentation
 */
export {
  runbooksPlugin,
  EntityRunbooksCard,
  RunbookAboutCard,
  RunbookStepsCard,
  RunbookActionsCard,
  RunbookExecutionsCard,
  RunbookRawSpecCard,
} from './plugin';
export { isRunbookKind, hasRunbooks } from './lib/predicates';
export { runbooksApiRef, RunbooksClient, RunbooksApiError } from './api';
export type {
  ExecutionsPage,
  ExecutionsQuery,
  RunbooksApi,
  RunbookTargetsStatus,
} from './api';
export { runbooksTranslationRef, runbooksTranslations } from './translation';
export { runbooksFormTranslationRef } from './formTranslation';
