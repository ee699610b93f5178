import { createHash } from 'node:crypto';
import {
  groupIncreaseRequests,
  IncreaseGroups,
  increaseBatchesFor,
  splitIncreaseResult,
} from '../../prometheus/increaseBatches';
import { Limiter } from '../../lib/limit';
import { InstantSample, PrometheusClient } from '../../prometheus/types';
import {
  ExpressionPlan,
  MeasuredPlan,
  RatioPlan,
  ThresholdPlan,
} from './planTypes';
import {
  expressionQuery,
  PART_LABEL,
  partsQuery,
  thresholdQueries,
} from './planQueries';

/** Good and total events (ratio SLOs) or slices (time-slice SLOs). */
export interface Counts {
  good: number;
  total: number;
}

export type CountsOrError = Counts | { error: Error };

export function addCounts(a: Counts, b: Counts): Counts {
  return { good: a.good + b.good, total: a.total + b.total };
}

export type { MeasuredPlan } from './planTypes';

export { thresholdQueries } from './planQueries';

/** Labels whose values may differ inside one batched query. */
const BATCH_BY = ['service'];
/**
 * Large batches keep queries per round growing with shapes, not services: a
 * 3-day increase over 2,000 services is a few million samples, far below
 * Prometheus's default `--query.max-samples` of 50 million.
 */
const MAX_PER_BATCH = 2000;

type Part = 'good' | 'bad' | 'total';
type RatioGroups = {
  /** Length of the plan list grouped: a list grown since is grouped again. */
  size: number;
  ratio: RatioPlan[];
  groups: IncreaseGroups<{ ref: string; part: Part }>;
};

/**
 * A round measures the same plans over several windows (burn rates): their
 * selectors are parsed and grouped by shape once per plan list.
 */
const groupsOf = new WeakMap<MeasuredPlan[], RatioGroups>();
/**
 * And from round to round while the selectors stay the same (parsing and
 * grouping them is about a tenth of a steady round): groupings by a digest
 * of the requests they were made from, the most recent few (one list per
 * Prometheus server and shard).
 */
const groupsByContent = new Map<string, RatioGroups['groups']>();
const KEPT_GROUPINGS = 16;

type PartRequest = { key: { ref: string; part: Part }; selector: string };

function groupRequests(requests: PartRequest[]): RatioGroups['groups'] {
  const digest = createHash('sha256');
  for (const r of requests) {
    digest.update(`${r.key.ref}\0${r.key.part}\0${r.selector}\n`);
  }
  const key = digest.digest('base64');
  const cached = groupsByContent.get(key);
  if (cached) {
    // Most recently used last: the oldest is dropped first.
    groupsByContent.delete(key);
    groupsByContent.set(key, cached);
    return cached;
  }
  const groups = groupIncreaseRequests(requests, {
    byLabels: BATCH_BY,
    maxPerBatch: MAX_PER_BATCH,
  });
  groupsByContent.set(key, groups);
  if (groupsByContent.size > KEPT_GROUPINGS) {
    groupsByContent.delete(groupsByContent.keys().next().value!);
  }
  return groups;
}

function ratioGroups(plans: MeasuredPlan[]): RatioGroups {
  const cached = groupsOf.get(plans);
  if (cached?.size === plans.length) return cached;
  const ratio = plans.filter((p): p is RatioPlan => p.kind === 'ratio');
  const requests = ratio.flatMap(plan =>
    (['good', 'bad', 'total'] as Part[])
      .filter(part => plan[part])
      .map(part => ({
        key: { ref: plan.description.ref, part },
        selector: plan[part]!,
      })),
  );
  const result = { size: plans.length, ratio, groups: groupRequests(requests) };
  groupsOf.set(plans, result);
  return result;
}

/** The value of each part of a combined query; a missing part is 0. */
function partValues(samples: InstantSample[]): Record<string, number> {
  const values: Record<string, number> = {};
  for (const sample of samples) {
    const part = sample.labels[PART_LABEL];
    if (part && Number.isFinite(sample.value)) values[part] = sample.value;
  }
  return values;
}

/**
 * Measures every plan over `[time − windowSeconds, time)` on one server.
 * Ratio plans sharing a shape are batched into one query per shape; a failed
 * query marks only the plans it answers for.
 */
export async function measureCounts(options: {
  client: PrometheusClient;
  plans: MeasuredPlan[];
  windowSeconds: number;
  time: Date;
  limit: Limiter;
  onQuery?: () => void;
}): Promise<Map<string, CountsOrError>> {
  const { client, plans, windowSeconds, time, limit, onQuery } = options;
  const result = new Map<string, CountsOrError>();
  const query = (q: string) =>
    limit(() => {
      onQuery?.();
      return client.instantQuery(q, { time });
    });

  const { ratio, groups } = ratioGroups(plans);
  const values = new Map<string, Partial<Record<Part, number>>>();
  const errors = new Map<string, Error>();
  const batches = increaseBatchesFor(groups, windowSeconds);
  await Promise.all(
    batches.map(async batch => {
      try {
        const split = splitIncreaseResult(batch, await query(batch.query));
        for (const [key, value] of split) {
          const entry = values.get(key.ref) ?? {};
          // No series: no such events yet (0), or no traffic when it is total.
          entry[key.part] =
            value !== undefined && Number.isFinite(value) ? value : 0;
          values.set(key.ref, entry);
        }
      } catch (e) {
        for (const member of batch.members) {
          errors.set(member.key.ref, e as Error);
        }
      }
    }),
  );
  for (const plan of ratio) {
    const ref = plan.description.ref;
    const error = errors.get(ref);
    if (error) {
      result.set(ref, { error });
      continue;
    }
    const v = values.get(ref) ?? {};
    const total = Math.max(0, v.total ?? 0);
    const good = plan.good !== undefined ? v.good ?? 0 : total - (v.bad ?? 0);
    // Separate increase() extrapolations can make good exceed total.
    result.set(ref, { total, good: Math.min(total, Math.max(0, good)) });
  }

  // Time slices and expressions: one combined query per plan and window.
  await Promise.all(
    plans
      .filter(
        (p): p is ThresholdPlan | ExpressionPlan =>
          p.kind === 'threshold' || p.kind === 'expression',
      )
      .map(async plan => {
        try {
          const v = partValues(
            await query(
              plan.kind === 'threshold'
                ? partsQuery(thresholdQueries(plan, windowSeconds))
                : expressionQuery(plan, windowSeconds),
            ),
          );
          const total = Math.max(0, v.total ?? 0);
          const good = v.good ?? total - (v.bad ?? 0);
          result.set(plan.description.ref, {
            total,
            good: Math.min(total, Math.max(0, good)),
          });
        } catch (e) {
          result.set(plan.description.ref, { error: e as Error });
        }
      }),
  );
  return result;
}
