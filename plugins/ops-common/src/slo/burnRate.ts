import type { BurnRateAlert, BurnRateWindow } from './types';
import { badToBudgetRatio } from './target';

/** The period the default alert factors are written for: 30 days. @public */
export const BURN_RATE_REFERENCE_PERIOD_SECONDS = 30 * 24 * 3600;

/** One multi-window, multi-burn-rate alert tier. @public */
export interface BurnRateTier {
  severity: 'page' | 'ticket';
  longWindow: BurnRateWindow;
  shortWindow: BurnRateWindow;
  /** Threshold for a 30-day period; scaled for other periods. */
  factor: number;
}

/**
 * The Google SRE Workbook tiers (ch. 5), highest priority first:
 * 2 % of a 30-day budget in 1 h, 5 % in 6 h, 10 % in 1 d, 10 % in 3 d.
 *
 * @public
 */
export const DEFAULT_BURN_RATE_TIERS: readonly BurnRateTier[] = Object.freeze([
  { severity: 'page', longWindow: '1h', shortWindow: '5m', factor: 14.4 },
  { severity: 'page', longWindow: '6h', shortWindow: '30m', factor: 6 },
  { severity: 'ticket', longWindow: '1d', shortWindow: '2h', factor: 3 },
  { severity: 'ticket', longWindow: '3d', shortWindow: '6h', factor: 1 },
] as const);

/** @public */
export interface BurnRateInput {
  bad: number;
  total: number;
  targetPpm: number;
}

/**
 * `(bad / total) / (1 − target)`; null when total is 0 (no traffic, which
 * neither fires nor clears an alert).
 *
 * @public
 */
export function burnRate(input: BurnRateInput): number | null {
  if (!(input.total > 0)) {
    return null;
  }
  return badToBudgetRatio(Math.max(0, input.bad), input.total, input.targetPpm);
}

/**
 * Rounds to 12 significant digits: scaled factors such as 14.4 · 31/30 are
 * decimals (14.88), and rounding gives the double closest to that decimal.
 */
function toDecimal(value: number): number {
  return Number(value.toPrecision(12));
}

/**
 * Strict `>`, with values within 1e-9 (relative) of the factor counting as
 * equal: a burn computed as 0.0144 / (1 − 0.999) = 14.399999999999986 or
 * 14.400000000000002 is exactly the factor and must not fire.
 */
function exceeds(value: number | null | undefined, factor: number): boolean {
  if (value === null || value === undefined) {
    return false;
  }
  return value > factor && value - factor > 1e-9 * factor;
}

/** @public */
export interface EvaluateBurnRateAlertsOptions {
  /** The SLO's period in seconds; factors are scaled by period / 30 d. */
  periodSeconds?: number;
  tiers?: readonly BurnRateTier[];
}

/**
 * Each tier with its factor scaled to the period, firing iff both its long
 * and its short window burn strictly faster than the factor. Windows without
 * traffic (null) never fire.
 *
 * @public
 */
export function evaluateBurnRateAlerts(
  burnRates: Partial<Record<BurnRateWindow, number | null>>,
  options: EvaluateBurnRateAlertsOptions = {},
): BurnRateAlert[] {
  const {
    periodSeconds = BURN_RATE_REFERENCE_PERIOD_SECONDS,
    tiers = DEFAULT_BURN_RATE_TIERS,
  } = options;
  return tiers.map(tier => {
    const factor = toDecimal(
      (tier.factor * periodSeconds) / BURN_RATE_REFERENCE_PERIOD_SECONDS,
    );
    return {
      severity: tier.severity,
      longWindow: tier.longWindow,
      shortWindow: tier.shortWindow,
      factor,
      firing:
        exceeds(burnRates[tier.longWindow], factor) &&
        exceeds(burnRates[tier.shortWindow], factor),
    };
  });
}

/**
 * The alert to notify about: the first firing one in tier order (highest
 * priority first). Lower tiers firing at the same time are redundant
 * notifications of the same burn.
 *
 * @public
 */
export function highestFiringAlert(
  alerts: readonly BurnRateAlert[],
): BurnRateAlert | undefined {
  return alerts.find(alert => alert.firing);
}

/**
 * Seconds until the budget is gone at the given burn rate:
 * `remaining · period / burn`. 0 when already exhausted, null when not
 * burning. A projection: errors ageing out of a rolling window are ignored.
 *
 * @public
 */
export function timeToExhaustionSeconds(
  remainingRatio: number,
  burn: number | null,
  periodSeconds: number,
): number | null {
  if (remainingRatio <= 0) {
    return 0;
  }
  if (burn === null || !(burn > 0)) {
    return null;
  }
  return (remainingRatio * periodSeconds) / burn;
}
