import type { SloErrorBudget, SloSli } from './types';
import { errorBudget } from './errorBudget';

/**
 * What a slice without data counts as: left out of the SLI (`exclude`, the
 * default) or counted as bad (`bad`).
 *
 * @public
 */
export type MissingSlicePolicy = 'exclude' | 'bad';

/** @public */
export interface TimesliceCounts {
  /** Slices whose value met the objective's condition. */
  goodSlices: number;
  /** Slices with a value at all. */
  slicesWithData: number;
  /** Slices the window holds (window / slice length); defaults to slicesWithData. */
  expectedSlices?: number;
  missing?: MissingSlicePolicy;
}

/** @public */
export interface TimesliceSli extends SloSli {
  /** slicesWithData / expectedSlices: below 1 when data is missing. */
  coverage: number;
}

/**
 * The SLI of a Timeslices SLO: good slices / slices counted. Undefined when
 * no slice is counted (no data is not 100 %).
 *
 * @public
 */
export function timesliceSli(
  counts: TimesliceCounts,
): TimesliceSli | undefined {
  const expected = counts.expectedSlices ?? counts.slicesWithData;
  const total = counts.missing === 'bad' ? expected : counts.slicesWithData;
  if (!(total > 0)) {
    return undefined;
  }
  return {
    good: counts.goodSlices,
    total,
    ratio: counts.goodSlices / total,
    coverage: expected > 0 ? counts.slicesWithData / expected : 0,
  };
}

/**
 * The error budget of a Timeslices SLO in slices: `(1 − target) · slices`,
 * consumed by bad slices. With 1-minute slices this is allowed downtime in
 * minutes (43,200 slices at 99.9 % → 43.2).
 *
 * @public
 */
export function timesliceBudget(
  counts: TimesliceCounts & { targetPpm: number },
): SloErrorBudget | undefined {
  const sli = timesliceSli(counts);
  if (!sli) {
    return undefined;
  }
  return errorBudget({
    good: sli.good,
    total: sli.total,
    targetPpm: counts.targetPpm,
  });
}

/** @public */
export type TimesliceOperator = 'lt' | 'lte' | 'gt' | 'gte';

/**
 * Counts the slices of a series of per-slice values (null: no data) that
 * satisfy an objective's `op`/`value`, e.g. `up` with `gte 1`.
 *
 * @public
 */
export function countTimeslices(
  values: ReadonlyArray<number | null>,
  op: TimesliceOperator,
  threshold: number,
): { goodSlices: number; slicesWithData: number; expectedSlices: number } {
  const meets = {
    lt: (v: number) => v < threshold,
    lte: (v: number) => v <= threshold,
    gt: (v: number) => v > threshold,
    gte: (v: number) => v >= threshold,
  }[op];
  let goodSlices = 0;
  let slicesWithData = 0;
  for (const value of values) {
    if (value === null || Number.isNaN(value)) continue;
    slicesWithData += 1;
    if (meets(value)) goodSlices += 1;
  }
  return { goodSlices, slicesWithData, expectedSlices: values.length };
}

/** Bad slices as minutes of bad time: `bad × slice length / 60`. @public */
export function badSliceMinutes(
  badSlices: number,
  sliceSeconds: number,
): number {
  return (badSlices * sliceSeconds) / 60;
}
