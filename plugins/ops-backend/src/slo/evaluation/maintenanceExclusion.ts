import { maintenanceIntervals } from '@unyo/plugin-ops-common';
import { ErrorTally } from './ErrorTally';
import { Counts, MeasuredPlan } from './measureCounts';
import { Measure } from './roundTypes';
import { PlanWindows } from './windowSegments';

export interface MaintenanceExclusion {
  /** SLO ref → minutes of its window spent in maintenance. */
  excludedMinutes: Map<string, number>;
  /** Refs of the SLOs whose entity is in maintenance now. */
  inMaintenance: Set<string>;
}

/**
 * Removes planned maintenance from good and total of the SLOs that ask for
 * it (`unyo.dev/exclude-maintenance`, see docs/catalog-model.md): each
 * maintenance interval inside the window is measured and subtracted from
 * `totals`, which is updated in place.
 */
export async function excludeMaintenance(options: {
  plans: MeasuredPlan[];
  windows: PlanWindows;
  /** Entity ref → maintenance rules of the entity and of its system. */
  maintenance: Map<string, string[]>;
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
    if (!plan.excludeMaintenance) continue;
    const { window } = windows.get(ref)!;
    const end = window.end < now ? window.end : now;
    let minutes = 0;
    for (const rule of maintenance.get(plan.description.entityRef) ?? []) {
      try {
        for (const interval of maintenanceIntervals(rule, window.start, end)) {
          const start =
            interval.start < window.start ? window.start : interval.start;
          const stop = interval.end > end ? end : interval.end;
          if (interval.start <= now && now < interval.end)
            inMaintenance.add(ref);
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
      } catch (e) {
        tally.fail(ref, e as Error);
      }
    }
    excludedMinutes.set(ref, minutes);
  }
  return { excludedMinutes, inMaintenance };
}
