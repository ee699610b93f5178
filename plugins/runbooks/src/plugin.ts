import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { runbooksApiRef, RunbooksClient } from './api';

/**
 * The runbooks plugin for apps on the old frontend system. Apps on the new
 * frontend system use the default export of `@unyo/plugin-runbooks/alpha`.
 *
 * @public
 */
export const runbooksPlugin = createPlugin({
  id: 'runbooks',
  apis: [
    createApiFactory({
      api: runbooksApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new RunbooksClient({ discoveryApi, fetchApi }),
    }),
  ],
});

/**
 * Overview card of Components and Resources: the runbooks that apply.
 *
 * @public
 */
export const EntityRunbooksCard: () => JSX.Element = runbooksPlugin.provide(
  createComponentExtension({
    name: 'EntityRunbooksCard',
    component: {
      lazy: () =>
        import('./components/entity/EntityRunbooksCard').then(
          m => m.EntityRunbooksCard,
        ),
    },
  }),
);

/**
 * Runbook entity page: severity, owner, the services it applies to and the
 * alerts it answers (marked when firing on the entity the page was opened
 * from, `?entity=`).
 *
 * @public
 */
export const RunbookAboutCard: () => JSX.Element = runbooksPlugin.provide(
  createComponentExtension({
    name: 'RunbookAboutCard',
    component: {
      lazy: () =>
        import('./components/runbook/RunbookAboutCard').then(
          m => m.RunbookAboutCard,
        ),
    },
  }),
);

/**
 * Runbook entity page: the ordered steps with copyable commands and a Run
 * button on steps that name an action.
 *
 * @public
 */
export const RunbookStepsCard: () => JSX.Element = runbooksPlugin.provide(
  createComponentExtension({
    name: 'RunbookStepsCard',
    component: {
      lazy: () =>
        import('./components/runbook/RunbookStepsCard').then(
          m => m.RunbookStepsCard,
        ),
    },
  }),
);

/**
 * Runbook entity page: the runbook's actions, each with a Run button.
 *
 * @public
 */
export const RunbookActionsCard: () => JSX.Element = runbooksPlugin.provide(
  createComponentExtension({
    name: 'RunbookActionsCard',
    component: {
      lazy: () =>
        import('./components/runbook/RunbookActionsCard').then(
          m => m.RunbookActionsCard,
        ),
    },
  }),
);

/**
 * Runbook entity page: the execution history of its actions, updated live.
 *
 * @public
 */
export const RunbookExecutionsCard: () => JSX.Element = runbooksPlugin.provide(
  createComponentExtension({
    name: 'RunbookExecutionsCard',
    component: {
      lazy: () =>
        import('./components/executions/RunbookExecutionsCard').then(
          m => m.RunbookExecutionsCard,
        ),
    },
  }),
);

/**
 * Runbook entity page: the spec as YAML with a copy button.
 *
 * @public
 */
export const RunbookRawSpecCard: () => JSX.Element = runbooksPlugin.provide(
  createComponentExtension({
    name: 'RunbookRawSpecCard',
    component: {
      lazy: () =>
        import('./components/runbook/RunbookRawSpecCard').then(
          m => m.RunbookRawSpecCard,
        ),
    },
  }),
);
