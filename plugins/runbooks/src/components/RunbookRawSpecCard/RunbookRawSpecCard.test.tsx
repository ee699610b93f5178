import { screen, waitFor } from '@testing-library/react';
import { runbookEntity } from '../../__testUtils__/fixtures';
import { renderWithEntity } from '../../__testUtils__/render';
import { RunbookRawSpecCard } from './RunbookRawSpecCard';

describe('RunbookRawSpecCard', () => {
  it('shows the spec as YAML', async () => {
    renderWithEntity(<RunbookRawSpecCard />, { entity: runbookEntity });
    expect(
      await screen.findByText(
        'spec of runbook:default/identity-service-down as YAML',
      ),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(document.body.textContent).toContain('severity: critical'),
    );
  });
});
