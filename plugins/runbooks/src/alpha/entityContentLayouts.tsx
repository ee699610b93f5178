import { EntityContentLayoutBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isRunbookKind } from '../lib/predicates';

/**
 * Runbook entity page: the about facts on top, every other card below at
 * full width (the execution history needs it).
 */
export const runbookPageLayout = EntityContentLayoutBlueprint.make({
  name: 'runbook',
  params: {
    filter: isRunbookKind,
    loader: () =>
      import('../components/runbook/RunbookPageLayout').then(
        m => m.RunbookPageLayout,
      ),
  },
});
