import {
  maintenanceIntervals,
  mergeIntervals,
  TimeInterval,
} from '@unyo/plugin-ops-common';
import { ErrorTally } from './ErrorTally';
import { Counts, MeasuredPlan } from './measureCounts';
import { Measure } from './roundTypes';
import { PlanWindows } from './windowSegments';

export interface MaintenanceExclusion {
  /** SLO ref → minutes of its window excluded (maintenance and corrections). */
  excludedMinutes: Map<string, number>;
  /** Refs of the SLOs whose entity is in maintenance now. */
  inMaintenance: Set<string>;
}

/**
 * Removes excluded time from good and total: planned maintenance of the
 * SLOs that ask for it (`unyo.dev/exclude-maintenance`, see
 * docs/catalog-model.md) and every SLO's error-budget corrections. Both are
 * merged into one set of intervals, so a span that is both counts once;
 * each interval inside the window is measured and subtracted from `totals`,
 * which is updated in place (docs/slo-math.md).
 */
export async function excludeMaintenance(options: {
  plans: MeasuredPlan[];
  windows: PlanWindows;
  /** Entity ref → maintenance rules of the entity and of its system. */
  maintenance: Map<string, string[]>;
  /** SLO ref → its corrections. */
  corrections?: Map<string, TimeInterval[]>;
  totals: Map<string, Counts>;
  measure: Measure;
  tally: ErrorTally;
  now: Date;
}): Promise<MaintenanceExclusion> {
  const { plans, windows, maintenance, totals, measure, tally, now } = options;
  const excludedMinutes = new Map<string, number>();
  const inMaintenance = new Set<string>();
  for (const plan of plans) {
    const ref = plan.description.ref;
    const corrections = options.corrections?.get(ref) ?? [];
    if (!plan.excludeMaintenance && corrections.length === 0) continue;
    const { window } = windows.get(ref)!;
    const end = window.end < now ? window.end : now;
    try {
      const intervals: TimeInterval[] = [...corrections];
      if (plan.excludeMaintenance) {
        for (const rule of maintenance.get(plan.description.entityRef) ?? []) {
          for (const interval of maintenanceIntervals(
            rule,
            window.start,
            end,
          )) {
            if (interval.start <= now && now < interval.end)
              inMaintenance.add(ref);
            intervals.push(interval);
          }
        }
      }
      let minutes = 0;
      for (const interval of mergeIntervals(intervals)) {
        const start =
          interval.start < window.start ? window.start : interval.start;
        const stop = interval.end > end ? end : interval.end;
        const seconds = (stop.getTime() - start.getTime()) / 1000;
        if (seconds <= 0) continue;
        minutes += seconds / 60;
        const result = await measure([plan], seconds, stop);
        const counts = tally.take(result, ref);
        const t = totals.get(ref)!;
        totals.set(ref, {
          good: Math.max(0, t.good - counts.good),
          total: Math.max(0, t.total - counts.total),
        });
      }
      excludedMinutes.set(ref, minutes);
    } catch (e) {
      tally.fail(ref, e as Error);
    }
  }
  return { excludedMinutes, inMaintenance };
}
