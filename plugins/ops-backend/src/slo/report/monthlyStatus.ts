import {
  evaluateSloStatus,
  policyFor,
  ResolvedSloWindow,
  resolveWindow,
  SloPolicyThresholds,
  SloStatus,
} from '@unyo/plugin-ops-common';
import { SloDescription } from '../describeSlo';
import { MonthTotals } from '../rollups/MonthlyRollups';

/** `YYYY-MM`, a calendar month in UTC (daily rollups are UTC days). */
export const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function monthRange(month: string): { start: Date; end: Date } {
  const [, year, mon] = MONTH.exec(month)!;
  return {
    start: new Date(Date.UTC(Number(year), Number(mon) - 1, 1)),
    end: new Date(Date.UTC(Number(year), Number(mon), 1)),
  };
}

/** A calendar month in UTC, as an SLO window. */
const MONTH_WINDOW = {
  duration: '1M',
  isRolling: false,
  calendar: { startTime: '1970-01-01 00:00:00', timeZone: 'UTC' },
};

/**
 * `month` as a calendar window at `now` (a finished month at its last
 * instant): the same for every SLO of a report, so resolved once for all of
 * them, not once per SLO (luxon's calendar arithmetic was most of a
 * report's time at 10,000 SLOs).
 */
export function monthWindow(month: string, now: Date): ResolvedSloWindow {
  return resolveWindow(MONTH_WINDOW, instantIn(month, now));
}

/** `now`, or the month's last instant once it is over. */
function instantIn(month: string, now: Date): Date {
  const { end } = monthRange(month);
  return now < end ? now : new Date(end.getTime() - 1);
}

/**
 * An SLO's attainment over one calendar month, from the sums of its stored
 * days in that month (MonthlyRollups): the figures stay available long
 * after Prometheus has dropped the data. A month still under way is judged
 * like any partially elapsed calendar window (projected over the whole
 * month).
 */
export function monthlyStatus(options: {
  description: SloDescription;
  /** Unset when no day of the month is stored. */
  totals: MonthTotals | undefined;
  month: string;
  now: Date;
  /** `monthWindow(month, now)`, given when judging many SLOs at once. */
  window?: ResolvedSloWindow;
  thresholds?: SloPolicyThresholds;
}): SloStatus {
  const { description, totals, month, now, thresholds } = options;
  const { end } = monthRange(month);
  const counts = { good: totals?.good ?? 0, total: totals?.total ?? 0 };
  const evaluation = evaluateSloStatus({
    target: description.target,
    timeWindow: MONTH_WINDOW,
    window: options.window ?? monthWindow(month, now),
    budgetingMethod: description.budgetingMethod,
    counts,
    now: instantIn(month, now),
    thresholds,
  });
  const {
    idealRemainingRatio: _ideal,
    errorBudgetToDate,
    ...status
  } = evaluation;
  // A finished month is judged on what happened, not on a projection.
  const finished = now >= end;
  const budget =
    finished && errorBudgetToDate ? errorBudgetToDate : status.errorBudget;
  return {
    ...status,
    ...(budget && {
      errorBudget: budget,
      policy: policyFor(budget.remainingRatio, thresholds),
    }),
    ...(!finished && errorBudgetToDate && { errorBudgetToDate }),
    ref: description.ref,
    entityRef: description.entityRef,
    title: description.title,
    ...(!totals?.days && {
      state: 'no-data',
      message: `No stored days for ${month}`,
    }),
  };
}
