import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { runbooksApi } from './apis';
import {
  entityRunbooksCard,
  runbookAboutCard,
  runbookActionsCard,
  runbookExecutionsCard,
  runbookRawSpecCard,
  runbookStepsCard,
} from './entityCards';
import { runbookPageLayout } from './entityContentLayouts';

/**
 * The runbooks plugin for the new frontend system: the runbooks card of
 * Components, Resources and Systems and the Runbook entity page (layout,
 * about, steps, actions, execution history and spec cards). Extensions are
 * configured through `app.extensions` by their ids (e.g.
 * `entity-card:runbooks/runbooks`).
 *
 * @alpha
 */
export const runbooksPlugin = createFrontendPlugin({
  pluginId: 'runbooks',
  title: 'Runbooks',
  info: { packageJson: () => import('../../package.json') },
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
