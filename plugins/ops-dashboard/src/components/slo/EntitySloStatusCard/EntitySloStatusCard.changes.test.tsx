import { screen, within } from '@testing-library/react';
import type { ChangeMarker } from '@unyo/plugin-ops-common';
import { sloEntity } from '../../../__testUtils__/fixtures';
import { japaneseTranslationApi } from '../../../__testUtils__/japanese';
import { mockOpsApi, opsStatus } from '../../../__testUtils__/opsStatus';
import { renderWithEntity } from '../../../__testUtils__/render';
import { calendarStatusWithHistory } from '../../../__testUtils__/sloStatus';
import { opsDashboardTranslationRef } from '../../../translation';
import ja from '../../../translations/ja';
import { EntitySloStatusCard } from './EntitySloStatusCard';

const IDENTITY = 'component:default/identity-service';

function change(
  partial: Partial<ChangeMarker> & Pick<ChangeMarker, 'id' | 'at' | 'title'>,
): ChangeMarker {
  return {
    entityRef: IDENTITY,
    kind: 'deploy',
    createdBy: 'ci',
    createdAt: partial.at,
    ...partial,
  };
}

// calendarStatusWithHistory plots 2025-02-01 to 2025-02-15T12:00Z and was
// evaluated 2 minutes ago.
const deployInChart = change({
  id: 'deploy-in-chart',
  at: '2025-02-10T06:00:00Z',
  title: 'identity v2.3.0',
  url: 'https://ci.example.com/runs/230',
});
const configBeforeChart = change({
  id: 'config-before-chart',
  at: '2025-01-20T00:00:00Z',
  kind: 'config',
  title: 'Session TTL 1h → 8h',
});
const flagHalfAnHourAgo = change({
  id: 'flag-recent',
  at: new Date(Date.now() - 30 * 60_000).toISOString(),
  kind: 'flag',
  title: 'passkeys on for 10 %',
});
const changes = [configBeforeChart, deployInChart, flagHalfAnHourAgo];

describe('EntitySloStatusCard change markers', () => {
  it("draws the entity's changes in the plotted range on both charts and lists them", async () => {
    const opsApi = mockOpsApi(opsStatus(true), {
      slo: calendarStatusWithHistory(),
      changes,
    });
    renderWithEntity(
      <EntitySloStatusCard chartWidth={600} chartHeight={240} />,
      { entity: sloEntity, opsApi },
    );
    // The first render loads recharts lazily: slow on a loaded machine.
    const chart = await screen.findByRole(
      'figure',
      { name: 'Error budget burn-down' },
      { timeout: 20_000 },
    );
    // The first point of the chart, earlier than the 3d burn-rate window.
    expect(opsApi.getChanges).toHaveBeenCalledWith({
      entityRef: IDENTITY,
      from: '2025-02-01T00:00:00.000Z',
    });
    const list = await within(chart).findByRole('list', {
      name: 'Changes in the chart',
    });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent(
      /^Deploy at .*2025.*: identity v2\.3\.0/,
    );
    expect(items[0]).toHaveTextContent('by ci');
    expect(within(items[0]).getByRole('link')).toHaveAttribute(
      'href',
      'https://ci.example.com/runs/230',
    );
    // One line on the burn-down, one on the SLI chart.
    const lines = chart.querySelectorAll('.unyo-change-marker-deploy');
    expect(lines).toHaveLength(2);
    expect(chart.querySelectorAll('.unyo-change-marker')).toHaveLength(2);
  });

  it('marks the burn-rate windows that hold a change', async () => {
    renderWithEntity(
      <EntitySloStatusCard chartWidth={600} chartHeight={240} />,
      {
        entity: sloEntity,
        opsApi: mockOpsApi(opsStatus(true), {
          slo: calendarStatusWithHistory(),
          changes,
        }),
      },
    );
    const burnRates = await screen.findByRole('list', { name: 'Burn rate' });
    // 28 minutes before the evaluation: in every window from 30m up.
    await within(burnRates).findByRole('img', {
      name: 'Changes in the last 30m (1): passkeys on for 10 %',
    });
    const marked = within(burnRates).getAllByRole('img');
    expect(marked.map(m => m.closest('li')?.firstChild?.textContent)).toEqual([
      '30m',
      '1h',
      '2h',
      '6h',
      '1d',
      '3d',
    ]);
  });

  it('shows the card without markers when the backend has none', async () => {
    renderWithEntity(
      <EntitySloStatusCard chartWidth={600} chartHeight={240} />,
      {
        entity: sloEntity,
        opsApi: mockOpsApi(opsStatus(true), {
          slo: calendarStatusWithHistory(),
        }),
      },
    );
    const chart = await screen.findByRole('figure', {
      name: 'Error budget burn-down',
    });
    expect(chart.querySelectorAll('.unyo-change-marker')).toHaveLength(0);
    expect(
      screen.queryByRole('list', { name: 'Changes in the chart' }),
    ).toBeNull();
  });

  it('names the changes in Japanese', async () => {
    renderWithEntity(
      <EntitySloStatusCard chartWidth={600} chartHeight={240} />,
      {
        entity: sloEntity,
        opsApi: mockOpsApi(opsStatus(true), {
          slo: calendarStatusWithHistory(),
          changes,
        }),
        translationApi: japaneseTranslationApi(opsDashboardTranslationRef, ja),
      },
    );
    const list = await screen.findByRole(
      'list',
      { name: 'グラフ内の変更' },
      { timeout: 20_000 },
    );
    expect(list).toHaveTextContent(/のデプロイ: identity v2\.3\.0/);
    expect(list).toHaveTextContent('実施: ci');
  });
});
