import type { SloStatus } from '@unyo/plugin-ops-common';

/**
 * The system-level budget: the journey with the least error budget left. A
 * system is as reliable as its worst journey; a weighted figure would hide
 * a journey that is out of budget behind healthy ones. Journeys without a
 * budget (no data, or never evaluated) do not count.
 */
export function worstJourney(journeys: SloStatus[]): SloStatus | undefined {
  let worst: SloStatus | undefined;
  for (const journey of journeys) {
    const remaining = journey.errorBudget?.remainingRatio;
    if (remaining === undefined) continue;
    if (!worst || remaining < worst.errorBudget!.remainingRatio) {
      worst = journey;
    }
  }
  return worst;
}
