import { screen, waitFor, within } from '@testing-library/react';
import { runbookEntity } from '../../__testUtils__/fixtures';
import { japaneseTranslationApi } from '../../__testUtils__/japanese';
import { renderWithEntity } from '../../__testUtils__/render';
import ja from '../../translations/ja';
import { runbooksTranslationRef } from '../../translation';
import { RunbookStepsCard } from './RunbookStepsCard';

describe('RunbookStepsCard', () => {
  it('shows the runbook header and its steps in order', async () => {
    renderWithEntity(<RunbookStepsCard />, { entity: runbookEntity });

    expect(await screen.findByText('Service down')).toBeInTheDocument();
    expect(screen.getByText('サービス停止')).toBeInTheDocument();
    expect(screen.getByText('critical')).toBeInTheDocument();
    expect(screen.getByText('ServiceDown')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /sre/ })).toHaveAttribute(
      'href',
      '/catalog/default/group/sre',
    );
    expect(
      screen.getByRole('link', { name: /identity-service/ }),
    ).toHaveAttribute('href', '/catalog/default/component/identity-service');

    const steps = screen.getAllByRole('listitem');
    expect(steps.map(step => step.getAttribute('aria-label'))).toEqual([
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
    expect(
      within(steps[1]).getByText(
        'Action: Rolling restart / ローリング再起動 (http)',
      ),
    ).toBeInTheDocument();
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
  });
});
