import { PrometheusClient } from '../../prometheus/types';
import { bucketOf, matchBucket } from './histogramBuckets';
import { MeasuredPlan } from './measureCounts';
import { RatioPlan } from './planSlo';

const BOUNDARIES_TTL_MS = 60 * 60 * 1000;

export type CheckedPlan = MeasuredPlan | { plan: MeasuredPlan; error: string };

/**
 * Latency SLOs name a histogram bucket by its `le`: it must be a boundary
 * the server has (spelled as the server spells it). Boundaries are listed
 * once an hour per histogram, so the cache lives as long as the evaluator.
 */
export class BucketBoundaries {
  private readonly cache = new Map<
    string,
    { boundaries: string[]; until: number }
  >();
  /**
   * A checked plan for as long as its plan and the boundaries it was
   * checked against are the same objects, so that later steps that keep
   * work by plan (`planEvaluation`) find the same plan from round to round.
   */
  private readonly checkedPlans = new WeakMap<
    MeasuredPlan,
    { against: string[][]; checked: RatioPlan }
  >();

  /** Each plan with its bucket selectors spelled as the server does, or why not. */
  async check(
    client: PrometheusClient,
    plans: MeasuredPlan[],
    now: Date,
    onQuery: () => void,
  ): Promise<CheckedPlan[]> {
    const result: CheckedPlan[] = [];
    for (const plan of plans) {
      if (plan.kind !== 'ratio') {
        result.push(plan);
        continue;
      }
      let checked: RatioPlan = plan;
      let error: string | undefined;
      const against: string[][] = [];
      for (const part of ['good', 'bad'] as const) {
        const selector = plan[part];
        const bucket = selector && bucketOf(selector);
        if (!selector || !bucket || error) continue;
        try {
          const boundaries = await this.boundaries(
            client,
            bucket.seriesSelector,
            now,
            onQuery,
          );
          against.push(boundaries);
          const match = matchBucket(selector, boundaries);
          if ('error' in match) error = match.error;
          else checked = { ...checked, [part]: match.selector };
        } catch (e) {
          error = (e as Error).message;
        }
      }
      if (error) {
        result.push({ plan, error });
        continue;
      }
      const kept = this.checkedPlans.get(plan);
      if (
        kept &&
        kept.against.length === against.length &&
        kept.against.every((b, i) => b === against[i])
      ) {
        result.push(kept.checked);
      } else {
        this.checkedPlans.set(plan, { against, checked });
        result.push(checked);
      }
    }
    return result;
  }

  private async boundaries(
    client: PrometheusClient,
    seriesSelector: string,
    time: Date,
    onQuery: () => void,
  ): Promise<string[]> {
    const key = `${client.name}|${seriesSelector}`;
    const cached = this.cache.get(key);
    const now = Date.now();
    if (cached && cached.until > now) return cached.boundaries;
    onQuery();
    const samples = await client.instantQuery(
      `group by (le) (${seriesSelector})`,
      { time },
    );
    const boundaries = samples.map(s => s.labels.le).filter(Boolean);
    this.cache.set(key, { boundaries, until: now + BOUNDARIES_TTL_MS });
    return boundaries;
  }
}
