import type { RunbookAction } from '@unyo/plugin-ops-common';
import { useState } from 'react';
import { ActionRunnerDialog } from '../components/ActionRunnerDialog';
import { useRunbookContext } from './useRunbookContext';

/**
 * What a card needs to run the runbook's actions: whether the user may, a
 * function that opens the runner for an action, and the runner itself (to
 * render; nothing while closed).
 */
export function useActionRunner() {
  const { runbook, pageEntityRef, canExecute } = useRunbookContext();
  const [running, setRunning] = useState<RunbookAction>();
  const runner = running ? (
    <ActionRunnerDialog
      runbook={runbook}
      action={running}
      entityRef={pageEntityRef}
      onClose={() => setRunning(undefined)}
    />
  ) : null;
  return { canExecute, run: setRunning, runner };
}
