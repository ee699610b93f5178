import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentLayoutBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { runbooksApiRef, RunbooksClient } from './api';
import { hasRunbooks, isRunbookKind } from './lib/predicates';

/** @alpha */
export const runbooksApi = ApiBlueprint.make({
  name: 'ops',
  params: defineParams =>
    defineParams({
      api: runbooksApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new RunbooksClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * Overview card of Components and Resources that runbooks apply to.
 *
 * @alpha
 */
export const entityRunbooksCard = EntityCardBlueprint.make({
  name: 'runbooks',
  params: {
    filter: entity =>
      ['component', 'resource', 'system'].includes(
        entity.kind.toLocaleLowerCase('en-US'),
      ) && hasRunbooks(entity),
    loader: () =>
      import('./components/EntityRunbooksCard').then(m => (
        <m.EntityRunbooksCard />
      )),
  },
});

/**
 * Runbook entity page: the about facts on top, every other card below at
 * full width (the execution history needs it).
 *
 * @alpha
 */
export const runbookPageLayout = EntityContentLayoutBlueprint.make({
  name: 'runbook',
  params: {
    filter: isRunbookKind,
    loader: () =>
      import('./components/RunbookPageLayout').then(m => m.RunbookPageLayout),
  },
});

/**
 * Runbook entity page: severity, owner, the services it applies to and the
 * alerts it answers (marked when firing on the entity the page was opened
 * from).
 *
 * @alpha
 */
export const runbookAboutCard = EntityCardBlueprint.make({
  name: 'about',
  params: {
    type: 'info',
    filter: isRunbookKind,
    loader: () =>
      import('./components/RunbookAboutCard').then(m => <m.RunbookAboutCard />),
  },
});

/**
 * Runbook entity page: the ordered steps, with copyable commands and a Run
 * button on steps that name an action.
 *
 * @alpha
 */
export const runbookStepsCard = EntityCardBlueprint.make({
  name: 'steps',
  params: {
    filter: isRunbookKind,
    loader: () =>
      import('./components/RunbookStepsCard').then(m => <m.RunbookStepsCard />),
  },
});

/**
 * Runbook entity page: the runbook's actions, each with a Run button.
 *
 * @alpha
 */
export const runbookActionsCard = EntityCardBlueprint.make({
  name: 'actions',
  params: {
    filter: isRunbookKind,
    loader: () =>
      import('./components/RunbookActionsCard').then(m => (
        <m.RunbookActionsCard />
      )),
  },
});

/**
 * Runbook entity page: the execution history of its actions.
 *
 * @alpha
 */
export const runbookExecutionsCard = EntityCardBlueprint.make({
  name: 'executions',
  params: {
    filter: isRunbookKind,
    loader: () =>
      import('./components/RunbookExecutionsCard').then(m => (
        <m.RunbookExecutionsCard />
      )),
  },
});

/**
 * Runbook entity page: the spec as YAML.
 *
 * @alpha
 */
export const runbookRawSpecCard = EntityCardBlueprint.make({
  name: 'raw-spec',
  params: {
    filter: isRunbookKind,
    loader: () =>
      import('./components/RunbookRawSpecCard').then(m => (
        <m.RunbookRawSpecCard />
      )),
  },
});

/**
 * The runbooks plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'runbooks',
  title: 'Runbooks',
  info: { packageJson: () => import('../package.json') },
  extensions: [
    runbooksApi,
    entityRunbooksCard,
    runbookPageLayout,
    runbookAboutCard,
    runbookStepsCard,
    runbookActionsCard,
    runbookExecutionsCard,
    runbookRawSpecCard,
  ],
});

export { runbooksTranslationRef, runbooksTranslations } from './translation';
