import { screen, waitFor } from '@testing-library/react';
import { evaluateSloStatus, SloTimeWindow } from '@unyo/plugin-ops-common';
import { humanizeMinutes } from '../../../lib/slo';
import { sloEntity } from '../../../__testUtils__/fixtures';
import { japaneseTranslationApi } from '../../../__testUtils__/japanese';
import { mockOpsApi, opsStatus } from '../../../__testUtils__/opsStatus';
import { renderWithEntity } from '../../../__testUtils__/render';
import ja from '../../../translations/ja';
import { opsDashboardTranslationRef } from '../../../translation';
import { EntitySloSummaryCard } from './EntitySloSummaryCard';

describe('EntitySloSummaryCard', () => {
  it('shows what the SLO declares and the error budget it implies', async () => {
    renderWithEntity(<EntitySloSummaryCard />, { entity: sloEntity });

    expect(
      await screen.findByText('Service level objective'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Identity service availability'),
    ).toBeInTheDocument();
    expect(screen.getByText('99.9%')).toBeInTheDocument();
    expect(
      screen.getByText(
        '0.1% of events may fail (a full outage would use it up in 43.2 min)',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Rolling 30 days')).toBeInTheDocument();
    expect(
      screen.getByText('Occurrences: the share of good events'),
    ).toBeInTheDocument();
    // measured entity and its owner, as links
    expect(
      screen.getByRole('link', { name: /identity-service/ }),
    ).toHaveAttribute('href', '/catalog/default/component/identity-service');
    expect(await screen.findByRole('link', { name: /sre/ })).toHaveAttribute(
      'href',
      '/catalog/default/group/sre',
    );
    // the indicator, read from the referenced SLI
    expect(
      await screen.findByText(
        /Ratio of good events to total \(counters, source: Prometheus\)/,
      ),
    ).toBeInTheDocument();
    // no Prometheus configured: the card says which key is missing
    expect(
      await screen.findByText(
        'Live SLO status is not available: no Prometheus server is configured (ops.prometheus.servers).',
      ),
    ).toBeInTheDocument();
  });

  it('leaves live figures to the status card when Prometheus is configured', async () => {
    const opsApi = mockOpsApi(opsStatus(true));
    renderWithEntity(<EntitySloSummaryCard />, { entity: sloEntity, opsApi });
    expect(await screen.findByText('Objectives')).toBeInTheDocument();
    await waitFor(() => expect(opsApi.getStatus).toHaveBeenCalled());
    expect(screen.queryByText(/ops\.prometheus\.servers/)).toBeNull();
    expect(screen.queryByText(/later version/)).toBeNull();
  });

  it('handles targetPercent and calendar windows', async () => {
    renderWithEntity(<EntitySloSummaryCard />, {
      entity: {
        ...sloEntity,
        spec: {
          ...sloEntity.spec,
          budgetingMethod: 'Timeslices',
          timeWindow: [
            {
              duration: '1M',
              isRolling: false,
              calendar: {
                startTime: '2024-01-01 00:00:00',
                timeZone: 'Asia/Tokyo',
              },
            },
          ],
          objectives: [
            {
              displayName: 'Up',
              targetPercent: 99.5,
              timeSliceTarget: 0.95,
              timeSliceWindow: '1m',
            },
          ],
        },
      },
    });
    expect(await screen.findByText('99.5%')).toBeInTheDocument();
    expect(screen.getByText('Calendar month (Asia/Tokyo)')).toBeInTheDocument();
    expect(screen.getByText(/of bad time slices$/)).toBeInTheDocument();
    expect(
      screen.getByText('each 1m slice is good when ≥ 95%'),
    ).toBeInTheDocument();
  });

  it('shows the allowed downtime the API reports for a calendar window with a startTime', async () => {
    // Months counted from the 15th: at 1 March 2024 the period is
    // 15 February – 15 March, 29 days (a calendar March would be 31).
    const now = new Date('2024-03-01T00:00:00Z');
    jest.useFakeTimers({ now, advanceTimers: true });
    try {
      const timeWindow: SloTimeWindow = {
        duration: '1M',
        isRolling: false,
        calendar: { startTime: '2024-01-15 00:00:00', timeZone: 'UTC' },
      };
      // What the backend computes and GET /slo returns as allowedDowntimeMinutes.
      const api = evaluateSloStatus({
        target: 0.995,
        timeWindow,
        budgetingMethod: 'Timeslices',
        now,
      }).allowedDowntimeMinutes!;
      expect(api).toBeCloseTo(0.005 * 29 * 1440, 6);
      renderWithEntity(<EntitySloSummaryCard />, {
        entity: {
          ...sloEntity,
          spec: {
            ...sloEntity.spec,
            budgetingMethod: 'Timeslices',
            timeWindow: [timeWindow],
            objectives: [
              {
                displayName: 'Up',
                targetPercent: 99.5,
                timeSliceTarget: 0.95,
                timeSliceWindow: '1m',
              },
            ],
          },
        },
      });
      const { value } = humanizeMinutes(api);
      expect(
        await screen.findByText(`${value} h of bad time slices`),
      ).toBeInTheDocument();
    } finally {
      jest.useRealTimers();
    }
  });

  it('speaks Japanese when the app language is ja', async () => {
    renderWithEntity(<EntitySloSummaryCard />, {
      entity: sloEntity,
      translationApi: japaneseTranslationApi(opsDashboardTranslationRef, ja),
    });
    expect(
      await screen.findByText('サービスレベル目標 (SLO)'),
    ).toBeInTheDocument();
    expect(screen.getByText('直近 30 日 (ローリング)')).toBeInTheDocument();
    expect(
      screen.getByText(
        'イベントの 0.1% まで失敗可 (全面停止なら 43.2 分 で使い切ります)',
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(
        'SLO のライブ状態は表示できません: Prometheus サーバーが設定されていません (ops.prometheus.servers)。',
      ),
    ).toBeInTheDocument();
  });
});
