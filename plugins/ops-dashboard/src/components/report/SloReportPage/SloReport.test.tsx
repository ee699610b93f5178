import { translationApiRef } from '@backstage/frontend-plugin-api';
import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SLO_REPORT_COLUMNS, SloReportItem } from '@unyo/plugin-ops-common';
import { japaneseTranslationApi } from '../../../__testUtils__/japanese';
import { mockOpsApi, opsStatus } from '../../../__testUtils__/opsStatus';
import { opsDashboardTranslationRef } from '../../../translation';
import ja from '../../../translations/ja';
import { SloReportTable } from '../SloReportTable';
import {
  fakeReport,
  groups,
  items,
  layOutReportTable,
  summary,
} from '../../../__testUtils__/sloReport';
import { SloReport } from './SloReport';

layOutReportTable();

jest.setTimeout(30_000);

async function renderReport(options: { ja?: boolean } = {}) {
  const opsApi = mockOpsApi(opsStatus(true));
  opsApi.getSloReport.mockImplementation(fakeReport);
  opsApi.getSloReportSummary.mockResolvedValue(summary);
  opsApi.getSloReportCsv.mockResolvedValue(
    new Blob(['title\r\n'], { type: 'text/csv' }),
  );
  const apis: any[] = [
    [catalogApiRef, catalogApiMock({ entities: groups })],
    [require('../../../api').opsApiRef, opsApi],
  ];
  if (options.ja) {
    apis.push([
      translationApiRef,
      japaneseTranslationApi(opsDashboardTranslationRef, ja),
    ]);
  }
  await renderInTestApp(
    <TestApiProvider apis={apis as any}>
      <SloReport tableHeight={600} />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  await screen.findAllByTestId('slo-report-row');
  return opsApi;
}

const shownRefs = () =>
  screen
    .getAllByTestId('slo-report-row')
    .map(row => row.getAttribute('data-ref'));

async function choose(label: string, option: string) {
  await userEvent.click(screen.getByRole('combobox', { name: label }));
  await userEvent.click(
    within(screen.getByRole('listbox')).getByRole('option', { name: option }),
  );
}

describe('SloReportTable', () => {
  it('renders a window of the rows, not all 2,000', async () => {
    await renderInTestApp(
      <SloReportTable items={items} totalCount={2000} height={600} />,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    const rows = screen.getAllByTestId('slo-report-row');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(100);
    expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', '2000');
  });

  it('shows the columns of the shared definition, in its order, and every row when expanded for print', async () => {
    await renderInTestApp(
      <SloReportTable items={items.slice(0, 40)} totalCount={40} expanded />,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(
      screen
        .getAllByRole('columnheader')
        .map(h => h.getAttribute('data-column')),
    ).toEqual(SLO_REPORT_COLUMNS.map(c => c.id));
    expect(screen.getAllByTestId('slo-report-row')).toHaveLength(40);
    const first = screen.getAllByTestId('slo-report-row')[0];
    expect(
      within(first)
        .getAllByRole('cell')
        .map(c => c.getAttribute('data-column')),
    ).toEqual(SLO_REPORT_COLUMNS.map(c => c.id));
    expect(
      within(first).getByText('svc-0000 availability'),
    ).toBeInTheDocument();
    expect(
      within(first).getByTestId('slo-report-sparkline'),
    ).toBeInTheDocument();
  });

  it('marks the month an SLO changed version, with each version in the target cell', async () => {
    const changed: SloReportItem = {
      ...items[0],
      target: 0.996,
      monthly: [
        { month: '2026-10', attainment: 0.995 },
        { month: '2026-11', attainment: 0.995, versionChanged: true },
      ],
      versions: [
        {
          version: 1,
          since: '2026-10-10T12:00:00.000Z',
          target: 0.99,
          timeWindow: { duration: '30d', isRolling: true },
          changes: [],
          firstDay: '2026-11-01',
          lastDay: '2026-11-20',
          attainment: 0.995,
          met: true,
        },
        {
          version: 2,
          since: '2026-11-20T12:00:00.000Z',
          target: 0.996,
          timeWindow: { duration: '30d', isRolling: true },
          changes: ['target'],
          firstDay: '2026-11-21',
          lastDay: '2026-11-30',
          attainment: 0.995,
          met: false,
        },
      ],
    };
    await renderInTestApp(
      <SloReportTable items={[changed, items[1]]} totalCount={2} expanded />,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    const [first, second] = screen.getAllByTestId('slo-report-row');
    expect(
      within(first).getAllByTestId('slo-report-version-mark'),
    ).toHaveLength(1);
    expect(within(first).getByTestId('slo-report-sparkline')).toHaveTextContent(
      '2026-11: 99.5 % (new SLO version)',
    );
    const target = within(first).getByTestId('slo-report-versioned-target');
    expect(target).toHaveTextContent('99.6');
    expect(within(target).getByLabelText('Changed this month')).toBeVisible();
    await userEvent.hover(target);
    expect(
      await screen.findByText(/v1 from 2026-11-01 to 2026-11-20: target 99/),
    ).toBeInTheDocument();
    expect(
      within(second).queryByTestId('slo-report-version-mark'),
    ).not.toBeInTheDocument();
  });

  it('puts a header above each group', async () => {
    await renderInTestApp(
      <SloReportTable
        items={[...items.slice(0, 8)].sort((a, b) =>
          a.owner!.localeCompare(b.owner!),
        )}
        totalCount={8}
        groupBy="owner"
        expanded
      />,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(
      screen.getAllByTestId('slo-report-group').map(g => g.textContent),
    ).toEqual(['team-a', 'team-b', 'team-c', 'team-d']);
  });
});

describe('SloReport', () => {
  it('shows the summary and the first page, asking for 12 months', async () => {
    const opsApi = await renderReport();
    expect(opsApi.getSloReport).toHaveBeenCalledWith(
      expect.objectContaining({ months: 12, limit: 200, offset: 0 }),
    );
    expect(screen.getByTestId('summary-services')).toHaveTextContent(
      '1950 of 2000',
    );
    expect(screen.getByTestId('summary-backups')).toHaveTextContent(
      'Not available',
    );
    expect(screen.getByTestId('slo-report-count')).toHaveTextContent(
      '200 of 2000 SLOs',
    );
  });

  it('narrows the rows to the owner chosen', async () => {
    const opsApi = await renderReport();
    await choose('Owner', 'team-b');
    await waitFor(() =>
      expect(opsApi.getSloReport).toHaveBeenLastCalledWith(
        expect.objectContaining({ owner: 'group:default/team-b', offset: 0 }),
      ),
    );
    await waitFor(() =>
      expect(screen.getByTestId('slo-report-count')).toHaveTextContent(
        'of 500 SLOs',
      ),
    );
    const refs = shownRefs();
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const i = Number(/svc-(\d+)/.exec(ref!)![1]);
      expect(i % 4).toBe(1);
    }
    expect(opsApi.getSloReportSummary).toHaveBeenLastCalledWith(
      expect.objectContaining({ owner: 'group:default/team-b' }),
    );
  });

  it('orders the rows by attainment when asked', async () => {
    const opsApi = await renderReport();
    await choose('Group by', 'None');
    await choose('Sort by', 'Attainment');
    await waitFor(() =>
      expect(opsApi.getSloReport).toHaveBeenLastCalledWith(
        expect.objectContaining({ sort: 'attainment', order: 'asc' }),
      ),
    );
    await waitFor(() =>
      expect(shownRefs()[0]).toBe('slo:default/svc-0096-availability'),
    );
    const ratios = shownRefs().map(
      ref => items.find(i => i.ref === ref)!.sli!.ratio,
    );
    expect([...ratios].sort((a, b) => a - b)).toEqual(ratios);
  });

  it('exports CSV with the filters of the page', async () => {
    const createObjectURL = jest.fn(() => 'blob:report');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    const opsApi = await renderReport();
    await choose('Owner', 'team-c');
    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Search name or title' }),
      'svc-01',
    );
    await waitFor(() =>
      expect(opsApi.getSloReport).toHaveBeenLastCalledWith(
        expect.objectContaining({ q: 'svc-01' }),
      ),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(opsApi.getSloReportCsv).toHaveBeenCalledWith(
      expect.objectContaining({
        owner: 'group:default/team-c',
        q: 'svc-01',
        months: 12,
        sort: 'name',
      }),
    );
    expect(createObjectURL).toHaveBeenCalled();
    click.mockRestore();
  });

  it('speaks Japanese', async () => {
    await renderReport({ ja: true });
    expect(screen.getByTestId('summary-backups')).toHaveTextContent(
      '利用できません',
    );
    expect(
      screen.getByRole('button', { name: 'CSV をエクスポート' }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('columnheader')[6]).toHaveTextContent('達成率');
  });
});
