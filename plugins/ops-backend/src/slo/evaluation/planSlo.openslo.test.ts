import type { SliEntity, SloEntity } from '@unyo/plugin-ops-common';
import { planSlo } from './planSlo';

// Documents the OpenSLO v1 schema accepts load into the catalog even when
// Unyo cannot evaluate them; the plan then says why, for the SLO's page.
const slo = (spec: Partial<SloEntity['spec']>): SloEntity => ({
  apiVersion: 'openslo/v1',
  kind: 'SLO',
  metadata: { name: 'test-slo' },
  spec: {
    service: 'the-service-name',
    budgetingMethod: 'Occurrences',
    objectives: [{ target: 0.99 }],
    indicator: {
      metadata: { name: 'sli' },
      spec: {
        ratioMetric: {
          counter: true,
          good: {
            metricSource: { type: 'Prometheus', spec: { query: 'ok_total' } },
          },
          total: {
            metricSource: { type: 'Prometheus', spec: { query: 'all_total' } },
          },
        },
      },
    },
    ...spec,
  },
});

const noSlis = new Map<string, SliEntity>();

describe('planSlo on OpenSLO documents Unyo cannot evaluate', () => {
  it('says an SLO without objectives has no target', () => {
    expect(planSlo(slo({ objectives: [] }), noSlis)).toMatchObject({
      kind: 'unsupported',
      message: 'objectives[0] has no target',
    });
  });

  it('says an inline indicator without spec has no metric', () => {
    expect(
      planSlo(slo({ indicator: { metadata: { name: 'x' } } }), noSlis),
    ).toMatchObject({
      kind: 'unsupported',
      message: 'the indicator has neither ratioMetric nor thresholdMetric',
    });
  });

  it('evaluates an SLO without timeWindow over a rolling 30 days', () => {
    expect(planSlo(slo({}), noSlis)).toMatchObject({
      kind: 'ratio',
      timeWindow: { duration: '30d', isRolling: true },
      description: { window: { duration: '30d', calendar: false } },
    });
  });
});
