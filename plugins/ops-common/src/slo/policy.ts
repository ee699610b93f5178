import type { SloPolicy } from './types';

/**
 * Remaining-budget thresholds of the policy states (app-config
 * `ops.slo.policy`).
 *
 * @public
 */
export interface SloPolicyThresholds {
  /** At or below this remaining ratio (and at or above the next): `feature-freeze`. */
  featureFreezeBelow: number;
  /** Below this remaining ratio (and above 0): `incident-only`. */
  incidentOnlyBelow: number;
}

/** The ops manual's defaults. @public */
export const DEFAULT_SLO_POLICY_THRESHOLDS: SloPolicyThresholds = Object.freeze(
  {
    featureFreezeBelow: 0.5,
    incidentOnlyBelow: 0.2,
  },
);

/**
 * The policy state for a remaining budget ratio. Boundaries per the ops
 * manual: r \> 0.5 `normal`; 0.2 ≤ r ≤ 0.5 `feature-freeze`; 0 \< r \< 0.2
 * `incident-only`; r ≤ 0 `frozen`.
 *
 * @public
 */
export function policyFor(
  remainingRatio: number,
  thresholds: SloPolicyThresholds = DEFAULT_SLO_POLICY_THRESHOLDS,
): SloPolicy {
  if (remainingRatio > thresholds.featureFreezeBelow) {
    return 'normal';
  }
  if (remainingRatio >= thresholds.incidentOnlyBelow) {
    return 'feature-freeze';
  }
  if (remainingRatio > 0) {
    return 'incident-only';
  }
  return 'frozen';
}
