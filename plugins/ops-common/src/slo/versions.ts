import type { SloTimeWindow } from '../kinds';

/** What a new SLO version changed. @public */
export type SloVersionChange = 'target' | 'window' | 'queries';

/**
 * One version of an SLO: its target, window and queries from `since` until
 * the next version. A new version starts when the catalog shows a change
 * of any of them (docs/slo-math.md, "SLO versions").
 *
 * @public
 */
export interface SloVersion {
  /** 1, 2, ... in order. */
  version: number;
  /** ISO instant the evaluator first saw it. The first version also covers the days before. */
  since: string;
  target: number;
  timeWindow: SloTimeWindow;
  /** What differs from the previous version; empty for the first. */
  changes: SloVersionChange[];
}

/**
 * The version in force on a UTC day (`YYYY-MM-DD`): the one in force at
 * the day's start, so that a day is judged by one version only (a change
 * counts from the next day); the first version covers earlier days too.
 *
 * @public
 */
export function sloVersionOnDay<T extends Pick<SloVersion, 'since'>>(
  versions: readonly T[],
  day: string,
): T | undefined {
  const start = Date.parse(`${day}T00:00:00Z`);
  let found: T | undefined = versions[0];
  for (const v of versions) {
    if (Date.parse(v.since) <= start) found = v;
  }
  return found;
}

/**
 * The target that judges several days at once, each by the version in
 * force that day: the error budget is Σ (1 − targetᵈ)·totalᵈ, so the
 * single target giving that budget over Σ totalᵈ is returned. Days
 * without traffic do not weigh; `fallback` when no day has any.
 *
 * @public
 */
export function effectiveSloTarget(
  days: ReadonlyArray<{ total: number; target: number }>,
  fallback: number,
): number {
  let total = 0;
  let budget = 0;
  for (const d of days) {
    total += d.total;
    budget += (1 - d.target) * d.total;
  }
  return total > 0 ? 1 - budget / total : fallback;
}
