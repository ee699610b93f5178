import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { SloEntity, evaluateSloStatus } from '@unyo/plugin-ops-common';
import { CatalogSloPolicyLookup } from './policies';

function slo(name: string, service: string, policy?: string): SloEntity {
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: {
      name,
      namespace: 'default',
      ...(policy && {
        annotations: { 'unyo.dev/error-budget-policy': policy },
      }),
    },
    spec: {
      service,
      indicatorRef: 'x',
      timeWindow: [{ duration: '30d', isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [{ target: 0.99 }],
    },
  } as SloEntity;
}

const component = (name: string, system?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/team', lifecycle: 'x' },
  relations: system
    ? [{ type: 'partOf', targetRef: `system:default/${system}` }]
    : [],
});

const system: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: {
    name: 'payments',
    namespace: 'default',
    annotations: { 'unyo.dev/error-budget-policy': 'lenient' },
  },
  spec: { owner: 'group:default/team' },
};

describe('CatalogSloPolicyLookup', () => {
  const slos = [
    slo('own', 'checkout', 'strict'),
    slo('inherited', 'checkout'),
    slo('plain', 'search'),
    slo('unknown', 'search', 'nope'),
  ];
  const lookup = new CatalogSloPolicyLookup({
    catalog: catalogServiceMock({
      entities: [
        component('checkout', 'payments'),
        component('search'),
        system,
      ],
    }),
    defaultPolicy: { featureFreezeBelow: 0.5, incidentOnlyBelow: 0.2 },
    policies: {
      strict: { featureFreezeBelow: 0.7, incidentOnlyBelow: 0.3 },
      lenient: { featureFreezeBelow: 0.1, incidentOnlyBelow: 0.05 },
    },
  });

  it('gives two SLOs with different policy sets different states for the same remaining budget', async () => {
    const policyOf = await lookup.forSlos(slos, mockCredentials.service());
    const state = (ref: string) => {
      const choice = policyOf(ref);
      if ('error' in choice) throw new Error(choice.error);
      // 40 bad of 10,000 against 99 %: 60 % of the budget left for each.
      return evaluateSloStatus({
        target: 0.99,
        timeWindow: { duration: '30d', isRolling: true },
        budgetingMethod: 'Occurrences',
        counts: { good: 9_960, total: 10_000 },
        now: new Date('2026-12-05T00:00:00Z'),
        thresholds: choice,
      });
    };
    const own = state('slo:default/own');
    const inherited = state('slo:default/inherited');
    const plain = state('slo:default/plain');
    expect(own.errorBudget?.remainingRatio).toBeCloseTo(0.6);
    expect(inherited.errorBudget?.remainingRatio).toBeCloseTo(0.6);
    // The SLO's own annotation: strict freezes features below 70 %.
    expect(own.policy).toBe('feature-freeze');
    // Its System's (lenient) through the measured entity; none: ops.slo.policy.
    expect(inherited.policy).toBe('normal');
    expect(plain.policy).toBe('normal');
    expect(policyOf('slo:default/inherited')).toMatchObject({
      name: 'lenient',
    });
    expect(policyOf('slo:default/plain')).toMatchObject({ name: 'default' });
  });

  it('reports a policy name config does not define, naming the annotation', async () => {
    const policyOf = await lookup.forSlos(slos, mockCredentials.service());
    expect(policyOf('slo:default/unknown')).toEqual({
      error:
        'unyo.dev/error-budget-policy names "nope", which ops.slo.policies does not define',
    });
  });
});
