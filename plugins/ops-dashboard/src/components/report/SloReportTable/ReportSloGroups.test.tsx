import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SloReportItem } from '@unyo/plugin-ops-common';
import {
  featureFreezeStatus,
  groupedStatus,
} from '../../../__testUtils__/sloStatus';
import { SloReportTable } from './SloReportTable';

const items: SloReportItem[] = [groupedStatus(), featureFreezeStatus()];

describe('grouped SLOs in the report', () => {
  it('expands a grouped SLO row to its groups, worst first, and folds it again', async () => {
    await renderInTestApp(
      <SloReportTable items={items} totalCount={2} expanded />,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(screen.queryByTestId('slo-report-groups')).toBeNull();
    // Only the grouped SLO has something to expand.
    expect(screen.getAllByRole('button', { name: /groups of/ })).toHaveLength(
      1,
    );

    await userEvent.click(
      screen.getByRole('button', {
        name: 'Show the groups of Checkout availability',
      }),
    );
    const groups = screen.getByTestId('slo-report-groups');
    expect(groups).toHaveAttribute(
      'data-ref',
      'slo:default/checkout-availability',
    );
    expect(
      within(groups)
        .getAllByRole('rowheader')
        .map(cell => cell.textContent),
    ).toEqual(['payments', 'cart', 'search', 'catalog', 'login']);
    expect(
      within(groups).getByText(
        /current figures only\. 2 more groups with more budget left/,
      ),
    ).toBeInTheDocument();
    // The groups line sits right under its SLO's row.
    const lines = screen
      .getAllByTestId(/^slo-report-(row|groups)$/)
      .map(el => `${el.dataset.testid}:${el.dataset.ref}`);
    expect(lines).toEqual([
      'slo-report-row:slo:default/checkout-availability',
      'slo-report-groups:slo:default/checkout-availability',
      'slo-report-row:slo:default/identity-availability',
    ]);

    await userEvent.click(
      screen.getByRole('button', {
        name: 'Hide the groups of Checkout availability',
      }),
    );
    expect(screen.queryByTestId('slo-report-groups')).toBeNull();
  });
});
