import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { SloCorrection } from '@unyo/plugin-ops-common';
import { sloEntity } from '../../../__testUtils__/fixtures';
import { japaneseTranslationApi } from '../../../__testUtils__/japanese';
import { mockOpsApi, opsStatus } from '../../../__testUtils__/opsStatus';
import { renderWithEntity } from '../../../__testUtils__/render';
import { calendarStatusWithHistory } from '../../../__testUtils__/sloStatus';
import { OpsApiError } from '../../../api';
import { opsDashboardTranslationRef } from '../../../translation';
import ja from '../../../translations/ja';
import { EntitySloStatusCard } from '../EntitySloStatusCard';

// Inside the history of calendarStatusWithHistory (Feb 1–15, 2025).
const dependencyOutage: SloCorrection = {
  id: 'c-1',
  sloRef: 'slo:default/identity-availability',
  start: '2025-02-05T00:00:00Z',
  end: '2025-02-07T00:00:00Z',
  category: 'dependency',
  reason: 'Upstream IdP outage',
  createdBy: 'user:default/alice',
  createdAt: '2025-02-10T09:00:00Z',
};

function render(corrections: SloCorrection[], translationApi?: any) {
  const opsApi = mockOpsApi(opsStatus(true), {
    slo: calendarStatusWithHistory(),
    corrections,
  });
  renderWithEntity(<EntitySloStatusCard chartWidth={600} chartHeight={240} />, {
    entity: sloEntity,
    opsApi,
    translationApi,
  });
  return opsApi;
}

describe('SLO corrections on the SLO page', () => {
  it('shades each correction on both charts and lists it with its category and reason', async () => {
    const opsApi = render([dependencyOutage]);
    // The chart is loaded lazily (recharts): the first load takes a while.
    const chart = await screen.findByRole(
      'figure',
      { name: 'Error budget burn-down' },
      { timeout: 20_000 },
    );
    await waitFor(() =>
      expect(chart.querySelectorAll('.unyo-slo-correction').length).toBe(2),
    );
    expect(within(chart).getByText('Corrected')).toBeInTheDocument();
    expect(opsApi.getSloCorrections).toHaveBeenCalledWith(
      'default',
      'identity-availability',
    );
    const list = screen.getByRole('region', {
      name: 'Error-budget corrections',
    });
    expect(within(list).getByText('Dependency')).toBeInTheDocument();
    expect(
      within(list).getByText('Upstream IdP outage — by user:default/alice'),
    ).toBeInTheDocument();
  });

  it('draws no area without corrections and says every part counts', async () => {
    render([]);
    const chart = await screen.findByRole('figure', {
      name: 'Error budget burn-down',
    });
    expect(chart.querySelectorAll('.unyo-slo-correction').length).toBe(0);
    expect(
      screen.getByText('No correction: every part of the window counts.'),
    ).toBeInTheDocument();
  });

  it('adds a correction from the dialog and shows the refusal of the backend', async () => {
    const opsApi = render([]);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Add correction' }),
    );
    const dialog = await screen.findByRole('dialog');
    const add = within(dialog).getByRole('button', { name: 'Add' });
    expect(add).toBeDisabled();
    fireEvent.change(within(dialog).getByLabelText(/^Start/), {
      target: { value: '2025-02-05T00:00' },
    });
    fireEvent.change(within(dialog).getByLabelText(/^End/), {
      target: { value: '2025-02-07T00:00' },
    });
    fireEvent.change(within(dialog).getByLabelText(/^Reason/), {
      target: { value: 'Upstream IdP outage' },
    });
    opsApi.createSloCorrection.mockRejectedValueOnce(
      new OpsApiError(
        'You are not allowed to correct this SLO (permission ops.slo.correct)',
        403,
      ),
    );
    fireEvent.click(add);
    expect(
      await within(dialog).findByText(
        'The correction was not added: You are not allowed to correct this SLO (permission ops.slo.correct)',
      ),
    ).toBeInTheDocument();
    opsApi.createSloCorrection.mockResolvedValueOnce(dependencyOutage);
    opsApi.getSloCorrections.mockResolvedValue({ items: [dependencyOutage] });
    fireEvent.click(add);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(opsApi.createSloCorrection).toHaveBeenLastCalledWith(
      'default',
      'identity-availability',
      {
        start: new Date('2025-02-05T00:00').toISOString(),
        end: new Date('2025-02-07T00:00').toISOString(),
        category: 'maintenance',
        reason: 'Upstream IdP outage',
      },
    );
    expect(await screen.findByText('Dependency')).toBeInTheDocument();
  });

  it('deletes a correction', async () => {
    const opsApi = render([dependencyOutage]);
    opsApi.deleteSloCorrection.mockResolvedValueOnce(undefined);
    opsApi.getSloCorrections.mockResolvedValue({ items: [] });
    fireEvent.click(
      await screen.findByRole('button', { name: /^Delete the correction/ }),
    );
    await waitFor(() =>
      expect(opsApi.deleteSloCorrection).toHaveBeenCalledWith(
        'default',
        'identity-availability',
        'c-1',
      ),
    );
    expect(
      await screen.findByText(
        'No correction: every part of the window counts.',
      ),
    ).toBeInTheDocument();
  });

  it('speaks Japanese', async () => {
    render(
      [dependencyOutage],
      japaneseTranslationApi(opsDashboardTranslationRef, ja),
    );
    expect(await screen.findByText('依存先の障害')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: '補正を追加' }),
    ).toBeInTheDocument();
  });
});
