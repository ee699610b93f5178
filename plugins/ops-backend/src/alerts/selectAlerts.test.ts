import { parseAlertSelector } from '@unyo/plugin-ops-common';
import { selectAlerts } from './selectAlerts';

describe('selectAlerts', () => {
  const labels = {
    alertname: 'QueueBacklog',
    service: 'mairust-smtp',
    severity: 'critical',
  };
  const rule = {
    name: 'QueueBacklog',
    query: 'mairust_queue_length{service="mairust-smtp"} > 1000',
    durationSeconds: 600,
    labels: { service: 'mairust-smtp', severity: 'critical' },
    annotations: { summary: 'Mail queue backlog detected' },
    alerts: [
      {
        labels,
        annotations: { summary: 'Mail queue backlog detected' },
        state: 'firing' as const,
        value: 2736,
      },
    ],
    state: 'firing' as const,
    health: 'ok',
  };

  it('counts an alert once when Alertmanager has it with Prometheus external labels', () => {
    const { items, rules } = selectAlerts({
      entityRef: 'component:default/mairust-smtp',
      selector: parseAlertSelector('service="mairust-smtp"'),
      alertmanager: [
        {
          server: 'default',
          alerts: [
            {
              fingerprint: 'f1',
              labels: { ...labels, environment: 'demo' },
              annotations: { summary: 'Mail queue backlog detected' },
              startsAt: '2026-11-23T05:00:00Z',
              endsAt: '2026-11-23T06:00:00Z',
              status: { state: 'active', silencedBy: [], inhibitedBy: [] },
            },
          ],
        },
      ],
      prometheus: [
        {
          server: 'default',
          groups: [{ name: 'mairust', file: 'x', rules: [rule] }],
        },
      ],
      runbooks: [],
      knownRunbooks: new Set(),
    });

    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      alertname: 'QueueBacklog',
      state: 'firing',
      source: 'alertmanager',
      value: 2736,
    });
    expect(rules).toHaveLength(1);
  });
});
