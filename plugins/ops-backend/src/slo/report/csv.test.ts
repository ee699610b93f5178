import { reportCsv } from './csv';

describe('reportCsv', () => {
  it('quotes text with separators and defuses formulas, leaving numbers alone', () => {
    const csv = reportCsv([
      {
        ref: 'slo:default/a',
        title: '=HYPERLINK("x")',
        entityRef: 'component:default/a',
        target: 0.999,
        window: { duration: '30d', calendar: false },
        budgetingMethod: 'Occurrences',
        state: 'ok',
        sli: { good: 1, total: 2, ratio: 0.5 },
        errorBudget: {
          total: 1,
          consumed: 1,
          consumedRatio: 1.157,
          remainingRatio: -0.157,
        },
        policy: 'frozen',
        evaluatedAt: '2026-11-23T00:00:00.000Z',
        monthly: [
          { month: '2026-10', attainment: 0.99 },
          { month: '2026-11', attainment: null },
        ],
      },
    ]);
    const [, row] = csv.split('\r\n');
    expect(row).toBe(
      `"'=HYPERLINK(""x"")",slo:default/a,component:default/a,,,0.999,0.5,-0.157,frozen,ok,2026-10=0.99 2026-11=`,
    );
  });
});
