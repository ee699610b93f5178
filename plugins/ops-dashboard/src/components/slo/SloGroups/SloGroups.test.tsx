import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { componentEntity } from '../../../__testUtils__/fixtures';
import { japaneseTranslationApi } from '../../../__testUtils__/japanese';
import { mockOpsApi, opsStatus } from '../../../__testUtils__/opsStatus';
import { renderWithEntity } from '../../../__testUtils__/render';
import { groupedStatus } from '../../../__testUtils__/sloStatus';
import { opsDashboardTranslationRef } from '../../../translation';
import ja from '../../../translations/ja';
import { EntitySloCard } from '../EntitySloCard';

const groupRows = () =>
  within(screen.getByRole('table', { name: 'Group' }))
    .getAllByRole('row')
    .slice(1)
    .map(row =>
      within(row)
        .getAllByRole('cell')
        .map(c => c.textContent),
    );

describe('the groups of a grouped SLO on the entity card', () => {
  it('lists the worst groups first and all of them on request', async () => {
    const status = groupedStatus();
    // Whatever order the API gives, the card puts the least budget left first.
    status.groups!.reverse();
    renderWithEntity(<EntitySloCard />, {
      entity: componentEntity,
      opsApi: mockOpsApi(opsStatus(true), { slos: [status] }),
    });
    expect(
      await screen.findByText('By service: 7 groups, worst first'),
    ).toBeInTheDocument();
    expect(
      screen.getAllByRole('rowheader').map(cell => cell.textContent),
    ).toEqual(['payments', 'cart', 'search']);
    expect(groupRows()[0]).toEqual([
      '99.88 %',
      '−20 %',
      'Budget exhausted: change freeze',
      '12×',
    ]);

    await userEvent.click(
      screen.getByRole('button', { name: 'Show all 5 groups' }),
    );
    expect(
      screen.getAllByRole('rowheader').map(cell => cell.textContent),
    ).toEqual(['payments', 'cart', 'search', 'catalog', 'login']);
    expect(groupRows()[4]).toEqual([
      '99.99 %',
      '90 %',
      expect.any(String),
      '0.2×',
    ]);
    expect(
      screen.getByText(
        '2 more groups with more budget left are not listed (ops.slo.maxGroups).',
      ),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Show the worst 3 only' }),
    );
    expect(screen.getAllByRole('rowheader')).toHaveLength(3);
  });

  it('says in Japanese what the groups are', async () => {
    renderWithEntity(<EntitySloCard />, {
      entity: componentEntity,
      opsApi: mockOpsApi(opsStatus(true), { slos: [groupedStatus()] }),
      translationApi: japaneseTranslationApi(opsDashboardTranslationRef, ja),
    });
    expect(
      await screen.findByText('service 別: 7 グループ (悪い順)'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: '全 5 グループを表示' }),
    ).toBeInTheDocument();
  });
});
