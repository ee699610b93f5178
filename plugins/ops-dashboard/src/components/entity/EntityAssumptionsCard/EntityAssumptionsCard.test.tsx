import { Entity } from '@backstage/catalog-model';
import { screen, within } from '@testing-library/react';
import { japaneseTranslationApi } from '../../../__testUtils__/japanese';
import { renderWithEntity } from '../../../__testUtils__/render';
import { opsDashboardTranslationRef } from '../../../translation';
import ja from '../../../translations/ja';
import { EntityAssumptionsCard } from './EntityAssumptionsCard';

/** A BackupPolicy whose schedule and restore drill are assumed. */
const assumedPolicy: Entity = {
  apiVersion: 'unyo.dev/v1alpha1',
  kind: 'BackupPolicy',
  metadata: {
    name: 'event-store-backups',
    namespace: 'default',
    annotations: {
      'unyo.dev/assumptions':
        'spec.restoreTest.every, spec.targets[0].schedule, spec.rto',
    },
  },
  spec: {
    owner: 'group:default/platform',
    rpo: '1h',
    targets: [{ name: 'daily-dump', schedule: { every: '1d' } }],
    restoreTest: { every: '30d' },
  },
};

describe('EntityAssumptionsCard', () => {
  it('marks each assumed field with its value', async () => {
    await renderWithEntity(<EntityAssumptionsCard />, {
      entity: assumedPolicy,
    });
    expect(
      await screen.findByText('Assumed, not in the manual'),
    ).toBeInTheDocument();
    const drill = screen.getByTestId('assumed-spec.restoreTest.every');
    expect(within(drill).getByText(/^30d/)).toBeInTheDocument();
    expect(
      within(drill).getByText('(assumed, not in the manual)'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByTestId('assumed-spec.targets[0].schedule')).getByText(
        /\{"every":"1d"\}/,
      ),
    ).toBeInTheDocument();
    // Listed but not set: said so, not hidden.
    expect(
      within(screen.getByTestId('assumed-spec.rto')).getByText(/\(not set\)/),
    ).toBeInTheDocument();
    // Stated values are not marked.
    expect(screen.queryByTestId('assumed-spec.rpo')).toBeNull();
  });

  it('renders nothing without the annotation', async () => {
    await renderWithEntity(<EntityAssumptionsCard />, {
      entity: {
        ...assumedPolicy,
        metadata: { name: 'x', namespace: 'default' },
      },
    });
    expect(screen.queryByTestId('ops-assumptions')).toBeNull();
  });

  it('speaks Japanese', async () => {
    await renderWithEntity(<EntityAssumptionsCard />, {
      entity: assumedPolicy,
      translationApi: japaneseTranslationApi(opsDashboardTranslationRef, ja),
    });
    expect(
      await screen.findByText('想定値（マニュアルに記載なし）'),
    ).toBeInTheDocument();
    expect(screen.getAllByText('(想定値・マニュアルに記載なし)')).toHaveLength(
      3,
    );
  });
});
