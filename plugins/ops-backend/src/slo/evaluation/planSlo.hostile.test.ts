import fc from 'fast-check';
import { parsePromql, SloEntity } from '@unyo/plugin-ops-common';
import { MeasuredPlan } from './measureCounts';
import { planQueries } from './planQueries';
import { planSlo } from './planSlo';

const TOKENS = [
  'http_requests_total',
  'x{a="b"}',
  '{a="1\\"b"}',
  'sum',
  'by (service)',
  'rate(',
  '(',
  ')',
  ')) or vector(1',
  '[5m]',
  '[{{.window}}]',
  '$__window',
  ' + ',
  ' / ',
  ' offset 5m',
  ' @ 0',
  '# comment\n',
  '\n',
  '"',
  "'",
  '`',
  '\\',
  '{',
  '}',
  ',',
  '1',
  'NaN',
  ':5m]',
  'job:errors:rate5m',
];

const query = fc
  .array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 })), {
    maxLength: 12,
  })
  .map(parts => parts.join(''));

function slo(good: string, total: string, counter: boolean, method: string) {
  const source = (q: string) => ({
    metricSource: { type: 'Prometheus', spec: { query: q } },
  });
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: 'hostile' },
    spec: {
      service: 's',
      budgetingMethod: method,
      objectives: [
        { target: 0.99, timeSliceTarget: 0.9, timeSliceWindow: '5m' },
      ],
      indicator: {
        metadata: { name: 'sli' },
        spec: {
          ratioMetric: { counter, good: source(good), total: source(total) },
        },
      },
    },
  } as unknown as SloEntity;
}

describe('planSlo on hostile generated queries', () => {
  it('never throws, and every query it would run parses as one PromQL expression', () => {
    fc.assert(
      fc.property(
        query,
        query,
        fc.boolean(),
        fc.constantFrom('Occurrences', 'Timeslices'),
        (good, total, counter, method) => {
          const plan = planSlo(slo(good, total, counter, method), new Map());
          // Refused: the message names the query's field. Planned: every
          // query it would run is one well-formed PromQL expression.
          const message =
            plan.kind === 'unsupported' ? plan.message : 'ratioMetric.total';
          expect(message).toMatch(/ratioMetric\.(good|total)|missing/);
          const queries =
            plan.kind === 'unsupported'
              ? []
              : [300, 3600, 86400].flatMap(seconds =>
                  planQueries(plan as MeasuredPlan, seconds),
                );
          for (const q of queries) {
            expect(() => parsePromql(q)).not.toThrow();
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
