import type { SliEntity, SloEntity } from '@unyo/plugin-ops-common';
import { PlanCache } from './PlanCache';
import { RatioPlan } from './planTypes';

// The catalog changes an entity's etag whenever the entity changes: a plan
// kept from an earlier round must never outlive the definition it was made of.
const sli = (etag: string | undefined, good: string): SliEntity => ({
  apiVersion: 'openslo/v1',
  kind: 'SLI',
  metadata: { name: 'checkout-sli', namespace: 'default', etag },
  spec: {
    ratioMetric: {
      counter: true,
      good: { metricSource: { type: 'Prometheus', spec: { query: good } } },
      total: {
        metricSource: { type: 'Prometheus', spec: { query: 'req_total' } },
      },
    },
  },
});

const slo = (
  name: string,
  etag: string | undefined,
  target: number,
): SloEntity => ({
  apiVersion: 'openslo/v1',
  kind: 'SLO',
  metadata: { name, namespace: 'default', etag },
  spec: {
    service: 'checkout',
    budgetingMethod: 'Occurrences',
    objectives: [{ target }],
    indicatorRef: 'checkout-sli',
  },
});

const slisOf = (entity: SliEntity) =>
  new Map([['default/checkout-sli', entity]]);

describe('PlanCache', () => {
  it('keeps a plan while the SLO and its SLI keep their etags', () => {
    const cache = new PlanCache();
    const slis = slisOf(sli('s1', 'ok_total'));
    const [first] = cache.plan([slo('a', 'e1', 0.99)], slis, {});
    const [again] = cache.plan([slo('a', 'e1', 0.99)], slis, {});
    expect(again).toBe(first);
  });

  it('plans an SLO again when its etag changes: the new target is used', () => {
    const cache = new PlanCache();
    const slis = slisOf(sli('s1', 'ok_total'));
    cache.plan([slo('a', 'e1', 0.99)], slis, {});
    const [changed] = cache.plan([slo('a', 'e2', 0.999)], slis, {});
    expect(changed.description.target).toBe(0.999);
  });

  it('plans every SLO again when an SLI changes', () => {
    const cache = new PlanCache();
    cache.plan([slo('a', 'e1', 0.99)], slisOf(sli('s1', 'ok_total')), {});
    const [changed] = cache.plan(
      [slo('a', 'e1', 0.99)],
      slisOf(sli('s2', 'good_total')),
      {},
    ) as RatioPlan[];
    expect(changed.good).toBe('good_total');
  });

  it('plans again when the resolution changes', () => {
    const cache = new PlanCache();
    const slis = slisOf(sli('s1', 'ok_total'));
    const [first] = cache.plan([slo('a', 'e1', 0.99)], slis, {});
    const [other] = cache.plan([slo('a', 'e1', 0.99)], slis, {
      resolutionSeconds: 30,
    });
    expect(other).not.toBe(first);
  });

  it('keeps nothing for entities without an etag (not from the catalog)', () => {
    const cache = new PlanCache();
    const [first] = cache.plan(
      [slo('a', undefined, 0.99)],
      slisOf(sli('s1', 'ok_total')),
      {},
    );
    const [again] = cache.plan(
      [slo('a', undefined, 0.99)],
      slisOf(sli('s1', 'ok_total')),
      {},
    );
    expect(again).not.toBe(first);
    // An SLI without an etag: no SLO's plan can be trusted to be current.
    const noEtag = slisOf(sli(undefined, 'ok_total'));
    const [x] = cache.plan([slo('b', 'e1', 0.99)], noEtag, {});
    expect(cache.plan([slo('b', 'e1', 0.99)], noEtag, {})[0]).not.toBe(x);
  });

  it('forgets SLOs gone from the catalog, and keeps the other shards', () => {
    const cache = new PlanCache();
    const slis = slisOf(sli('s1', 'ok_total'));
    const [a] = cache.plan([slo('a', 'e1', 0.99)], slis, {});
    const [b] = cache.plan([slo('b', 'e1', 0.99)], slis, {});
    cache.keepOnly([slo('b', 'e1', 0.99)]);
    expect(cache.plan([slo('b', 'e1', 0.99)], slis, {})[0]).toBe(b);
    expect(cache.plan([slo('a', 'e1', 0.99)], slis, {})[0]).not.toBe(a);
  });
});
