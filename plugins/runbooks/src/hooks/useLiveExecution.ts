import { useApi } from '@backstage/frontend-plugin-api';
import { useSignal } from '@backstage/plugin-signals-react';
import {
  RUNBOOK_EXECUTIONS_SIGNAL_CHANNEL,
  type Execution,
} from '@unyo/plugin-ops-common';
import { useEffect, useRef, useState } from 'react';
import { runbooksApiRef } from '../api';
import { POLL_MS_WITH_SIGNALS, POLL_MS_WITHOUT_SIGNALS } from '../constants';
import {
  executionEvents,
  isFinished,
  signalExecutionId,
} from '../lib/executions';

/**
 * Follows an execution until it finishes: re-reads it when the backend
 * signals a change, and polls (often without signals, seldom with them, in
 * case a signal is lost).
 */
export function useLiveExecution(started: Execution | undefined): {
  execution?: Execution;
  error?: Error;
} {
  const api = useApi(runbooksApiRef);
  const { lastSignal, isSignalsAvailable } = useSignal(
    RUNBOOK_EXECUTIONS_SIGNAL_CHANNEL,
  );
  const [execution, setExecution] = useState(started);
  const [error, setError] = useState<Error>();
  const [tick, setTick] = useState(0);
  // Read at once (first read, or a signal arrived) rather than after a pause.
  const immediate = useRef(true);

  useEffect(() => {
    setExecution(started);
    setError(undefined);
    immediate.current = true;
  }, [started]);

  const id = execution?.id;
  const finished = !execution || isFinished(execution.status);

  // A signal about this execution: read it now.
  useEffect(() => {
    if (id && !finished && signalExecutionId(lastSignal) === id) {
      immediate.current = true;
      setTick(n => n + 1);
    }
  }, [lastSignal, id, finished]);

  useEffect(() => {
    if (!id || finished) return undefined;
    let cancelled = false;
    const pollMs = isSignalsAvailable
      ? POLL_MS_WITH_SIGNALS
      : POLL_MS_WITHOUT_SIGNALS;
    const delay = immediate.current ? 0 : pollMs;
    immediate.current = false;
    const timer = setTimeout(async () => {
      try {
        const next = await api.getExecution(id);
        if (cancelled) return;
        setError(undefined);
        setExecution(next);
        executionEvents.emit(next);
      } catch (e) {
        if (!cancelled) setError(e as Error);
      }
      if (!cancelled) setTick(n => n + 1);
    }, delay);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [api, id, finished, tick, isSignalsAvailable]);

  return { execution, error };
}
