import { screen } from '@testing-library/react';
import { sloEntity } from '../../../__testUtils__/fixtures';
import { japaneseTranslationApi } from '../../../__testUtils__/japanese';
import { mockOpsApi, opsStatus } from '../../../__testUtils__/opsStatus';
import { renderWithEntity } from '../../../__testUtils__/render';
import {
  calendarStatusWithHistory,
  featureFreezeStatus,
} from '../../../__testUtils__/sloStatus';
import { OpsApiError } from '../../../api';
import { opsDashboardTranslationRef } from '../../../translation';
import ja from '../../../translations/ja';
import { EntitySloStatusCard } from './EntitySloStatusCard';

describe('EntitySloStatusCard', () => {
  it('shows the figures of the SLO and the burn-down of its history', async () => {
    const opsApi = mockOpsApi(opsStatus(true), {
      slo: calendarStatusWithHistory(),
    });
    renderWithEntity(
      <EntitySloStatusCard chartWidth={600} chartHeight={240} />,
      {
        entity: sloEntity,
        opsApi,
      },
    );
    expect(await screen.findByText('99.94 % / 99.9 %')).toBeInTheDocument();
    expect(opsApi.getSlo).toHaveBeenCalledWith(
      'default',
      'identity-availability',
    );
    expect(screen.getByText('68.9 %')).toBeInTheDocument();
    expect(screen.getByText('Normal: ship features')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Allowed downtime: 40.3 min / Calendar month (UTC) at 99.9 %',
      ),
    ).toBeInTheDocument();

    const chart = await screen.findByRole('figure', {
      name: 'Error budget burn-down',
    });
    expect(chart).toHaveTextContent(/^.*3 points from .*2025.* to .*2025/);
    // a burn-down and an SLI chart, with the ideal line of a calendar window
    expect(
      chart.querySelectorAll('svg.recharts-surface').length,
    ).toBeGreaterThanOrEqual(2);
    expect(
      screen.getByText('Budget remaining (Calendar month (UTC))'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Ideal: even burn to 0 at the end of the window'),
    ).toBeInTheDocument();
    expect(chart.querySelectorAll('.recharts-line').length).toBe(3);
    expect(screen.getByText('Target 99.9 %')).toBeInTheDocument();
  });

  it('labels a rolling window point as the trailing window at t', async () => {
    renderWithEntity(
      <EntitySloStatusCard chartWidth={600} chartHeight={240} />,
      {
        entity: sloEntity,
        opsApi: mockOpsApi(opsStatus(true), {
          slo: {
            ...featureFreezeStatus(),
            history: [
              {
                t: '2025-02-14T00:00:00Z',
                remainingRatio: 0.35,
                sliRatio: 0.9994,
              },
              {
                t: '2025-02-15T00:00:00Z',
                remainingRatio: 0.3,
                sliRatio: 0.9993,
              },
            ],
          },
        }),
      },
    );
    expect(
      await screen.findByText('Rolling 30d remaining at t'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/^Ideal/)).toBeNull();
    expect(
      screen.getByText('Page: burning faster than 14.4× over 1h and 5m'),
    ).toBeInTheDocument();
  });

  it('says when there is no history yet', async () => {
    renderWithEntity(<EntitySloStatusCard />, {
      entity: sloEntity,
      opsApi: mockOpsApi(opsStatus(true), {
        slo: { ...featureFreezeStatus(), history: [] },
      }),
    });
    expect(
      await screen.findByText(
        'No history yet: the ops backend has no evaluations of this SLO in the window.',
      ),
    ).toBeInTheDocument();
  });

  it('shows the message of the backend when it cannot answer', async () => {
    renderWithEntity(<EntitySloStatusCard />, {
      entity: sloEntity,
      opsApi: mockOpsApi(opsStatus(true), {
        slo: new OpsApiError(
          'SLO slo:default/identity-availability has not been evaluated yet',
          404,
          'NotFoundError',
        ),
      }),
    });
    expect(
      await screen.findByText(
        'Live SLO status could not be loaded: SLO slo:default/identity-availability has not been evaluated yet. The SLOs below are what the catalog declares.'.replace(
          ' The SLOs below are what the catalog declares.',
          '',
        ),
        { exact: false },
      ),
    ).toBeInTheDocument();
  });

  it('names the missing configuration key without Prometheus', async () => {
    renderWithEntity(<EntitySloStatusCard />, {
      entity: sloEntity,
      opsApi: mockOpsApi(opsStatus(false)),
    });
    expect(
      await screen.findByText(
        'Live SLO status is not available: no Prometheus server is configured (ops.prometheus.servers).',
      ),
    ).toBeInTheDocument();
  });

  it('speaks Japanese when the app language is ja', async () => {
    renderWithEntity(
      <EntitySloStatusCard chartWidth={600} chartHeight={240} />,
      {
        entity: sloEntity,
        opsApi: mockOpsApi(opsStatus(true), {
          slo: calendarStatusWithHistory(),
        }),
        translationApi: japaneseTranslationApi(opsDashboardTranslationRef, ja),
      },
    );
    expect(await screen.findByText('エラーバジェット')).toBeInTheDocument();
    expect(screen.getByText('通常: 機能開発を進めてよい')).toBeInTheDocument();
    expect(
      await screen.findByRole('figure', {
        name: 'エラーバジェットのバーンダウン',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('理想線: 期間の終わりに 0 となる均等な消費'),
    ).toBeInTheDocument();
  });
  it('says which evaluation path the SLO takes and shows the PromQL run', async () => {
    const query =
      'label_replace(sum_over_time(sum((sum(rate(http_requests_total[5m]))))[3599999ms:1m]) * 60, "unyo_part", "total", "", "")';
    renderWithEntity(
      <EntitySloStatusCard chartWidth={600} chartHeight={240} />,
      {
        entity: sloEntity,
        opsApi: mockOpsApi(opsStatus(true), {
          slo: {
            ...calendarStatusWithHistory(),
            evaluation: { path: 'expression', window: '1h', queries: [query] },
          },
        }),
      },
    );
    const section = await screen.findByRole('region', {
      name: 'How this SLO is evaluated',
    });
    expect(section).toHaveTextContent(
      'Expression: any PromQL, one query per window',
    );
    expect(section).toHaveTextContent(
      'PromQL run for the 1h window (other windows change only the ranges):',
    );
    expect(screen.getByText(query)).toBeInTheDocument();
  });
});
