import { StoredDayCounts } from '../rollups/dailyCounts';
import { ErrorTally } from './ErrorTally';
import { addCounts, Counts, MeasuredPlan } from './measureCounts';
import { Measure } from './roundTypes';
import { PlanWindows, TimeRange } from './windowSegments';

/**
 * Good and total over each SLO's window: the stored full days plus the live
 * head and tail, each live range asked once for all SLOs that share it; the
 * head and tail are asked at the same time.
 */
export async function windowTotals(options: {
  plans: MeasuredPlan[];
  windows: PlanWindows;
  stored: StoredDayCounts;
  measure: Measure;
  tally: ErrorTally;
}): Promise<Map<string, Counts>> {
  const { plans, windows, stored, measure, tally } = options;
  /** Each plan's counts over the range `pick` gives it, summed. */
  const live = async (pick: (ref: string) => TimeRange | undefined) => {
    const counts = new Map<string, Counts>();
    const groups = new Map<
      TimeRange,
      { range: TimeRange; plans: MeasuredPlan[] }
    >();
    for (const plan of plans) {
      const range = pick(plan.description.ref);
      if (!range) continue;
      // Plans of one window share its PlanWindow, hence its range objects;
      // equal ranges of different windows are merged below.
      const group = groups.get(range);
      if (group) group.plans.push(plan);
      else groups.set(range, { range, plans: [plan] });
    }
    const byKey = new Map<
      string,
      { range: TimeRange; plans: MeasuredPlan[] }
    >();
    for (const group of groups.values()) {
      const key = `${group.range.start.getTime()}-${group.range.end.getTime()}`;
      const same = byKey.get(key);
      if (same) same.plans.push(...group.plans);
      else byKey.set(key, group);
    }
    await Promise.all(
      [...byKey.values()].map(async ({ range, plans: group }) => {
        const seconds = (range.end.getTime() - range.start.getTime()) / 1000;
        const result = await measure(group, seconds, range.end);
        for (const plan of group) {
          const ref = plan.description.ref;
          counts.set(
            ref,
            addCounts(
              counts.get(ref) ?? { good: 0, total: 0 },
              tally.take(result, ref),
            ),
          );
        }
      }),
    );
    return counts;
  };
  const [heads, tails] = await Promise.all([
    live(ref => windows.get(ref)!.segments.head),
    live(ref => windows.get(ref)!.segments.tail),
  ]);
  const zero = { good: 0, total: 0 };
  const totals = new Map<string, Counts>();
  for (const plan of plans) {
    const ref = plan.description.ref;
    // The head, the part of the oldest day inside the window, is queried
    // live; where Prometheus no longer holds it, that day's stored row
    // counts pro rata.
    const liveHead = heads.get(ref) ?? zero;
    const storedHead = stored.heads.get(ref);
    const head =
      storedHead && storedHead.total > 0 && liveHead.total === 0
        ? storedHead
        : liveHead;
    totals.set(
      ref,
      addCounts(
        addCounts(head, tails.get(ref) ?? zero),
        stored.days.get(ref) ?? zero,
      ),
    );
  }
  return totals;
}
