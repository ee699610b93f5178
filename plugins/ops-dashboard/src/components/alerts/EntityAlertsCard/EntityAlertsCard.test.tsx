import { Entity } from '@backstage/catalog-model';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  Alert as OpsAlert,
  AlertHistorySummary,
  AlertsResponse,
} from '@unyo/plugin-ops-common';
import { japaneseTranslationApi } from '../../../__testUtils__/japanese';
import { mockOpsApi, opsStatus } from '../../../__testUtils__/opsStatus';
import { renderWithEntity } from '../../../__testUtils__/render';
import { OpsApiError } from '../../../api';
import { opsDashboardTranslationRef } from '../../../translation';
import ja from '../../../translations/ja';
import { EntityAlertsCard } from './EntityAlertsCard';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'mairust-smtp',
    namespace: 'default',
    annotations: { 'unyo.dev/alert-selector': 'service="mairust-smtp"' },
  },
  spec: { type: 'service', owner: 'group:default/sre', lifecycle: 'prod' },
};

const queueBacklog: OpsAlert = {
  alertname: 'QueueBacklog',
  state: 'firing',
  severity: 'critical',
  labels: {
    alertname: 'QueueBacklog',
    service: 'mairust-smtp',
    severity: 'critical',
    system: 'mairust',
  },
  annotations: { summary: 'Mail queue backlog detected' },
  startsAt: new Date(Date.now() - 25 * 60_000).toISOString(),
  source: 'alertmanager',
  runbookRef: 'runbook:default/mairust-queue-backlog',
  // As a configured level set (ops.alerts.levelSets) gives it.
  level: {
    id: 'P2',
    name: 'P2 (High)',
    respondWithinMinutes: 30,
    escalation: 'after 1 hour',
  },
  fingerprint: 'f1',
};

function response(overrides: Partial<AlertsResponse> = {}): AlertsResponse {
  return {
    items: [queueBacklog],
    rules: [
      {
        name: 'QueueBacklog',
        query: 'mairust_queue_length{service="mairust-smtp"} > 1000',
        forSeconds: 600,
        labels: { severity: 'critical', service: 'mairust-smtp' },
        annotations: {},
        state: 'firing',
        health: 'ok',
        values: [5000],
        activeAlerts: 1,
        group: 'mairust',
        server: 'default',
      },
    ],
    selector: 'service="mairust-smtp"',
    sourceErrors: [],
    notConfigured: [],
    canSilence: true,
    ...overrides,
  };
}

const history: AlertHistorySummary = {
  windowDays: 30,
  fired: 4,
  resolved: 3,
  open: 1,
  mttrMinutes: 42,
  mttrTargetMinutes: 30,
  meetsTarget: false,
  byAlertname: [],
};

function api(
  alerts: AlertsResponse | Error = response(),
  summary: AlertHistorySummary = history,
) {
  const opsApi = mockOpsApi(opsStatus(true));
  opsApi.getAlerts.mockImplementation(() =>
    alerts instanceof Error ? Promise.reject(alerts) : Promise.resolve(alerts),
  );
  opsApi.getAlertHistory.mockResolvedValue(summary);
  return opsApi;
}

