import {
  BURN_RATE_WINDOW_SECONDS,
  BURN_RATE_WINDOWS,
  BurnRateWindow,
  compareGroupsWorstFirst,
  evaluateSloStatus,
  resolveWindow,
  SloCounts,
  SloGroupStatus,
  SloStatus,
} from '@unyo/plugin-ops-common';
import { InstantSample } from '../../prometheus/types';
import { SloPolicyChoice } from '../policies';
import { groupedRatioQuery, PART_LABEL } from './planQueries';
import type { MeasuredPlan, RatioPlan } from './planTypes';

/** A ratio plan with `unyo.dev/group-by`. */
export type GroupedPlan = RatioPlan & { groupBy: string[] };

export function isGrouped(plan: MeasuredPlan): plan is GroupedPlan {
  return plan.kind === 'ratio' && !!plan.groupBy?.length;
}

/** One instant query at `time`, counted and limited by the caller. */
export type GroupQuery = (
  query: string,
  time: Date,
) => Promise<InstantSample[]>;

type WindowKey = 'window' | BurnRateWindow;

interface GroupCounts {
  labels: Record<string, string>;
  counts: Partial<Record<WindowKey, Partial<Record<string, number>>>>;
}

/**
 * Each group's good, bad and total over the SLO's window and each burn-rate
 * window: one query per window whatever the number of groups, as the result
 * series carry the group's labels.
 */
async function measureGroupWindows(
  plan: GroupedPlan,
  query: GroupQuery,
  now: Date,
  elapsedSeconds: number,
): Promise<Map<string, GroupCounts>> {
  const windows: Array<readonly [WindowKey, number]> = [
    ['window', elapsedSeconds],
    ...BURN_RATE_WINDOWS.map(w => [w, BURN_RATE_WINDOW_SECONDS[w]] as const),
  ];
  const groups = new Map<string, GroupCounts>();
  const answers = await Promise.all(
    windows
      // A calendar period that has just begun has nothing to measure yet.
      .filter(([, seconds]) => seconds >= 1)
      .map(async ([key, seconds]) => ({
        key,
        samples: await query(groupedRatioQuery(plan, seconds), now),
      })),
  );
  for (const { key, samples } of answers) {
    for (const sample of samples) {
      const part = sample.labels[PART_LABEL];
      if (!part || !Number.isFinite(sample.value)) continue;
      // A series without a label is summed under "", as PromQL reads it.
      const labels = Object.fromEntries(
        plan.groupBy.map(l => [l, sample.labels[l] ?? '']),
      );
      const id = JSON.stringify(plan.groupBy.map(l => labels[l]));
      const group = groups.get(id) ?? { labels, counts: {} };
      group.counts[key] = { ...group.counts[key], [part]: sample.value };
      groups.set(id, group);
    }
  }
  return groups;
}

/** good/total from the parts, as for a whole ratio SLO (measureCounts). */
function countsOf(
  plan: GroupedPlan,
  parts: Partial<Record<string, number>> | undefined,
): SloCounts {
  const total = Math.max(0, parts?.total ?? 0);
  const good =
    plan.good !== undefined
      ? parts?.good ?? 0
      : total - Math.max(0, parts?.bad ?? 0);
  return { total, good: Math.min(total, Math.max(0, good)) };
}

/** The groups of one SLO, judged by the same function as the SLO itself. */
async function groupStatuses(
  plan: GroupedPlan,
  policySet: SloPolicyChoice,
  query: GroupQuery,
  now: Date,
): Promise<SloGroupStatus[]> {
  const window = resolveWindow(plan.timeWindow, now);
  const measured = await measureGroupWindows(
    plan,
    query,
    now,
    window.elapsedSeconds,
  );
  const thresholds = 'error' in policySet ? undefined : policySet;
  return [...measured.values()].map(({ labels, counts }) => {
    const evaluation = evaluateSloStatus({
      target: plan.description.target,
      timeWindow: plan.timeWindow,
      budgetingMethod: plan.description.budgetingMethod,
      window,
      counts: counts.window && countsOf(plan, counts.window),
      burnRateCounts: Object.fromEntries(
        BURN_RATE_WINDOWS.map(w => [w, countsOf(plan, counts[w])]),
      ),
      now,
      thresholds,
    });
    return {
      labels,
      state: evaluation.state,
      ...(evaluation.message && { message: evaluation.message }),
      ...(evaluation.sli && { sli: evaluation.sli }),
      ...(evaluation.errorBudget && { errorBudget: evaluation.errorBudget }),
      ...(evaluation.errorBudgetToDate && {
        errorBudgetToDate: evaluation.errorBudgetToDate,
      }),
      ...(evaluation.policy && { policy: evaluation.policy }),
      burnRates: evaluation.burnRates,
      ...(evaluation.timeToExhaustionSeconds !== undefined && {
        timeToExhaustionSeconds: evaluation.timeToExhaustionSeconds,
      }),
    };
  });
}

/**
 * Adds the groups of each grouped SLO to its status, worst first and at most
 * `maxGroups` (`ops.slo.maxGroups`). An SLO in error gets none; a failed
 * group query leaves the SLO's own figures and says why in `groupsError`.
 * Planned maintenance is not removed from the groups' figures.
 */
export async function withGroups(options: {
  statuses: SloStatus[];
  plans: MeasuredPlan[];
  query: GroupQuery;
  now: Date;
  policyOf: (ref: string) => SloPolicyChoice;
  maxGroups: number;
}): Promise<SloStatus[]> {
  const { plans, query, now, maxGroups } = options;
  const grouped = new Map(
    plans.filter(isGrouped).map(plan => [plan.description.ref, plan]),
  );
  return Promise.all(
    options.statuses.map(async status => {
      const plan = grouped.get(status.ref);
      if (!plan) return status;
      const withLabels = { ...status, groupBy: plan.groupBy };
      if (status.state === 'error') return withLabels;
      try {
        const groups = (
          await groupStatuses(plan, options.policyOf(status.ref), query, now)
        ).sort(compareGroupsWorstFirst);
        return {
          ...withLabels,
          groups: groups.slice(0, maxGroups),
          ...(groups.length > maxGroups && {
            groupsOmitted: groups.length - maxGroups,
          }),
        };
      } catch (e) {
        return { ...withLabels, groupsError: (e as Error).message };
      }
    }),
  );
}
