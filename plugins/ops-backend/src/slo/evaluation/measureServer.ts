import { evaluateSloStatus, SloStatus } from '@unyo/plugin-ops-common';
import { SloStore } from '../../database/SloStore';
import { dailyCounts } from '../rollups/dailyCounts';
import { measureBurnRates } from './burnRates';
import { ErrorTally } from './ErrorTally';
import { excludeMaintenance } from './maintenanceExclusion';
import { MeasuredPlan } from './measureCounts';
import { failedStatus, Measure, planEvaluation } from './roundTypes';
import { RoundLookups } from './roundLookups';
import { planWindows } from './windowSegments';
import { windowTotals } from './windowTotals';

/**
 * Allowed downtime means something for time slices and for availability
 * ratios, not for latency SLOs (histogram buckets, `le`).
 */
function reportsDowntime(plan: MeasuredPlan): boolean {
  if (plan.kind === 'threshold') return true;
  const parts = plan.kind === 'expression' ? plan.sli : plan;
  return !/\ble\s*=/.test(parts.good ?? parts.bad ?? '');
}

/**
 * Evaluates the SLOs of one Prometheus server: burn rates, then each
 * window from stored days (backfilled when missing) and live head and tail,
 * less planned maintenance and error-budget corrections.
 */
export async function evaluateOnServer(options: {
  plans: MeasuredPlan[];
  /** Policies, maintenance rules and corrections, awaited once counts are measured. */
  lookups: () => Promise<RoundLookups>;
  measure: Measure;
  now: Date;
  store: Pick<SloStore, 'getDaily' | 'upsertDaily' | 'summarizeDaily'>;
  maxBackfillDays: number;
}): Promise<SloStatus[]> {
  const { plans, measure, now } = options;
  const tally = new ErrorTally();

  const windows = planWindows(plans, now);
  const measured = await measureBurnRates({
    plans,
    measure,
    now,
    tally,
    alongside: async () => {
      const stored = await dailyCounts({
        plans,
        windows,
        measure,
        fail: tally.fail,
        store: options.store,
        maxBackfillDays: options.maxBackfillDays,
      });
      return windowTotals({ plans, windows, stored, measure, tally });
    },
  });
  const { policyOf, maintenance, corrections } = await options.lookups();
  if (!measured) {
    return plans.map(p => failedStatus(p, tally.get(p.description.ref)!, now));
  }
  const { burn, alongside: totals } = measured;
  const { excludedMinutes, inMaintenance } = await excludeMaintenance({
    plans,
    windows,
    maintenance,
    corrections: corrections?.intervals,
    totals,
    measure,
    tally,
    now,
  });

  return plans.map(plan => {
    const ref = plan.description.ref;
    const error = tally.get(ref);
    if (error) return failedStatus(plan, error, now);
    const policySet = policyOf(ref);
    if ('error' in policySet) return failedStatus(plan, policySet.error, now);
    const evaluation = evaluateSloStatus({
      target: plan.description.target,
      timeWindow: plan.timeWindow,
      budgetingMethod: plan.description.budgetingMethod,
      window: windows.get(ref)!.window,
      counts: totals.get(ref),
      burnRateCounts: burn.get(ref),
      now,
      thresholds: policySet,
      excludedMaintenanceMinutes: excludedMinutes.get(ref),
      inMaintenance: inMaintenance.has(ref),
      reportAllowedDowntime: reportsDowntime(plan),
    });
    const { idealRemainingRatio: _ideal, ...status } = evaluation;
    return {
      ...status,
      evaluation: planEvaluation(plan),
      policySet,
      ref,
      entityRef: plan.description.entityRef,
      title: plan.description.title,
    };
  });
}
