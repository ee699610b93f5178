import type { SloPolicy, SloPolicyThresholds } from './types';

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
 * The remaining ratio a policy state starts above, by the thresholds that
 * define it: of two states, the one with the lower floor is the worse
 * (`normal` above `featureFreezeBelow` … `frozen` at or below 0).
 *
 * @public
 */
export function sloPolicyFloor(
  policy: SloPolicy,
  thresholds: SloPolicyThresholds = DEFAULT_SLO_POLICY_THRESHOLDS,
): number {
  switch (policy) {
    case 'normal':
      return thresholds.featureFreezeBelow;
    case 'feature-freeze':
      return thresholds.incidentOnlyBelow;
    case 'incident-only':
      return 0;
    default:
      return -Infinity;
  }
}
