import { screen, waitFor } from '@testing-library/react';
import { runbookEntity } from '../../__testUtils__/fixtures';
import {
  mockRunbooksApi,
  renderWithEntity,
  targetsStatus,
} from '../../__testUtils__/render';
import { RunbookActionsCard } from './RunbookActionsCard';

describe('RunbookActionsCard', () => {
  it('lists the actions and says that running them comes later', async () => {
    renderWithEntity(<RunbookActionsCard />, { entity: runbookEntity });
    expect(await screen.findByText('Rolling restart')).toBeInTheDocument();
    expect(screen.getByText('ローリング再起動')).toBeInTheDocument();
    expect(screen.getByText('http')).toBeInTheDocument();
    expect(
      screen.getByText('Destructive: asks for typed confirmation'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('POST /api/45/job/restart-identity/run'),
    ).toBeInTheDocument();
    expect(screen.getByText('prometheus-query')).toBeInTheDocument();
    expect(screen.getByText('< 0.01')).toBeInTheDocument();
    expect(
      await screen.findByText(
        /No action target is configured \(ops\.runbooks\.targets\)/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/arrives with the ops backend’s execution API/),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(document.body.textContent).toContain('- reason'),
    );
    expect(
      screen.queryByRole('button', { name: /run/i }),
    ).not.toBeInTheDocument();
  });

  it('names the configured targets', async () => {
    renderWithEntity(<RunbookActionsCard />, {
      entity: runbookEntity,
      runbooksApi: mockRunbooksApi(targetsStatus(true)),
    });
    expect(
      await screen.findByText(/Action targets configured: automation\./),
    ).toBeInTheDocument();
  });

  it('warns when the ops backend cannot be reached', async () => {
    renderWithEntity(<RunbookActionsCard />, {
      entity: runbookEntity,
      runbooksApi: mockRunbooksApi(new Error('Request failed with 503')),
    });
    expect(
      await screen.findByText(/The ops backend could not be reached/),
    ).toBeInTheDocument();
  });
});
