import type { SloObjective } from '../kinds';

/** One in parts per million: budgets are computed on this integer scale. */
const MILLION = 1_000_000;

/**
 * Turns a target fraction into integer parts per million (0.999 → 999000), so
 * that `1 − target` is computed exactly: in doubles `1 − 0.999` is
 * 0.0010000000000000009, which moves results across policy and alert
 * boundaries.
 *
 * @public
 */
export function targetToPpm(target: number): number {
  if (!Number.isFinite(target) || target < 0 || target >= 1) {
    throw new RangeError(`SLO target ${target} is not in [0, 1)`);
  }
  return Math.round(target * MILLION);
}

/**
 * The target of an OpenSLO objective, from `target` (0–1) or
 * `targetPercent` (0–100), in parts per million.
 *
 * @public
 */
export function objectiveTargetPpm(
  objective: Pick<SloObjective, 'target' | 'targetPercent'>,
): number {
  if (objective.target !== undefined) {
    return targetToPpm(objective.target);
  }
  if (objective.targetPercent !== undefined) {
    // 99.9 * 1e4 rounds to 999000 exactly, unlike 99.9 / 100 * 1e6.
    const ppm = Math.round(objective.targetPercent * 10_000);
    return targetToPpm(ppm / MILLION);
  }
  throw new TypeError('SLO objective has neither target nor targetPercent');
}

/** The budget fraction `1 − target` of a target in ppm (999000 → 0.001). @public */
export function budgetFraction(targetPpm: number): number {
  return (MILLION - targetPpm) / MILLION;
}

/** The target fraction of a target in ppm (999000 → 0.999). @public */
export function ppmToTarget(targetPpm: number): number {
  return targetPpm / MILLION;
}

/**
 * `bad / ((1 − target) · amount)` as one division of exact products, so
 * 700 of 1,000,000 at 99.9 % is exactly 0.7 and 1,440 of 100,000 exactly 14.4.
 */
export function badToBudgetRatio(
  bad: number,
  amount: number,
  targetPpm: number,
): number {
  return (bad * MILLION) / (amount * (MILLION - targetPpm));
}

/** `1 − bad / budget`, again as one division so 0.2 stays 0.2. */
export function remainingBudgetRatio(
  bad: number,
  amount: number,
  targetPpm: number,
): number {
  const scaledBudget = amount * (MILLION - targetPpm);
  return (scaledBudget - bad * MILLION) / scaledBudget;
}
