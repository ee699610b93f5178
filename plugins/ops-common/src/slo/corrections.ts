import type { TimeInterval } from './intervals';

/** Why a span is corrected out of an SLO's error budget. @public */
export const SLO_CORRECTION_CATEGORIES = [
  'maintenance',
  'incident-false-positive',
  'dependency',
  'other',
] as const;

/** @public */
export type SloCorrectionCategory = (typeof SLO_CORRECTION_CATEGORIES)[number];

/**
 * A one-off span `[start, end)` removed from an SLO's good and total, as
 * planned maintenance is (docs/slo-math.md): it may be backdated.
 *
 * @public
 */
export interface SloCorrection {
  id: string;
  sloRef: string;
  /** ISO 8601. */
  start: string;
  end: string;
  category: SloCorrectionCategory;
  reason: string;
  /** The user entity ref of who added it. */
  createdBy: string;
  createdAt: string;
}

/** The corrections as intervals, e.g. to merge with maintenance intervals. @public */
export function correctionIntervals(
  corrections: readonly Pick<SloCorrection, 'start' | 'end'>[],
): TimeInterval[] {
  return corrections.map(c => ({
    start: new Date(c.start),
    end: new Date(c.end),
  }));
}