describe('EntityAlertsCard', () => {
  it('shows the firing alert with level, runbook link, rules and MTTR', async () => {
    const opsApi = api();
    await renderWithEntity(<EntityAlertsCard />, { entity, opsApi });

    const row = await screen.findByTestId('alert-QueueBacklog');
    expect(within(row).getByText('Firing')).toBeInTheDocument();
    expect(within(row).getByText('critical')).toBeInTheDocument();
    expect(
      within(row).getByText(
        'P2 (High) · respond within 30 min · escalation: after 1 hour',
      ),
    ).toBeInTheDocument();
    expect(within(row).getByText('25 min ago')).toBeInTheDocument();
    expect(
      within(row).getByText('Mail queue backlog detected'),
    ).toBeInTheDocument();
    expect(
      within(row).getByRole('link', { name: 'Open runbook' }),
    ).toHaveAttribute('href', '/catalog/default/runbook/mairust-queue-backlog');
    const rules = screen.getByRole('table', { name: 'Alert rules' });
    expect(
      within(rules).getByText(
        'mairust_queue_length{service="mairust-smtp"} > 1000',
      ),
    ).toBeInTheDocument();
    expect(within(rules).getByText('10 min')).toBeInTheDocument();
    expect(screen.getByTestId('alerts-mttr')).toHaveTextContent(
      'MTTR: 42 min (target < 30 min)',
    );
    expect(screen.getByText('misses the target')).toBeInTheDocument();
    expect(opsApi.getAlerts).toHaveBeenCalledWith(
      'component:default/mairust-smtp',
    );
  });

  it('shows the MTTR alone when no target is configured', async () => {
    const opsApi = api(response(), {
      ...history,
      mttrTargetMinutes: null,
      meetsTarget: null,
    });
    await renderWithEntity(<EntityAlertsCard />, { entity, opsApi });
    await screen.findByTestId('alert-QueueBacklog');
    expect(await screen.findByTestId('alerts-mttr')).toHaveTextContent(
      /^MTTR: 42 min$/,
    );
    expect(screen.queryByText('misses the target')).not.toBeInTheDocument();
    expect(screen.queryByText(/target/)).not.toBeInTheDocument();
  });

  it('posts a silence within the selector and shows the API refusal', async () => {
    const opsApi = api();
    opsApi.createSilence
      .mockRejectedValueOnce(
        new OpsApiError(
          'durationMinutes must be at most 10080 minutes (7 days)',
          400,
          'InputError',
        ),
      )
      .mockResolvedValueOnce({ silenceId: 'abc-123' });
    await renderWithEntity(<EntityAlertsCard />, { entity, opsApi });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Silence QueueBacklog' }),
    );
    const dialog = await screen.findByRole('dialog');
    // The selector's matcher is fixed; alertname is chosen, other labels not.
    const locked = within(dialog).getByRole('checkbox', {
      name: /service="mairust-smtp"/,
    });
    expect(locked).toBeChecked();
    expect(locked).toBeDisabled();
    expect(
      within(dialog).getByRole('checkbox', {
        name: 'alertname="QueueBacklog"',
      }),
    ).toBeChecked();
    expect(
      within(dialog).getByRole('checkbox', { name: 'system="mairust"' }),
    ).not.toBeChecked();
    const submit = within(dialog).getByRole('button', {
      name: 'Create silence',
    });
    expect(submit).toBeDisabled();

    await userEvent.click(
      within(dialog).getByRole('checkbox', { name: 'system="mairust"' }),
    );
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Comment/ }), {
      target: { value: 'Draining the queue' },
    });
    await userEvent.click(submit);

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'The silence was not created: durationMinutes must be at most 10080 minutes (7 days)',
    );
    expect(opsApi.createSilence).toHaveBeenCalledWith({
      entityRef: 'component:default/mairust-smtp',
      matchers: [
        {
          name: 'service',
          value: 'mairust-smtp',
          isRegex: false,
          isEqual: true,
        },
        {
          name: 'alertname',
          value: 'QueueBacklog',
          isRegex: false,
          isEqual: true,
        },
        { name: 'system', value: 'mairust', isRegex: false, isEqual: true },
      ],
      durationMinutes: 60,
      comment: 'Draining the queue',
    });

    await userEvent.click(submit);
    expect(
      await screen.findByText('Silence abc-123 created.'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(opsApi.getAlerts).toHaveBeenCalledTimes(2);
  });

  it('disables silencing with the reason when the permission is missing', async () => {
    await renderWithEntity(<EntityAlertsCard />, {
      entity,
      opsApi: api(response({ canSilence: false })),
    });
    const button = await screen.findByRole('button', {
      name: 'Silence QueueBacklog',
    });
    expect(button).toBeDisabled();
    expect(button.parentElement).toHaveAttribute(
      'aria-label',
      'You may not create silences (permission ops.silence.create).',
    );
  });

  it("shows a server's last answer with its age while it is down", async () => {
    await renderWithEntity(<EntityAlertsCard />, {
      entity,
      opsApi: api(
        response({
          sourceErrors: [
            {
              source: 'alertmanager',
              server: 'default',
              message:
                'Alertmanager "default" could not be reached: ECONNREFUSED',
              lastSuccessAt: '2026-12-05T09:48:00Z',
              staleSeconds: 720,
            },
          ],
        }),
      ),
    });
    expect(
      await screen.findByText(
        'Alertmanager "default" could not be read: Alertmanager "default" could not be reached: ECONNREFUSED. Shown: its last answer, from 12 min ago.',
      ),
    ).toBeInTheDocument();
    // The alerts of that answer are still listed.
    expect(
      screen.getByRole('button', { name: 'Silence QueueBacklog' }),
    ).toBeInTheDocument();
  });

  it('states source errors, missing config and bad selectors', async () => {
    const { unmount } = await renderWithEntity(<EntityAlertsCard />, {
      entity,
      opsApi: api(
        response({
          items: [],
          sourceErrors: [
            {
              source: 'alertmanager',
              server: 'default',
              message:
                'Alertmanager "default" could not be reached: ECONNREFUSED',
            },
          ],
        }),
      ),
    });
    expect(
      await screen.findByText(
        'Alertmanager "default" could not be read: Alertmanager "default" could not be reached: ECONNREFUSED',
      ),
    ).toBeInTheDocument();
    // The rules are still shown.
    expect(
      screen.getByRole('table', { name: 'Alert rules' }),
    ).toBeInTheDocument();
    unmount();

    const second = await renderWithEntity(<EntityAlertsCard />, {
      entity,
      opsApi: api(
        response({
          items: [],
          rules: [],
          notConfigured: ['ops.alertmanager.servers'],
          error: {
            name: 'AlertSelectorError',
            message: 'invalid regex "(" at character 10',
          },
        }),
      ),
    });
    expect(
      await screen.findByText(
        'The alert selector of this entity is invalid: invalid regex "(" at character 10',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Not configured: ops.alertmanager.servers. Alerts from that source are not shown.',
      ),
    ).toBeInTheDocument();
    second.unmount();

    await renderWithEntity(<EntityAlertsCard />, {
      entity,
      opsApi: api(new OpsApiError('boom', 503)),
    });
    expect(
      await screen.findByText('Alerts could not be loaded: boom'),
    ).toBeInTheDocument();
  });

  it('shows the neutral default level by name alone, and an immediate one as such', async () => {
    const neutral = {
      ...queueBacklog,
      level: { id: 'critical', name: 'Critical', respondWithinMinutes: null },
    };
    const atOnce = {
      ...queueBacklog,
      alertname: 'ServiceDown',
      fingerprint: 'f2',
      level: { id: 'critical', name: 'Critical', respondWithinMinutes: 0 },
    };
    await renderWithEntity(<EntityAlertsCard />, {
      entity,
      opsApi: api(response({ items: [neutral, atOnce] })),
    });
    const row = await screen.findByTestId('alert-QueueBacklog');
    expect(within(row).getByText('Critical')).toBeInTheDocument();
    expect(within(row).queryByText(/respond/)).toBeNull();
    expect(
      within(screen.getByTestId('alert-ServiceDown')).getByText(
        'Critical · respond at once',
      ),
    ).toBeInTheDocument();
  });

  it('speaks Japanese', async () => {
    await renderWithEntity(<EntityAlertsCard />, {
      entity,
      opsApi: api(),
      translationApi: japaneseTranslationApi(opsDashboardTranslationRef, ja),
    });
    const row = await screen.findByTestId('alert-QueueBacklog');
    expect(within(row).getByText('発火中')).toBeInTheDocument();
    expect(
      within(row).getByText(
        'P2 (High) · 30 分以内に対応 · エスカレーション: after 1 hour',
      ),
    ).toBeInTheDocument();
    expect(
      within(row).getByRole('link', { name: 'Runbook を開く' }),
    ).toBeInTheDocument();
    expect(screen.getByText('アラートルール')).toBeInTheDocument();
    expect(
      within(row).getByRole('button', { name: 'QueueBacklog をサイレンス' }),
    ).toBeInTheDocument();
  });
});
