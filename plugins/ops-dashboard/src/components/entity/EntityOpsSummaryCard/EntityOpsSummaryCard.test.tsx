import { Entity } from '@backstage/catalog-model';
import { screen, within } from '@testing-library/react';
import type { Alert as OpsAlert, HealthStatus } from '@unyo/plugin-ops-common';
import { japaneseTranslationApi } from '../../../__testUtils__/japanese';
import { mockOpsApi, opsStatus } from '../../../__testUtils__/opsStatus';
import { renderWithEntity } from '../../../__testUtils__/render';
import { featureFreezeStatus } from '../../../__testUtils__/sloStatus';
import { opsDashboardTranslationRef } from '../../../translation';
import ja from '../../../translations/ja';
import { EntityOpsSummaryCard } from './EntityOpsSummaryCard';

const service: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'identity-service',
    namespace: 'default',
    annotations: {
      'unyo.dev/alert-selector': 'service="identity-service"',
      'unyo.dev/health-url': 'http://127.0.0.1:18011/health',
    },
  },
  spec: { type: 'service', owner: 'group:default/sre', lifecycle: 'prod' },
  relations: [
    {
      type: 'measuredBy',
      targetRef: 'slo:default/identity-availability',
    },
  ],
};

function alert(alertname: string, state: OpsAlert['state']): OpsAlert {
  return {
    alertname,
    state,
    labels: { alertname },
    annotations: {},
    startsAt: new Date().toISOString(),
    source: 'alertmanager',
    fingerprint: alertname,
  } as OpsAlert;
}

const health = (status: HealthStatus['status'], url: string): HealthStatus => ({
  url,
  status,
  latencyMs: 5,
  checks: [],
  checkedAt: new Date().toISOString(),
  since: new Date().toISOString(),
  uptime: { '24h': 1, '7d': 1 },
});

function api() {
  const ops = mockOpsApi(opsStatus(true), {
    slos: [featureFreezeStatus()],
    health: {
      'component:default/identity-service': [
        health('up', 'http://a/health'),
        health('degraded', 'http://b/health'),
      ],
    },
  });
  ops.getAlerts.mockResolvedValue({
    items: [
      alert('HighLatency', 'firing'),
      alert('HighLatency', 'firing'),
      alert('PodRestartLoop', 'pending'),
    ],
    rules: [],
  } as any);
  return ops;
}

describe('EntityOpsSummaryCard', () => {
  it("shows the entity's budget, firing alerts and worst health as the backend reports them", async () => {
    await renderWithEntity(<EntityOpsSummaryCard />, {
      entity: service,
      opsApi: api(),
    });
    const summary = await screen.findByRole('region', {
      name: 'Operations summary',
    });
    const slos = within(summary).getByRole('group', {
      name: 'SLO error budget',
    });
    expect(
      await within(slos).findByText('Identity service availability'),
    ).toBeInTheDocument();
    expect(
      within(slos).getByRole('img', {
        name: /^Error budget left: 30(\.0)? %$/,
      }),
    ).toBeInTheDocument();

    const alerts = within(summary).getByRole('group', {
      name: 'Firing alerts',
    });
    // pending alerts are not firing; one chip per alert name
    expect(await within(alerts).findByText('2 firing')).toBeInTheDocument();
    expect(within(alerts).getByText('HighLatency')).toBeInTheDocument();
    expect(within(alerts).queryByText('PodRestartLoop')).toBeNull();

    const healthTile = within(summary).getByRole('group', { name: 'Health' });
    expect(
      await within(healthTile).findByText('Endpoints probed: 2'),
    ).toBeInTheDocument();
    expect(within(healthTile).getByText('Degraded')).toBeInTheDocument();
    // no backup policy protects this component, and it holds no data
    expect(
      within(summary).queryByRole('group', { name: 'Backups' }),
    ).toBeNull();
  });

  it('says in Japanese when the language is ja', async () => {
    await renderWithEntity(<EntityOpsSummaryCard />, {
      entity: service,
      opsApi: api(),
      translationApi: japaneseTranslationApi(opsDashboardTranslationRef, ja),
    });
    const summary = await screen.findByRole('region', { name: '運用サマリー' });
    expect(await within(summary).findByText('2 件発火中')).toBeInTheDocument();
    expect(
      within(summary).getByRole('group', { name: 'SLO エラーバジェット' }),
    ).toBeInTheDocument();
  });
});
