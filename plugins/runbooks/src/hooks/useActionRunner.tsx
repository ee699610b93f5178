import type { RunbookAction } from '@unyo/plugin-ops-common';
import { lazy, Suspense, useState } from 'react';
import { useRunbookContext } from './useRunbookContext';

// The runner and its form library (react-jsonschema-form, ajv) load when an
// action is first opened: the cards of the entity page stay without them.
const ActionRunnerDialog = lazy(() =>
  import('../components/actions/ActionRunnerDialog').then(m => ({
    default: m.ActionRunnerDialog,
  })),
);

/**
 * What a card needs to run the runbook's actions: whether the user may, a
 * function that opens the runner for an action, and the runner itself (to
 * render; nothing while closed).
 */
export function useActionRunner() {
  const { runbook, pageEntityRef, canExecute } = useRunbookContext();
  const [running, setRunning] = useState<RunbookAction>();
  const runner = running ? (
    <Suspense fallback={null}>
      <ActionRunnerDialog
        runbook={runbook}
        action={running}
        entityRef={pageEntityRef}
        onClose={() => setRunning(undefined)}
      />
    </Suspense>
  ) : null;
  return { canExecute, run: setRunning, runner };
}
