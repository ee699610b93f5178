import fc from 'fast-check';
import { parsePromql, SloEntity } from '@unyo/plugin-ops-common';
import { MeasuredPlan } from './measureCounts';
import { planQueries } from './planQueries';
import { planSlo } from './planSlo';

/** A 99 % availability SLO over `http_requests_total`, grouped by `groupBy`. */
function groupedSlo(
  groupBy: string,
  options: { method?: string; total?: string } = {},
): SloEntity {
  const source = (query: string) => ({
    metricSource: { type: 'Prometheus', spec: { query } },
  });
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: {
      name: 'requests',
      annotations: { 'unyo.dev/group-by': groupBy },
    },
    spec: {
      service: 's',
      budgetingMethod: options.method ?? 'Occurrences',
      timeWindow: [{ duration: '30d', isRolling: true }],
      objectives: [
        { target: 0.99, timeSliceTarget: 0.9, timeSliceWindow: '5m' },
      ],
      indicator: {
        metadata: { name: 'sli' },
        spec: {
          ratioMetric: {
            counter: true,
            good: source('http_requests_total{code!~"5.."}'),
            total: source(options.total ?? 'http_requests_total'),
          },
        },
      },
    },
  } as unknown as SloEntity;
}

describe('planSlo with unyo.dev/group-by', () => {
  it('plans one labelled query per window that sums good and total by the labels', () => {
    const plan = planSlo(groupedSlo('service, region'), new Map());
    expect(plan).toMatchObject({
      kind: 'ratio',
      groupBy: ['service', 'region'],
    });
    const grouped = planQueries(plan as MeasuredPlan, 3600).filter(q =>
      q.includes('by (service, region)'),
    );
    expect(grouped).toEqual([
      'label_replace(sum by (service, region) (increase(http_requests_total{code!~"5.."}[1h])), "unyo_part", "good", "", "")' +
        ' or label_replace(sum by (service, region) (increase(http_requests_total[1h])), "unyo_part", "total", "", "")',
    ]);
    expect(() => parsePromql(grouped[0])).not.toThrow();
  });

  it('puts the SLO in error, naming the annotation, where groups cannot be measured', () => {
    for (const slo of [
      groupedSlo('service', { method: 'Timeslices' }),
      groupedSlo('service', {
        total: 'sum by (service) (http_requests_total)',
      }),
    ]) {
      const plan = planSlo(slo, new Map());
      expect(plan.kind).toBe('unsupported');
      expect(plan.kind === 'unsupported' && plan.message).toMatch(
        /^unyo\.dev\/group-by needs a ratioMetric of plain counter selectors/,
      );
    }
  });

  it('never lets a hostile annotation into the PromQL', () => {
    const token = fc.constantFrom(
      'service',
      ',',
      ' ',
      ')',
      '(',
      'or vector(1)',
      '"',
      '__name__',
      '1',
      'a-b',
      '}',
      '\n',
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(token, fc.string({ maxLength: 4 })), {
          maxLength: 8,
        }),
        parts => {
          const plan = planSlo(groupedSlo(parts.join('')), new Map());
          // Refused: the message names the annotation. Planned: only label
          // names reach the PromQL, and every query parses.
          const planned = plan.kind === 'unsupported' ? undefined : plan;
          const message =
            plan.kind === 'unsupported'
              ? plan.message
              : 'unyo.dev/group-by: planned';
          expect(message).toMatch(/^unyo\.dev\/group-by: /);
          for (const label of planned?.groupBy ?? []) {
            expect(label).toMatch(/^[a-zA-Z_][a-zA-Z0-9_]*$/);
          }
          const queries = planned
            ? planQueries(planned as MeasuredPlan, 300)
            : [];
          for (const q of queries) {
            expect(() => parsePromql(q)).not.toThrow();
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
