import { SloEvaluationDetails, SloStatus } from '@unyo/plugin-ops-common';
import { CountsOrError, MeasuredPlan } from './measureCounts';
import { planQueries } from './planQueries';
import { SloPlan } from './planSlo';

/** The window whose queries the SLO page shows: the page tier's long window. */
const SHOWN_WINDOW = { name: '1h', seconds: 3600 };

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
    ...(plan.kind !== 'unsupported' && { evaluation: planEvaluation(plan) }),
  };
}

/** Plans are kept from round to round (`PlanCache`), and so are these. */
const evaluations = new WeakMap<MeasuredPlan, SloEvaluationDetails>();

/** Which path a plan takes and the PromQL it runs for the 1h window. */
export function planEvaluation(plan: MeasuredPlan): SloEvaluationDetails {
  let details = evaluations.get(plan);
  if (!details) {
    details = describeEvaluation(plan);
    evaluations.set(plan, details);
  }
  return details;
}

function describeEvaluation(plan: MeasuredPlan): SloEvaluationDetails {
  let queries: string[];
  try {
    queries = planQueries(plan, SHOWN_WINDOW.seconds);
  } catch {
    // A query that cannot be written is already the SLO's error message.
    queries = [];
  }
  return { path: plan.path, window: SHOWN_WINDOW.name, queries };
}
