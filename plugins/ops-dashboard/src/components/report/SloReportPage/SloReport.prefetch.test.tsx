import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SloReportResponse } from '@unyo/plugin-ops-common';
import { mockOpsApi, opsStatus } from '../../../__testUtils__/opsStatus';
import {
  fakeReport,
  groups,
  layOutReportTable,
  summary,
} from '../../../__testUtils__/sloReport';
import { opsApiRef, SloReportQuery } from '../../../api';
import { PAGE_SIZE, prefetchSloReport } from './reportPrefetch';
import { SloReport } from './SloReport';

layOutReportTable();

jest.setTimeout(30_000);

function opsApiAnswering() {
  const opsApi = mockOpsApi(opsStatus(true));
  opsApi.getSloReport.mockImplementation(fakeReport);
  opsApi.getSloReportSummary.mockResolvedValue(summary);
  return opsApi;
}

function render(
  opsApi: ReturnType<typeof mockOpsApi>,
  prefetched?: ReturnType<typeof prefetchSloReport>,
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [catalogApiRef, catalogApiMock({ entities: groups })],
        [opsApiRef, opsApi],
      ]}
    >
      <SloReport tableHeight={600} prefetched={prefetched} />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

const shownRefs = () =>
  screen
    .getAllByTestId('slo-report-row')
    .map(row => row.getAttribute('data-ref'));

async function chooseOwner(option: string) {
  await userEvent.click(screen.getByRole('combobox', { name: 'Owner' }));
  await userEvent.click(
    within(screen.getByRole('listbox')).getByRole('option', { name: option }),
  );
}

const reportCalls = (opsApi: ReturnType<typeof mockOpsApi>) =>
  opsApi.getSloReport.mock.calls.map(([q]) => q as SloReportQuery);

describe('SloReport with requests started before it was drawn', () => {
  it('asks for what the report opens with: the first page of 12 months, and the summary', () => {
    const opsApi = opsApiAnswering();
    prefetchSloReport(opsApi);
    const month = new Date().toISOString().slice(0, 7);
    expect(reportCalls(opsApi)).toEqual([
      {
        month,
        sort: 'name',
        order: 'asc',
        groupBy: 'owner',
        months: 12,
        limit: PAGE_SIZE,
        offset: 0,
      },
    ]);
    expect(opsApi.getSloReportSummary).toHaveBeenCalledWith({ month });
  });

  it('draws an answered first page in its first render, without asking again', async () => {
    const opsApi = opsApiAnswering();
    const prefetched = prefetchSloReport(opsApi);
    await prefetched.rows.promise;
    await prefetched.summary.promise;
    await render(opsApi, prefetched);
    // No waiting: the rows are in the document as the report appears.
    expect(shownRefs()[0]).toBe('slo:default/svc-0000-availability');
    expect(screen.getByTestId('slo-report-count')).toHaveTextContent(
      `${PAGE_SIZE} of 2000`,
    );
    await waitFor(() =>
      expect(screen.getByTestId('summary-services')).toHaveTextContent(
        '1950 of 2000',
      ),
    );
    expect(opsApi.getSloReport).toHaveBeenCalledTimes(1);
    expect(opsApi.getSloReportSummary).toHaveBeenCalledTimes(1);
  });

  it('waits for a first page still under way rather than asking a second time', async () => {
    const opsApi = opsApiAnswering();
    let answer: (page: SloReportResponse) => void = () => {};
    opsApi.getSloReport.mockImplementationOnce(
      () => new Promise(resolve => (answer = resolve)),
    );
    const prefetched = prefetchSloReport(opsApi);
    await render(opsApi, prefetched);
    expect(screen.queryAllByTestId('slo-report-row')).toHaveLength(0);
    answer(await fakeReport({ limit: PAGE_SIZE, offset: 0, sort: 'name' }));
    expect(
      (await screen.findAllByTestId('slo-report-row')).length,
    ).toBeGreaterThan(0);
    expect(shownRefs()[0]).toBe('slo:default/svc-0000-availability');
    expect(opsApi.getSloReport).toHaveBeenCalledTimes(1);
  });

  it('shows a failed first page as the report error', async () => {
    const opsApi = opsApiAnswering();
    opsApi.getSloReport.mockRejectedValueOnce(
      new Error('the ops backend answered 503'),
    );
    const prefetched = prefetchSloReport(opsApi);
    await render(opsApi, prefetched);
    expect(
      await screen.findByText('Error: the ops backend answered 503'),
    ).toBeInTheDocument();
    expect(screen.queryAllByTestId('slo-report-row')).toHaveLength(0);
  });

  it('asks the backend when the filters change, and again when they come back', async () => {
    const opsApi = opsApiAnswering();
    const prefetched = prefetchSloReport(opsApi);
    await prefetched.rows.promise;
    await render(opsApi, prefetched);
    await chooseOwner('team-b');
    await waitFor(() =>
      expect(shownRefs()[0]).toBe('slo:default/svc-0001-availability'),
    );
    await chooseOwner('All');
    await waitFor(() =>
      expect(shownRefs()[0]).toBe('slo:default/svc-0000-availability'),
    );
    expect(reportCalls(opsApi).map(q => q.owner ?? 'all')).toEqual([
      'all',
      'group:default/team-b',
      'all',
    ]);
  });

  it('does not use a prefetch made for another query (a Group report)', async () => {
    const opsApi = opsApiAnswering();
    const prefetched = prefetchSloReport(opsApi);
    await prefetched.rows.promise;
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [catalogApiRef, catalogApiMock({ entities: groups })],
          [opsApiRef, opsApi],
        ]}
      >
        <SloReport
          tableHeight={600}
          scope={{ owner: 'group:default/team-c' }}
          prefetched={prefetched}
        />
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    await waitFor(() =>
      expect(shownRefs()[0]).toBe('slo:default/svc-0002-availability'),
    );
    expect(reportCalls(opsApi)[1]).toMatchObject({
      owner: 'group:default/team-c',
      groupBy: 'system',
    });
    expect(opsApi.getSloReportSummary).toHaveBeenLastCalledWith(
      expect.objectContaining({ owner: 'group:default/team-c' }),
    );
  });
});
