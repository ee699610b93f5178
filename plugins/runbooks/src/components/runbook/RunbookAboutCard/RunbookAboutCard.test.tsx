import { Entity } from '@backstage/catalog-model';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RunbookSummary } from '@unyo/plugin-ops-common';
import { runbookEntity, runbookSummary } from '../../../__testUtils__/fixtures';
import { japaneseTranslationApi } from '../../../__testUtils__/japanese';
import {
  mockRunbooksApi,
  renderWithEntity,
  targetsStatus,
} from '../../../__testUtils__/render';
import ja from '../../../translations/ja';
import { runbooksTranslationRef } from '../../../translation';
import { RunbookAboutCard } from './RunbookAboutCard';

const twoAlerts: Entity = {
  ...runbookEntity,
  spec: { ...runbookEntity.spec, alerts: ['ServiceDown', 'HighLatency'] },
};

function summary(firingAlerts: string[]): RunbookSummary {
  return runbookSummary({
    alerts: ['ServiceDown', 'HighLatency'],
    firingAlerts,
  });
}

function apiFiring(firingAlerts: string[]) {
  return mockRunbooksApi(targetsStatus(true), {
    getRunbooks: jest.fn(async () => ({ items: [summary(firingAlerts)] })),
  });
}

const alertItem = (name: string) =>
  within(screen.getByRole('list', { name: 'Answers alerts' })).getByRole(
    'listitem',
    { name },
  );

describe('RunbookAboutCard', () => {
  it('shows severity, owner, the services as links and the alerts', async () => {
    renderWithEntity(<RunbookAboutCard />, { entity: runbookEntity });

    expect(await screen.findByText('About this runbook')).toBeInTheDocument();
    expect(screen.getByText('サービス停止')).toBeInTheDocument();
    expect(screen.getByText('critical')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /sre/ })).toHaveAttribute(
      'href',
      '/catalog/default/group/sre',
    );
    expect(
      screen.getByRole('link', { name: /identity-service/ }),
    ).toHaveAttribute('href', '/catalog/default/component/identity-service');
    expect(
      within(alertItem('ServiceDown')).getByText('ServiceDown'),
    ).toBeInTheDocument();
    // the description, as Markdown
    expect(
      screen.getByText('identity-service', { selector: 'strong' }),
    ).toBeInTheDocument();
  });

  it('marks the alerts firing now on the entity the page was opened from', async () => {
    const api = apiFiring(['ServiceDown']);
    renderWithEntity(<RunbookAboutCard />, {
      entity: twoAlerts,
      runbooksApi: api,
      initialRoute: '/?entity=component:default/identity-service',
    });
    await waitFor(() =>
      expect(alertItem('ServiceDown')).toHaveAttribute('data-firing', 'true'),
    );
    expect(
      within(alertItem('ServiceDown')).getByText('Firing now'),
    ).toBeInTheDocument();
    expect(alertItem('HighLatency')).toHaveAttribute('data-firing', 'false');
    expect(
      within(alertItem('HighLatency')).queryByText('Firing now'),
    ).not.toBeInTheDocument();
    expect(api.getRunbooks).toHaveBeenCalledWith(
      'component:default/identity-service',
    );

    await userEvent.hover(
      within(alertItem('ServiceDown')).getByText('Firing now'),
    );
    expect(
      await screen.findByRole('tooltip', {
        name: 'This alert fires now on component:default/identity-service.',
      }),
    ).toBeInTheDocument();
  });

  it('marks nothing without ?entity=, whatever fires on other entities', async () => {
    const api = apiFiring(['ServiceDown']);
    renderWithEntity(<RunbookAboutCard />, {
      entity: twoAlerts,
      runbooksApi: api,
    });
    // it still asks (for the runbook's only entity) ...
    await waitFor(() => expect(api.getRunbooks).toHaveBeenCalled());
    await waitFor(() =>
      expect(
        screen.getByRole('list', { name: 'Answers alerts' }),
      ).toBeInTheDocument(),
    );
    // ... but the page was not opened for it
    expect(alertItem('ServiceDown')).toHaveAttribute('data-firing', 'false');
    expect(screen.queryByText('Firing now')).not.toBeInTheDocument();
  });

  it('says when whether alerts fire could not be read', async () => {
    const api = mockRunbooksApi(targetsStatus(true), {
      getRunbooks: jest.fn(async () => {
        throw new Error('Request failed with 503');
      }),
    });
    renderWithEntity(<RunbookAboutCard />, {
      entity: runbookEntity,
      runbooksApi: api,
      initialRoute: '/?entity=component:default/identity-service',
    });
    expect(
      await screen.findByText(
        'Whether these alerts fire now could not be read: Request failed with 503',
      ),
    ).toBeInTheDocument();
    // the alerts themselves are still listed
    expect(alertItem('ServiceDown')).toBeInTheDocument();
  });

  it('says so when the runbook answers no alert and has no severity', async () => {
    renderWithEntity(<RunbookAboutCard />, {
      entity: {
        ...runbookEntity,
        spec: { ...runbookEntity.spec, alerts: [], severity: undefined },
      },
    });
    expect(
      await screen.findByText('No alert links to this runbook.'),
    ).toBeInTheDocument();
    expect(screen.getByText('None')).toBeInTheDocument();
  });

  it('speaks Japanese when the app language is ja', async () => {
    renderWithEntity(<RunbookAboutCard />, {
      entity: twoAlerts,
      runbooksApi: apiFiring(['HighLatency']),
      translationApi: japaneseTranslationApi(runbooksTranslationRef, ja),
      initialRoute: '/?entity=component:default/identity-service',
    });
    expect(
      await screen.findByText('この Runbook について'),
    ).toBeInTheDocument();
    expect(screen.getByText('重大度')).toBeInTheDocument();
    expect(screen.getByText('オーナー')).toBeInTheDocument();
    expect(screen.getByText('適用対象')).toBeInTheDocument();
    expect(await screen.findByText('発報中')).toBeInTheDocument();
    expect(
      within(screen.getByRole('list', { name: '対応するアラート' })).getByRole(
        'listitem',
        { name: 'HighLatency' },
      ),
    ).toHaveAttribute('data-firing', 'true');
  });
});
