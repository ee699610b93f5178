import { screen, waitFor } from '@testing-library/react';
import { backupPolicyEntity } from '../../../__testUtils__/fixtures';
import { renderWithEntity } from '../../../__testUtils__/render';
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
    expect(document.querySelector('code')?.textContent).toBe(
      [
        'titleJa: イベントストアのバックアップ',
        'owner: group:default/platform',
        'protects:',
        '- resource:default/event-store-db',
        'rpo: 1h',
        'rto: 4h',
        'targets:',
        '- name: daily-dump',
        '  type: full',
        '  schedule:',
        '    every: 1d',
        '  retention: 7d',
        '  source:',
        '    type: s3',
        '    connection: demo-s3',
        '    bucket: backup-bucket',
        'restoreTest:',
        '  every: 30d',
        '',
      ].join('\n'),
    );
  });
});
