import { CountsOrError, MeasuredPlan } from './measureCounts';
import { SloPlan } from './planSlo';
import { SloStatus } from '@unyo/plugin-ops-common';

/** Measures good and total of each plan over `windowSeconds` ending at `time`. */
export type Measure = (
  plans: MeasuredPlan[],
  windowSeconds: number,
  time: Date,
) => Promise<Map<string, CountsOrError>>;

/** The status of an SLO that could not be evaluated in this round. */
export function failedStatus(
  plan: SloPlan,
  message: string,
  now: Date,
): SloStatus {
  return {
    ...plan.description,
    state: 'error',
    message,
    evaluatedAt: now.toISOString(),
  };
}
