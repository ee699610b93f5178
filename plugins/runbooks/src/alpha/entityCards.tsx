import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { hasRunbooks, isRunbookKind } from '../lib/predicates';

/**
 * Overview card of Components and Resources that runbooks apply to.
 */
export const entityRunbooksCard = EntityCardBlueprint.make({
  name: 'runbooks',
  params: {
    filter: entity =>
      ['component', 'resource', 'system'].includes(
        entity.kind.toLocaleLowerCase('en-US'),
      ) && hasRunbooks(entity),
    loader: () =>
      import('../components/entity/EntityRunbooksCard').then(m => (
        <m.EntityRunbooksCard />
      )),
  },
});

/**
 * Runbook entity page: severity, owner, the services it applies to and the
 * alerts it answers (marked when firing on the entity the page was opened
 * from).
 */
export const runbookAboutCard = EntityCardBlueprint.make({
  name: 'about',
  params: {
    type: 'info',
    filter: isRunbookKind,
    loader: () =>
      import('../components/runbook/RunbookAboutCard').then(m => (
        <m.RunbookAboutCard />
      )),
  },
});

/**
 * Runbook entity page: the ordered steps, with copyable commands and a Run
 * button on steps that name an action.
 */
export const runbookStepsCard = EntityCardBlueprint.make({
  name: 'steps',
  params: {
    filter: isRunbookKind,
    loader: () =>
      import('../components/runbook/RunbookStepsCard').then(m => (
        <m.RunbookStepsCard />
      )),
  },
});

/**
 * Runbook entity page: the runbook's actions, each with a Run button.
 */
export const runbookActionsCard = EntityCardBlueprint.make({
  name: 'actions',
  params: {
    filter: isRunbookKind,
    loader: () =>
      import('../components/runbook/RunbookActionsCard').then(m => (
        <m.RunbookActionsCard />
      )),
  },
});

/**
 * Runbook entity page: the execution history of its actions.
 */
export const runbookExecutionsCard = EntityCardBlueprint.make({
  name: 'executions',
  params: {
    filter: isRunbookKind,
    loader: () =>
      import('../components/executions/RunbookExecutionsCard').then(m => (
        <m.RunbookExecutionsCard />
      )),
  },
});

/**
 * Runbook entity page: the spec as YAML.
 */
export const runbookRawSpecCard = EntityCardBlueprint.make({
  name: 'raw-spec',
  params: {
    filter: isRunbookKind,
    loader: () =>
      import('../components/runbook/RunbookRawSpecCard').then(m => (
        <m.RunbookRawSpecCard />
      )),
  },
});
