import { Entity } from '@backstage/catalog-model';
import { screen, within } from '@testing-library/react';
import type { BackupCoverage } from '@unyo/plugin-ops-common';
import { japaneseTranslationApi } from '../../../__testUtils__/japanese';
import { mockOpsApi, opsStatus } from '../../../__testUtils__/opsStatus';
import { renderWithEntity } from '../../../__testUtils__/render';
import { opsDashboardTranslationRef } from '../../../translation';
import ja from '../../../translations/ja';
import { EntityBackupCoverageCard } from './BackupCoverageCard';

const system: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'elixir-cqrs', namespace: 'default' },
  spec: { owner: 'group:default/elixir-cqrs-team' },
};
const SYSTEM = 'system:default/elixir-cqrs';

const coverage: BackupCoverage = {
  entityRef: SYSTEM,
  items: [
    {
      entityRef: 'resource:default/elixir-cqrs-event-store-db',
      kind: 'Resource',
      type: 'database',
      policies: ['backuppolicy:default/elixir-cqrs-db-backups'],
      status: 'ok',
    },
    {
      entityRef: 'resource:default/elixir-cqrs-query-db',
      kind: 'Resource',
      type: 'database',
      policies: ['backuppolicy:default/elixir-cqrs-db-backups'],
      status: 'breached',
    },
    {
      entityRef: 'resource:default/elixir-cqrs-command-db',
      kind: 'Resource',
      type: 'database',
      policies: [],
      status: null,
    },
  ],
  covered: 2,
  total: 3,
};

function rows() {
  return screen.getAllByTestId('coverage-row');
}

describe('EntityBackupCoverageCard', () => {
  it('counts covered resources and puts the unprotected first, highlighted', async () => {
    const opsApi = mockOpsApi(opsStatus(true), {
      coverage: { [SYSTEM]: coverage },
    });
    await renderWithEntity(<EntityBackupCoverageCard />, {
      entity: system,
      opsApi,
    });
    expect(await screen.findByTestId('backup-coverage')).toHaveTextContent(
      '2 of 3 protected',
    );
    const [first, second, third] = rows();
    expect(first).toHaveAttribute(
      'data-entity-ref',
      'resource:default/elixir-cqrs-command-db',
    );
    expect(first).toHaveAttribute('data-protected', 'false');
    expect(within(first).getByText('Unprotected')).toBeInTheDocument();
    // highlighted, unlike the protected row striped the same way
    expect(getComputedStyle(first).backgroundColor).not.toBe(
      getComputedStyle(rows()[2]).backgroundColor,
    );
    expect(within(second).getByTestId('backup-state')).toHaveTextContent('OK');
    expect(within(third).getByTestId('backup-state')).toHaveTextContent(
      'RPO breached',
    );
    expect(
      within(third).getByRole('link', { name: /elixir-cqrs-db-backups/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/backuppolicy/elixir-cqrs-db-backups',
    );
    expect(opsApi.getBackupCoverage).toHaveBeenCalledWith(SYSTEM);
  });

  it('states an empty system and load errors', async () => {
    const { unmount } = await renderWithEntity(<EntityBackupCoverageCard />, {
      entity: system,
      opsApi: mockOpsApi(opsStatus(true), {
        coverage: {
          [SYSTEM]: { entityRef: SYSTEM, items: [], covered: 0, total: 0 },
        },
      }),
    });
    expect(
      await screen.findByText(
        'This system has no database or bucket-like resource in the catalog.',
      ),
    ).toBeInTheDocument();
    unmount();
    await renderWithEntity(<EntityBackupCoverageCard />, {
      entity: system,
      opsApi: mockOpsApi(opsStatus(true), {
        coverage: { [SYSTEM]: new Error('catalog unavailable') },
      }),
    });
    expect(
      await screen.findByText(
        'Backup coverage could not be loaded: catalog unavailable',
      ),
    ).toBeInTheDocument();
  });

  it('speaks Japanese', async () => {
    await renderWithEntity(<EntityBackupCoverageCard />, {
      entity: system,
      opsApi: mockOpsApi(opsStatus(true), {
        coverage: { [SYSTEM]: coverage },
      }),
      translationApi: japaneseTranslationApi(opsDashboardTranslationRef, ja),
    });
    expect(await screen.findByTestId('backup-coverage')).toHaveTextContent(
      '3 件中 2 件を保護',
    );
    expect(screen.getByText('未保護')).toBeInTheDocument();
  });
});
