import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SloReportItem } from '@unyo/plugin-ops-common';
import { SloReportTable } from './SloReportTable';

const row = (name: string): SloReportItem => ({
  ref: `slo:default/${name}`,
  entityRef: 'component:default/checkout',
  title: name,
  target: 0.99,
  window: { duration: '1M', calendar: true },
  budgetingMethod: 'Occurrences',
  state: 'ok',
  sli: { good: 995, total: 1000, ratio: 0.995 },
  errorBudget: {
    total: 10,
    consumed: 5,
    consumedRatio: 0.5,
    remainingRatio: 0.5,
  },
  policy: 'normal',
  evaluatedAt: '2026-11-23T00:00:00.000Z',
});

describe('corrections in the report', () => {
  it('marks the attainment of a month with corrections and lists them on hover', async () => {
    const corrected: SloReportItem = {
      ...row('checkout-availability'),
      corrections: [
        {
          id: 'c-1',
          sloRef: 'slo:default/checkout-availability',
          start: '2026-11-05T00:00:00.000Z',
          end: '2026-11-08T00:00:00.000Z',
          category: 'incident-false-positive',
          reason: 'Synthetic probe misconfigured',
          createdBy: 'user:default/alice',
          createdAt: '2026-11-09T00:00:00.000Z',
        },
      ],
    };
    await renderInTestApp(
      <SloReportTable
        items={[corrected, row('checkout-latency')]}
        totalCount={2}
        expanded
      />,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    const [first, second] = screen.getAllByTestId('slo-report-row');
    const mark = within(first).getByTestId('slo-report-corrections');
    expect(mark).toHaveAccessibleName('Corrections excluded this month: 1');
    expect(
      within(second).queryByTestId('slo-report-corrections'),
    ).not.toBeInTheDocument();
    await userEvent.hover(mark);
    expect(
      await screen.findByText(
        /False-positive incident: .*Nov.*2026.* — Synthetic probe misconfigured/,
      ),
    ).toBeInTheDocument();
  });
});
