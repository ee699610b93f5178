import { screen, waitFor } from '@testing-library/react';
import { backupPolicyEntity } from '../../__testUtils__/fixtures';
import { renderWithEntity } from '../../__testUtils__/render';
import { EntityRawSpecCard } from './EntityRawSpecCard';

describe('EntityRawSpecCard', () => {
  it('shows the spec as YAML', async () => {
    renderWithEntity(<EntityRawSpecCard />, { entity: backupPolicyEntity });
    expect(
      await screen.findByText(
        'spec of backuppolicy:default/event-store-backups as YAML',
      ),
    ).toBeInTheDocument();
    // the code snippet highlights lazily
    await waitFor(() =>
      expect(document.body.textContent).toContain(
        'owner: group:default/platform',
      ),
    );
    expect(document.body.textContent).toContain('- name: daily-dump');
  });
});
