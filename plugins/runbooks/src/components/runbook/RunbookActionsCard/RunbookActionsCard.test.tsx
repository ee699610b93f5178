import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { runbookEntity, runbookSummary } from '../../../__testUtils__/fixtures';
import {
  mockRunbooksApi,
  renderWithEntity,
  targetsStatus,
} from '../../../__testUtils__/render';
import { RunbookActionsCard } from './RunbookActionsCard';

describe('RunbookActionsCard', () => {
  it('lists the actions, each with a Run button', async () => {
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
    await waitFor(() =>
      expect(document.body.textContent).toContain('- reason'),
    );
    expect(
      screen.getByRole('button', { name: 'Run Rolling restart' }),
    ).toBeEnabled();
    expect(
      screen.getByRole('button', { name: 'Run 5xx ratio below 1 %' }),
    ).toBeEnabled();
  });

  it('opens the runner for the entity the page was opened from', async () => {
    const api = mockRunbooksApi(targetsStatus(true), {
      getRunbooks: jest.fn(async () => ({ items: [] })),
    });
    renderWithEntity(<RunbookActionsCard />, {
      entity: runbookEntity,
      runbooksApi: api,
      initialRoute: '/?entity=component:default/identity-service',
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Run Rolling restart' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText('Run: Rolling restart / ローリング再起動'),
    ).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Runbook name')).toBeInTheDocument();
    expect(api.getRunbooks).toHaveBeenCalledWith(
      'component:default/identity-service',
    );
  });

  it('disables Run with a reason when the user may not execute', async () => {
    const api = mockRunbooksApi(targetsStatus(true), {
      getRunbooks: jest.fn(async () => ({
        items: [runbookSummary({ canExecute: false })],
      })),
    });
    renderWithEntity(<RunbookActionsCard />, {
      entity: runbookEntity,
      runbooksApi: api,
    });
    const run = () =>
      screen.getByRole('button', { name: 'Run Rolling restart' });
    await waitFor(() => expect(run()).toBeDisabled());
    // without ?entity= it asks about the runbook's only entity
    expect(api.getRunbooks).toHaveBeenCalledWith(
      'component:default/identity-service',
    );
    await userEvent.hover(run().parentElement!);
    expect(
      await screen.findByRole('tooltip', {
        name: /You may not run the actions of this runbook/,
      }),
    ).toBeInTheDocument();
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
