import type { BudgetingMethod } from '../kinds';

/**
 * The SLO results the backend computes and the frontends show. Field names
 * are the API contract (docs/api.md, `SloStatus`): never rename.
 */

/** The windows burn rates are computed over. @public */
export type BurnRateWindow = '5m' | '30m' | '1h' | '2h' | '6h' | '1d' | '3d';

/** Every {@link BurnRateWindow}, shortest first. @public */
export const BURN_RATE_WINDOWS: readonly BurnRateWindow[] = Object.freeze([
  '5m',
  '30m',
  '1h',
  '2h',
  '6h',
  '1d',
  '3d',
] as const);

/** Each {@link BurnRateWindow}'s length in seconds. @public */
export const BURN_RATE_WINDOW_SECONDS: Readonly<
  Record<BurnRateWindow, number>
> = Object.freeze({
  '5m': 300,
  '30m': 1800,
  '1h': 3600,
  '2h': 7200,
  '6h': 21600,
  '1d': 86400,
  '3d': 259200,
});

/**
 * Remaining-budget thresholds of the policy states (app-config
 * `ops.slo.policy`, or a named set of `ops.slo.policies` chosen by the
 * annotation `unyo.dev/error-budget-policy`).
 *
 * @public
 */
export interface SloPolicyThresholds {
  /** At or below this remaining ratio (and at or above the next): `feature-freeze`. */
  featureFreezeBelow: number;
  /** Below this remaining ratio (and above 0): `incident-only`. */
  incidentOnlyBelow: number;
}

/**
 * A named error-budget policy as the API reports it with an SLO's status.
 *
 * @public
 */
export interface SloPolicySet extends SloPolicyThresholds {
  /** The key of `ops.slo.policies`, or `default` for `ops.slo.policy`. */
  name: string;
}

/** The error-budget policy state, from the remaining budget. @public */
export type SloPolicy =
  | 'normal'
  | 'feature-freeze'
  | 'incident-only'
  | 'frozen';

/**
 * `no-data`: the SLI is undefined (total 0), never shown as 100 %.
 * `error`: the evaluation failed; `message` says why.
 *
 * @public
 */
export type SloState = 'ok' | 'no-data' | 'error';

/** One multi-window burn-rate alert tier and whether it fires now. @public */
export interface BurnRateAlert {
  severity: 'page' | 'ticket';
  longWindow: BurnRateWindow;
  shortWindow: BurnRateWindow;
  /** Burn-rate threshold, already scaled to the SLO's period. */
  factor: number;
  firing: boolean;
}

/** @public */
export interface SloSli {
  good: number;
  total: number;
  /** good / total; only present when total is above 0. */
  ratio: number;
}

/**
 * `total` is the budget and `consumed` the bad amount, both in the SLO's unit:
 * events (Occurrences), slices (Timeslices) or minutes (time-based).
 * Not clamped: `remainingRatio` is negative once the budget is exhausted.
 *
 * @public
 */
export interface SloErrorBudget {
  total: number;
  consumed: number;
  consumedRatio: number;
  remainingRatio: number;
}

/** @public */
export interface SloStatusWindow {
  /** OpenSLO duration, e.g. `30d` or `1M`. */
  duration: string;
  /** true for calendar-aligned windows (`isRolling: false`). */
  calendar: boolean;
  timeZone?: string;
  /** ISO instants of the window evaluated. */
  start?: string;
  end?: string;
}

/**
 * How an SLO is evaluated: plain counter selectors batched with other SLOs
 * (`selector`), any other PromQL (`expression`), a query with a window
 * template (`template`), or judged slice by slice (`timeslices`). @public
 */
export type SloEvaluationPath =
  | 'selector'
  | 'expression'
  | 'template'
  | 'timeslices';

/** Which path an SLO takes and the PromQL it runs, for debugging an SLI. @public */
export interface SloEvaluationDetails {
  path: SloEvaluationPath;
  /** The window the queries below are written for (other windows change only the ranges). */
  window: string;
  /**
   * The PromQL run for that window. Selector SLOs are batched with others of
   * the same shape; the query shown is this SLO's share of the batch.
   */
  queries: string[];
}

/** @public */
export interface SloStatus {
  /** e.g. `slo:default/identity-availability`. */
  ref: string;
  entityRef: string;
  title?: string;
  /** 0–1. */
  target: number;
  window: SloStatusWindow;
  budgetingMethod: BudgetingMethod;
  state: SloState;
  message?: string;
  sli?: SloSli;
  errorBudget?: SloErrorBudget;
  /**
   * For a partially elapsed calendar window `errorBudget` is projected over
   * the whole period; this is the strict "if the window ended now" figure.
   */
  errorBudgetToDate?: SloErrorBudget;
  policy?: SloPolicy;
  /**
   * The error-budget policy `policy` was judged by: `ops.slo.policy`
   * (`default`) or the set of `ops.slo.policies` the SLO, its entity or its
   * System names (`unyo.dev/error-budget-policy`).
   */
  policySet?: SloPolicySet;
  /** null: no traffic in that window. */
  burnRates?: Record<BurnRateWindow, number | null>;
  burnRateAlerts?: BurnRateAlert[];
  /** null: not burning. */
  timeToExhaustionSeconds?: number | null;
  /** Where meaningful (time-based or availability SLOs). */
  allowedDowntimeMinutes?: number;
  /** ISO time of the values shown. */
  evaluatedAt: string;
  /** When state is `error`: when the values shown were last computed. */
  lastSuccessAt?: string;
  staleSeconds?: number;
  excludedMaintenanceMinutes?: number;
  /** Absent for SLOs Unyo cannot plan (state `error`, with why). */
  evaluation?: SloEvaluationDetails;
  /** The labels of `unyo.dev/group-by`, when the SLO is grouped. */
  groupBy?: string[];
  /**
   * One status per value of the `groupBy` labels, worst first (least budget
   * left). The SLO's own figures stay those of all groups together.
   */
  groups?: SloGroupStatus[];
  /** Groups beyond `ops.slo.maxGroups`, left out of `groups` (the best ones). */
  groupsOmitted?: number;
  /** Why the groups could not be measured this round; the SLO's own figures stand. */
  groupsError?: string;
}

/**
 * One group of a grouped SLO: the same figures as the SLO's, over the
 * series whose `groupBy` labels have these values. @public
 */
export interface SloGroupStatus
  extends Pick<
    SloStatus,
    | 'state'
    | 'message'
    | 'sli'
    | 'errorBudget'
    | 'errorBudgetToDate'
    | 'policy'
    | 'burnRates'
    | 'timeToExhaustionSeconds'
  > {
  /** The group's value of each `groupBy` label ("" when a series lacks it). */
  labels: Record<string, string>;
}

/** One point of the burn-down graph. @public */
export interface SloHistoryPoint {
  /** ISO instant. */
  t: string;
  remainingRatio: number | null;
  sliRatio: number | null;
}

/** @public */
export interface SloStatusWithHistory extends SloStatus {
  history: SloHistoryPoint[];
}
