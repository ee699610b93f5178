import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen } from '@testing-library/react';
import { mockOpsApi, opsStatus } from '../__testUtils__/opsStatus';
import {
  fakeReport,
  groups,
  layOutReportTable,
  summary,
} from '../__testUtils__/sloReport';
import { opsApiRef, SloReportQuery } from '../api';
import { sloReportPage } from './pages';

layOutReportTable();

jest.setTimeout(30_000);

describe('page:ops-dashboard/slo-report', () => {
  it('asks for the first rows before the report is drawn, and only once', async () => {
    const opsApi = mockOpsApi(opsStatus(true));
    // Whether the report's controls were in the document when it was asked.
    const drawnWhenAsked: boolean[] = [];
    opsApi.getSloReport.mockImplementation((query: SloReportQuery) => {
      drawnWhenAsked.push(!!document.querySelector('.slo-report-actions'));
      return fakeReport(query);
    });
    opsApi.getSloReportSummary.mockResolvedValue(summary);
    const apis = [
      [opsApiRef, opsApi],
      [catalogApiRef, catalogApiMock({ entities: groups })],
    ] as const;
    await renderInTestApp(
      createExtensionTester(sloReportPage, { apis }).reactElement(),
      {
        apis,
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(
      (await screen.findAllByTestId('slo-report-row', {}, { timeout: 20_000 }))
        .length,
    ).toBeGreaterThan(0);
    expect(drawnWhenAsked).toEqual([false]);
    expect(opsApi.getSloReportSummary).toHaveBeenCalledTimes(1);
  });
});
