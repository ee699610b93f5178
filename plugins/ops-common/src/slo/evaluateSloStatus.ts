import type { BudgetingMethod, SloTimeWindow } from '../kinds';
import { allowedDowntimeMinutes } from './allowedDowntime';
import {
  BurnRateTier,
  DEFAULT_BURN_RATE_TIERS,
  burnRate,
  evaluateBurnRateAlerts,
  timeToExhaustionSeconds,
} from './burnRate';
import { SloCounts, badOf, errorBudget, sliOf } from './errorBudget';
import { DEFAULT_SLO_POLICY_THRESHOLDS, policyFor } from './policy';
import { budgetFraction, targetToPpm } from './target';
import {
  BURN_RATE_WINDOWS,
  BurnRateWindow,
  SloErrorBudget,
  SloPolicyThresholds,
  SloStatus,
} from './types';
import {
  idealRemainingRatio,
  ResolvedSloWindow,
  resolveWindow,
} from './window';

/** @public */
export interface EvaluateSloStatusInput {
  /** 0–1, e.g. 0.999. */
  target: number;
  timeWindow: SloTimeWindow;
  budgetingMethod: BudgetingMethod;
  /**
   * Counts over the window so far (maintenance already excluded): events, or
   * slices for Timeslices. Undefined or total 0 gives `no-data`.
   */
  counts?: SloCounts;
  /** Counts over each burn-rate window ending now; missing windows are null. */
  burnRateCounts?: Partial<Record<BurnRateWindow, SloCounts>>;
  now: Date;
  /**
   * `resolveWindow(timeWindow, now)` when the caller already has it: a
   * round over thousands of SLOs resolves each distinct window once.
   */
  window?: ResolvedSloWindow;
  thresholds?: SloPolicyThresholds;
  tiers?: readonly BurnRateTier[];
  /** The burn rate that time to exhaustion is projected from; default `1h`. */
  exhaustionWindow?: BurnRateWindow;
  /** Minutes of maintenance excluded from the window; shrinks allowed downtime. */
  excludedMaintenanceMinutes?: number;
  /** During maintenance burn-rate alerts are suppressed. */
  inMaintenance?: boolean;
  /** Report allowed downtime; default true for Timeslices and RatioTimeslices. */
  reportAllowedDowntime?: boolean;
}

/** Everything of an {@link SloStatus} but the SLO's identity. @public */
export type SloEvaluation = Omit<
  SloStatus,
  'ref' | 'entityRef' | 'title' | 'lastSuccessAt' | 'staleSeconds'
> & {
  /** For calendar windows: `1 − elapsed`, the ideal burn-down line now. */
  idealRemainingRatio?: number;
};

/**
 * A partially elapsed calendar window is judged on its projected consumption
 * (`burn_to_date × elapsed`), against a budget sized for the whole period.
 */
function projectBudget(
  toDate: SloErrorBudget,
  total: number,
  targetPpm: number,
  elapsedRatio: number,
): SloErrorBudget {
  const consumedRatio = toDate.consumedRatio * elapsedRatio;
  return {
    total: (total * budgetFraction(targetPpm)) / elapsedRatio,
    consumed: toDate.consumed,
    consumedRatio,
    remainingRatio: 1 - consumedRatio,
  };
}

/**
 * Computes an SLO's status from counts: the backend supplies the numbers,
 * this decides what they mean.
 *
 * @public
 */
export function evaluateSloStatus(
  input: EvaluateSloStatusInput,
): SloEvaluation {
  const targetPpm = targetToPpm(input.target);
  const window = input.window ?? resolveWindow(input.timeWindow, input.now);
  const timeBased = input.budgetingMethod !== 'Occurrences';

  const burnRates = Object.fromEntries(
    BURN_RATE_WINDOWS.map(w => {
      const counts = input.burnRateCounts?.[w];
      return [
        w,
        counts
          ? burnRate({ bad: badOf(counts), total: counts.total, targetPpm })
          : null,
      ];
    }),
  ) as Record<BurnRateWindow, number | null>;
  const burnRateAlerts = evaluateBurnRateAlerts(burnRates, {
    periodSeconds: window.periodSeconds,
    tiers: input.tiers ?? DEFAULT_BURN_RATE_TIERS,
  }).map(alert => (input.inMaintenance ? { ...alert, firing: false } : alert));

  const excludedMinutes = input.excludedMaintenanceMinutes;
  const base: SloEvaluation = {
    target: targetPpm / 1_000_000,
    window: {
      duration: input.timeWindow.duration,
      calendar: window.calendar,
      timeZone: window.timeZone,
      start: window.start.toISOString(),
      end: window.end.toISOString(),
    },
    budgetingMethod: input.budgetingMethod,
    state: 'ok',
    burnRates,
    burnRateAlerts,
    evaluatedAt: input.now.toISOString(),
    ...(excludedMinutes !== undefined && {
      excludedMaintenanceMinutes: excludedMinutes,
    }),
    ...((input.reportAllowedDowntime ?? timeBased) && {
      allowedDowntimeMinutes: allowedDowntimeMinutes(
        targetPpm,
        window.periodSeconds / 60 - (excludedMinutes ?? 0),
      ),
    }),
    ...(window.calendar && {
      idealRemainingRatio: idealRemainingRatio(window.elapsedRatio),
    }),
  };

  const sli = input.counts ? sliOf(input.counts) : undefined;
  const toDate = input.counts
    ? errorBudget({ ...input.counts, targetPpm })
    : undefined;
  if (!sli || !toDate) {
    return {
      ...base,
      state: 'no-data',
      message: timeBased
        ? 'No time slice with data in the window'
        : 'No events in the window',
    };
  }

  const partial =
    window.calendar && window.elapsedRatio > 0 && window.elapsedRatio < 1;
  const budget = partial
    ? projectBudget(toDate, sli.total, targetPpm, window.elapsedRatio)
    : toDate;
  return {
    ...base,
    sli,
    errorBudget: budget,
    ...(partial && { errorBudgetToDate: toDate }),
    policy: policyFor(
      budget.remainingRatio,
      input.thresholds ?? DEFAULT_SLO_POLICY_THRESHOLDS,
    ),
    timeToExhaustionSeconds: timeToExhaustionSeconds(
      budget.remainingRatio,
      burnRates[input.exhaustionWindow ?? '1h'],
      window.periodSeconds,
    ),
  };
}
