import { Entity } from '@backstage/catalog-model';
import { screen, within } from '@testing-library/react';
import type { HealthStatus } from '@unyo/plugin-ops-common';
import { mockOpsApi, opsStatus } from '../../../__testUtils__/opsStatus';
import { renderWithEntity } from '../../../__testUtils__/render';
import { EntitySystemHealthCard } from './EntitySystemHealthCard';

const part = (name: string, url?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: url ? { 'unyo.dev/health-url': url } : {},
  },
  spec: { type: 'service', owner: 'group:default/sre', system: 'cqrs' },
});

const system: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'cqrs', namespace: 'default' },
  spec: { owner: 'group:default/sre' },
  relations: ['client', 'command', 'worker'].map(name => ({
    type: 'hasPart',
    targetRef: `component:default/${name}`,
  })),
};

const status = (
  url: string,
  s: HealthStatus['status'],
  message?: string,
): HealthStatus => ({
  url,
  status: s,
  latencyMs: 5,
  checks: [],
  checkedAt: new Date().toISOString(),
  since: new Date().toISOString(),
  uptime: { '24h': 1, '7d': 1 },
  ...(message ? { message } : {}),
});

describe('EntitySystemHealthCard', () => {
  it('shows each component with the worst of its endpoints', async () => {
    const entities = [
      system,
      part('client', 'http://127.0.0.1:18001/health'),
      part('command', 'grpc://127.0.0.1:18002/cqrs.CommandService'),
      part('worker'), // no health URL: not asked for
    ];
    const opsApi = mockOpsApi(opsStatus(true), {
      health: {
        'component:default/client': [
          status('http://127.0.0.1:18001/health', 'up'),
        ],
        'component:default/command': [
          status(
            'grpc://127.0.0.1:18002/cqrs.CommandService',
            'down',
            'NOT_SERVING',
          ),
        ],
      },
    });
    renderWithEntity(<EntitySystemHealthCard />, {
      entity: system,
      entities,
      opsApi,
    });

    const list = await screen.findByRole('list', { name: 'Component' });
    const client = within(list).getByRole('listitem', {
      name: 'component:default/client',
    });
    expect(within(client).getByText('Up')).toBeInTheDocument();
    expect(within(client).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/component/client',
    );
    const command = within(list).getByRole('listitem', {
      name: 'component:default/command',
    });
    expect(within(command).getByText('Down')).toBeInTheDocument();
    expect(
      within(command).getByText(
        'Down: grpc://127.0.0.1:18002/cqrs.CommandService — NOT_SERVING',
      ),
    ).toBeInTheDocument();
    expect(opsApi.getHealth).toHaveBeenCalledTimes(2);
    expect(opsApi.getHealth).not.toHaveBeenCalledWith(
      'component:default/worker',
    );
  });

  it('says so when no component declares a health URL', async () => {
    renderWithEntity(<EntitySystemHealthCard />, {
      entity: system,
      entities: [system, part('client'), part('command'), part('worker')],
      opsApi: mockOpsApi(opsStatus(true)),
    });
    expect(
      await screen.findByText(/No component of this system declares/),
    ).toBeInTheDocument();
  });
});
