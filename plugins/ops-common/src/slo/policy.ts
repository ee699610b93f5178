import type { SloPolicy } from './types';

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
 * Defaults when `ops.slo.policy` is not set: feature freeze at half the
 * budget, incidents only below a fifth.
 *
 * @public
 */
export const DEFAULT_SLO_POLICY_THRESHOLDS: SloPolicyThresholds = Object.freeze(
  {
    featureFreezeBelow: 0.5,
    incidentOnlyBelow: 0.2,
  },
);

/**
 * The policy state for a remaining budget ratio r. With the defaults:
 * r \> 0.5 `normal`; 0.2 ≤ r ≤ 0.5 `feature-freeze`; 0 \< r \< 0.2
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

/**
 * A named error-budget policy as the API reports it with an SLO's status.
 *
 * @public
 */
export interface SloPolicySet extends SloPolicyThresholds {
  /** The key of `ops.slo.policies`, or `default` for `ops.slo.policy`. */
  name: string;
}
