import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import { items } from '../../../__testUtils__/sloReport';
import { SloReportTable } from './SloReportTable';

describe('the report rows’ entity links', () => {
  it('name the entity, link to its page and carry its full ref', async () => {
    const item = items[5];
    await renderInTestApp(
      <SloReportTable items={[item]} totalCount={1} expanded />,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    const row = screen.getByTestId('slo-report-row');
    const cell = (column: string) =>
      row.querySelector(`[data-column="${column}"]`) as HTMLElement;
    for (const [column, ref, name, href] of [
      ['owner', item.owner, 'team-b', '/catalog/default/group/team-b'],
      ['system', item.system, 'sys-0', '/catalog/default/system/sys-0'],
      [
        'entityRef',
        item.entityRef,
        'svc-0005',
        '/catalog/default/component/svc-0005',
      ],
    ]) {
      const link = within(cell(column!)).getByRole('link');
      expect(link).toHaveTextContent(name!);
      expect(link).toHaveAttribute('href', href);
      expect(link).toHaveAttribute('title', ref);
    }
  });
});
