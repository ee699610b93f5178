import { StoredDayCounts } from '../rollups/dailyCounts';
import { ErrorTally } from './ErrorTally';
import { addCounts, Counts, MeasuredPlan } from './measureCounts';
import { Measure } from './roundTypes';
import { PlanWindows, TimeRange } from './windowSegments';

/**
 * Good and total over each SLO's window: the stored full days plus the live
 * head and tail, each live range asked once for all SLOs that share it.
 */
export async function windowTotals(options: {
  plans: MeasuredPlan[];
  windows: PlanWindows;
  stored: StoredDayCounts;
  measure: Measure;
  tally: ErrorTally;
}): Promise<Map<string, Counts>> {
  const { plans, windows, stored, measure, tally } = options;
  const totals = new Map<string, Counts>(
    plans.map(p => [p.description.ref, { good: 0, total: 0 }]),
  );
  const live = async (pick: (ref: string) => TimeRange | undefined) => {
    const groups = new Map<
      string,
      { range: TimeRange; plans: MeasuredPlan[] }
    >();
    for (const plan of plans) {
      const range = pick(plan.description.ref);
      if (!range) continue;
      const key = `${range.start.getTime()}-${range.end.getTime()}`;
      const group = groups.get(key) ?? { range, plans: [] };
      group.plans.push(plan);
      groups.set(key, group);
    }
    for (const { range, plans: group } of groups.values()) {
      const seconds = (range.end.getTime() - range.start.getTime()) / 1000;
      const result = await measure(group, seconds, range.end);
      for (const plan of group) {
        const ref = plan.description.ref;
        totals.set(ref, addCounts(totals.get(ref)!, tally.take(result, ref)));
      }
    }
  };
  // The head, the part of the oldest day inside the window, is queried live;
  // where Prometheus no longer holds it, that day's stored row counts pro rata.
  const beforeHead = new Map(totals);
  await live(ref => windows.get(ref)!.segments.head);
  for (const plan of plans) {
    const ref = plan.description.ref;
    const storedHead = stored.heads.get(ref);
    const liveHead = totals.get(ref)!.total - beforeHead.get(ref)!.total;
    if (storedHead && storedHead.total > 0 && liveHead === 0) {
      totals.set(ref, addCounts(totals.get(ref)!, storedHead));
    }
  }
  await live(ref => windows.get(ref)!.segments.tail);
  for (const plan of plans) {
    const ref = plan.description.ref;
    totals.set(
      ref,
      addCounts(
        totals.get(ref)!,
        stored.days.get(ref) ?? { good: 0, total: 0 },
      ),
    );
  }
  return totals;
}
