import { SloStatus } from '@unyo/plugin-ops-common';
import { StoredSloStatus } from '../database/SloStore';
import { SloDescription } from './describeSlo';

/**
 * What the API answers for one SLO. A failed evaluation shows the last good
 * values with their age and `state: error`, so a Prometheus outage never
 * blanks the panels; an SLO not evaluated yet says why.
 */
export function presentStatus(options: {
  description: SloDescription;
  stored?: StoredSloStatus;
  notEvaluatedMessage: string;
  now: Date;
}): SloStatus {
  const { description, stored, notEvaluatedMessage, now } = options;
  if (!stored) {
    return {
      ...description,
      state: 'error',
      message: notEvaluatedMessage,
      evaluatedAt: now.toISOString(),
    };
  }
  const { status, lastGood } = stored;
  if (status.state !== 'error' || !lastGood) {
    // The catalog document may have changed since: its fields win.
    return {
      ...status,
      ...description,
      window: { ...status.window, ...description.window },
    };
  }
  return {
    ...lastGood,
    ...description,
    window: { ...lastGood.window, ...description.window },
    state: 'error',
    message: status.message,
    // What this round tried to run, not what last succeeded.
    evaluation: status.evaluation ?? lastGood.evaluation,
    lastSuccessAt: lastGood.evaluatedAt,
    staleSeconds: Math.max(
      0,
      Math.round((now.getTime() - Date.parse(lastGood.evaluatedAt)) / 1000),
    ),
  };
}
