import type { Execution, ExecutionStatus } from '@unyo/plugin-ops-common';

/** Statuses after which an execution does not change any more. */
export function isFinished(status: ExecutionStatus): boolean {
  return status === 'succeeded' || status === 'failed' || status === 'rejected';
}

/** Newest first, by `createdAt`. */
export function newestFirst(executions: Execution[]): Execution[] {
  return [...executions].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Milliseconds from start to finish, or null while it runs. */
export function durationMs(execution: Execution): number | null {
  if (!execution.finishedAt) return null;
  const ms = Date.parse(execution.finishedAt) - Date.parse(execution.createdAt);
  return Number.isFinite(ms) && ms >= 0 ? ms : null;
}

/** The execution id a signal message is about, if any. */
export function signalExecutionId(message: unknown): string | undefined {
  if (!message || typeof message !== 'object') return undefined;
  const m = message as Record<string, any>;
  const id = m.execution?.id ?? m.executionId ?? m.id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * A random key, once per dialog opening: a double click sends the same key
 * and the backend answers the first execution instead of running twice.
 */
export function newIdempotencyKey(): string {
  if (typeof globalThis.crypto?.randomUUID === 'function') {
    return globalThis.crypto.randomUUID();
  }
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

type Listener = (execution: Execution) => void;
const listeners = new Set<Listener>();

/**
 * Tells the other cards of the page (the history) that this page started or
 * saw an execution change, so they refresh at once rather than on the next
 * signal or poll.
 */
export const executionEvents = {
  emit(execution: Execution) {
    listeners.forEach(listener => listener(execution));
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};
