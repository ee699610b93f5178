import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { runbookEntity, runbookSummary } from '../../../__testUtils__/fixtures';
import { japaneseTranslationApi } from '../../../__testUtils__/japanese';
import {
  mockRunbooksApi,
  renderWithEntity,
  targetsStatus,
} from '../../../__testUtils__/render';
import ja from '../../../translations/ja';
import { runbooksTranslationRef } from '../../../translation';
import { RunbookActionsCard } from '../RunbookActionsCard';
import { RunbookStepsCard } from './RunbookStepsCard';

function apiAllowing(canExecute: boolean) {
  return mockRunbooksApi(targetsStatus(true), {
    getRunbooks: jest.fn(async () => ({
      items: [runbookSummary({ canExecute })],
    })),
  });
}

const step = (name: string) =>
  within(screen.getByRole('list', { name: 'Steps' })).getByRole('listitem', {
    name,
  });

describe('RunbookStepsCard', () => {
  it('shows the steps in order with Markdown and copyable commands', async () => {
    renderWithEntity(<RunbookStepsCard />, { entity: runbookEntity });

    const list = await screen.findByRole('list', { name: 'Steps' });
    const steps = within(list).getAllByRole('listitem');
    expect(steps.map(s => s.getAttribute('aria-label'))).toEqual([
      'Check pods',
      'Restart the deployment',
    ]);
    expect(within(steps[0]).getByText('1. Check pods')).toBeInTheDocument();
    expect(within(steps[0]).getByText('Pod を確認')).toBeInTheDocument();
    expect(within(steps[0]).getByText('not')).toBeInTheDocument(); // Markdown
    expect(within(steps[0]).getByText('Language: bash')).toBeInTheDocument();
    await waitFor(() =>
      expect(steps[0].textContent).toContain(
        'kubectl get pods -n production -l app=identity-service',
      ),
    );
    // a step without an action has no Run button
    expect(
      within(steps[0]).queryByRole('button', { name: /^Run / }),
    ).toBeNull();
    expect(
      within(steps[1]).getByText(
        'Action: Rolling restart / ローリング再起動 (http)',
      ),
    ).toBeInTheDocument();
  });

  it('runs the action a step names in the action runner', async () => {
    const api = apiAllowing(true);
    renderWithEntity(<RunbookStepsCard />, {
      entity: runbookEntity,
      runbooksApi: api,
      initialRoute: '/?entity=component:default/identity-service',
    });
    const run = await within(
      await waitFor(() => step('Restart the deployment')),
    ).findByRole('button', { name: 'Run Rolling restart' });
    expect(run).toBeEnabled();
    await userEvent.click(run);
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText('Run: Rolling restart / ローリング再起動'),
    ).toBeInTheDocument();
    // destructive: the runner asks for the runbook's name
    expect(within(dialog).getByLabelText('Runbook name')).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('disables the step Run button with the reason when the user may not execute', async () => {
    renderWithEntity(<RunbookStepsCard />, {
      entity: runbookEntity,
      runbooksApi: apiAllowing(false),
    });
    const run = () =>
      within(step('Restart the deployment')).getByRole('button', {
        name: 'Run Rolling restart',
      });
    await waitFor(() => expect(run()).toBeDisabled());
    await userEvent.hover(run().parentElement!);
    expect(
      await screen.findByRole('tooltip', {
        name: /You may not run the actions of this runbook/,
      }),
    ).toBeInTheDocument();
  });

  it('says which action is missing when a step names an undefined one', async () => {
    renderWithEntity(<RunbookStepsCard />, {
      entity: {
        ...runbookEntity,
        spec: {
          ...runbookEntity.spec,
          steps: [{ title: 'Scale out', action: 'scale' }],
        },
      },
    });
    expect(
      await screen.findByText('Action scale is not defined in spec.actions.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Run / })).toBeNull();
  });

  it('shares one permission lookup with the actions card on the same page', async () => {
    const api = apiAllowing(false);
    renderWithEntity(
      <>
        <RunbookStepsCard />
        <RunbookActionsCard />
      </>,
      { entity: runbookEntity, runbooksApi: api },
    );
    await waitFor(() =>
      expect(
        screen.getAllByRole('button', { name: 'Run Rolling restart' }),
      ).toHaveLength(2),
    );
    await waitFor(() =>
      screen
        .getAllByRole('button', { name: 'Run Rolling restart' })
        .forEach(button => expect(button).toBeDisabled()),
    );
    expect(api.getRunbooks).toHaveBeenCalledTimes(1);
  });

  it('speaks Japanese when the app language is ja', async () => {
    renderWithEntity(<RunbookStepsCard />, {
      entity: runbookEntity,
      translationApi: japaneseTranslationApi(runbooksTranslationRef, ja),
    });
    expect(await screen.findByText('手順')).toBeInTheDocument();
    expect(screen.getByText('言語: bash')).toBeInTheDocument();
    expect(
      screen.getByText('アクション: Rolling restart / ローリング再起動 (http)'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: /Rolling restart/ }),
    ).toHaveTextContent('実行');
  });
});
