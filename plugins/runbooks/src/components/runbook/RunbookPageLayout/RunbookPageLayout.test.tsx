import { screen, within } from '@testing-library/react';
import { runbookEntity } from '../../../__testUtils__/fixtures';
import { renderWithEntity } from '../../../__testUtils__/render';
import { RunbookPageLayout } from './RunbookPageLayout';

const cards = [
  { type: 'info', element: <div>catalog about</div> },
  { type: 'content', element: <div>steps</div> },
  { element: <div>history</div> },
  { type: 'info', element: <div>runbook about</div> },
];

describe('RunbookPageLayout', () => {
  it('puts the info cards in a row on top and the others below, each its own full-width row', async () => {
    renderWithEntity(<RunbookPageLayout cards={cards} />, {
      entity: runbookEntity,
    });
    const infoRow = await screen.findByTestId('runbook-info-cards');
    expect(
      within(infoRow)
        .getAllByText(/about/)
        .map(e => e.textContent),
    ).toEqual(['catalog about', 'runbook about']);
    expect(within(infoRow).queryByText('history')).toBeNull();

    const page = infoRow.parentElement!;
    const rows = Array.from(page.children);
    expect(rows.map(row => row.textContent)).toEqual([
      'catalog aboutrunbook about',
      'steps',
      'history',
    ]);
    // a column of rows: nothing sits beside the history
    expect(getComputedStyle(page).flexDirection).toBe('column');
    expect(getComputedStyle(infoRow).display).toBe('grid');
  });

  it('keeps the catalog warnings of the layout it replaces', async () => {
    renderWithEntity(<RunbookPageLayout cards={cards} />, {
      entity: {
        ...runbookEntity,
        metadata: {
          ...runbookEntity.metadata,
          annotations: { 'backstage.io/orphan': 'true' },
        },
        status: {
          items: [
            {
              type: 'backstage.io/catalog-processing',
              level: 'error',
              message: 'InputError: spec.steps[0].title is required',
              error: {
                name: 'InputError',
                message: 'spec.steps[0].title is required',
              },
            },
          ],
        },
      } as any,
    });
    expect(
      await screen.findByText(/The catalog could not process this runbook/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/InputError: spec.steps\[0\].title is required/),
    ).toBeInTheDocument();
    expect(screen.getByText(/This runbook is orphaned/)).toBeInTheDocument();
  });

  it('shows no warning for a healthy runbook', async () => {
    renderWithEntity(<RunbookPageLayout cards={cards} />, {
      entity: runbookEntity,
    });
    await screen.findByText('history');
    expect(
      screen.queryByText(/The catalog could not process this runbook/),
    ).toBeNull();
    expect(screen.queryByText(/orphaned/)).toBeNull();
  });
});
