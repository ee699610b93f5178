import {
  batchIncreaseQueries,
  splitIncreaseResult,
} from '../../prometheus/increaseBatches';
import { formatDuration } from '../../prometheus/promql';
import { PrometheusClient } from '../../prometheus/types';
import { Limiter } from '../../lib/limit';
import { RatioPlan, ThresholdPlan } from './planSlo';

/** Good and total events (ratio SLOs) or slices (time-slice SLOs). */
export interface Counts {
  good: number;
  total: number;
}

export type CountsOrError = Counts | { error: Error };

export function addCounts(a: Counts, b: Counts): Counts {
  return { good: a.good + b.good, total: a.total + b.total };
}

export type MeasuredPlan = RatioPlan | ThresholdPlan;

/** Labels whose values may differ inside one batched query. */
const BATCH_BY = ['service'];
/**
 * Large batches keep queries per round growing with shapes, not services: a
 * 3-day increase over 2,000 services is a few million samples, far below
 * Prometheus's default `--query.max-samples` of 50 million.
 */
const MAX_PER_BATCH = 2000;

const BOOL_OP = { lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

/**
 * The time-slice queries of one plan: good slices and slices with data over
 * `[time − W, time)`. Several series are reduced to the worst one, so a slice
 * is good only when every instance meets the objective.
 */
export function thresholdQueries(
  plan: ThresholdPlan,
  windowSeconds: number,
): { good: string; total: string } {
  const worst = plan.op === 'gt' || plan.op === 'gte' ? 'min' : 'max';
  const inner = `${worst}((${plan.query}))`;
  // Prometheus 2 includes both ends of a range, Prometheus 3 only the end:
  // a millisecond less counts each slice once on both.
  const range = `[${formatDuration(windowSeconds - 0.001)}:${formatDuration(
    plan.sliceSeconds,
  )}]`;
  return {
    good: `sum_over_time((${inner} ${BOOL_OP[plan.op]} bool ${
      plan.value
    })${range})`,
    total: `count_over_time(${inner}${range})`,
  };
}

function firstValue(samples: { value: number }[]): number {
  const value = samples[0]?.value;
  return value !== undefined && Number.isFinite(value) ? value : 0;
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

  type Part = 'good' | 'bad' | 'total';
  const ratio = plans.filter((p): p is RatioPlan => p.kind === 'ratio');
  const requests = ratio.flatMap(plan =>
    (['good', 'bad', 'total'] as Part[])
      .filter(part => plan[part])
      .map(part => ({
        key: { ref: plan.description.ref, part },
        selector: plan[part]!,
      })),
  );
  const values = new Map<string, Partial<Record<Part, number>>>();
  const errors = new Map<string, Error>();
  const batches = batchIncreaseQueries(requests, windowSeconds, {
    byLabels: BATCH_BY,
    maxPerBatch: MAX_PER_BATCH,
  });
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

  await Promise.all(
    plans
      .filter((p): p is ThresholdPlan => p.kind === 'threshold')
      .map(async plan => {
        const q = thresholdQueries(plan, windowSeconds);
        try {
          const [good, total] = await Promise.all([
            query(q.good),
            query(q.total),
          ]);
          const t = firstValue(total);
          result.set(plan.description.ref, {
            total: t,
            good: Math.min(t, firstValue(good)),
          });
        } catch (e) {
          result.set(plan.description.ref, { error: e as Error });
        }
      }),
  );
  return result;
}
