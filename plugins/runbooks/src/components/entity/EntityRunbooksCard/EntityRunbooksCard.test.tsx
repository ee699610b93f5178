import { Entity } from '@backstage/catalog-model';
import { screen, within } from '@testing-library/react';
import type { RunbookSummary } from '@unyo/plugin-ops-common';
import {
  componentEntity,
  runbookEntity,
  runbookSummary,
} from '../../../__testUtils__/fixtures';
import {
  mockRunbooksApi,
  renderWithEntity,
  targetsStatus,
} from '../../../__testUtils__/render';
import { EntityRunbooksCard } from './EntityRunbooksCard';

const latencyRunbook: Entity = {
  apiVersion: 'unyo.dev/v1alpha1',
  kind: 'Runbook',
  metadata: {
    name: 'identity-latency',
    namespace: 'default',
    title: 'Slow logins',
  },
  spec: {
    owner: 'group:default/sre',
    appliesTo: ['component:default/identity-service'],
    severity: 'medium',
    alerts: ['HighLatency'],
    steps: [{ title: 'Look at traces' }],
  },
  relations: [
    { type: 'runbookFor', targetRef: 'component:default/identity-service' },
  ],
};

const withTwo: Entity = {
  ...componentEntity,
  relations: [
    ...(componentEntity.relations ?? []),
    { type: 'hasRunbook', targetRef: 'runbook:default/identity-latency' },
  ],
};

function summary(
  ref: string,
  alerts: string[],
  firingAlerts: string[],
): RunbookSummary {
  return runbookSummary({ ref, title: ref, alerts, firingAlerts });
}

describe('EntityRunbooksCard', () => {
  it('lists runbooks answering firing alerts first and links with the entity', async () => {
    const api = mockRunbooksApi(targetsStatus(true), {
      getRunbooks: jest.fn(async () => ({
        items: [
          summary('runbook:default/identity-service-down', ['ServiceDown'], []),
          summary(
            'runbook:default/identity-latency',
            ['HighLatency'],
            ['HighLatency'],
          ),
        ],
      })),
    });
    await renderWithEntity(<EntityRunbooksCard />, {
      entity: withTwo,
      runbooksApi: api,
      entities: [runbookEntity, latencyRunbook, withTwo],
    });
    const first = await screen.findByRole('link', { name: 'Slow logins' });
    expect(api.getRunbooks).toHaveBeenCalledWith(
      'component:default/identity-service',
    );
    const rows = screen.getAllByRole('row').slice(1);
    expect(within(rows[0]).getByRole('link')).toBe(first);
    expect(first).toHaveAttribute(
      'href',
      '/catalog/default/runbook/identity-latency?entity=component%3Adefault%2Fidentity-service',
    );
    expect(
      within(rows[0]).getByText('Firing: HighLatency'),
    ).toBeInTheDocument();
    expect(
      within(rows[1]).getByRole('link', { name: 'Service down' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/runbook/identity-service-down?entity=component%3Adefault%2Fidentity-service',
    );
    expect(within(rows[1]).getByText('サービス停止')).toBeInTheDocument();
    expect(within(rows[1]).getByText('critical')).toBeInTheDocument();
    expect(within(rows[1]).getByText('ServiceDown')).toBeInTheDocument();
    expect(within(rows[1]).getByText('2')).toBeInTheDocument();
    expect(within(rows[1]).queryByText(/Firing:/)).not.toBeInTheDocument();
  });

  it('falls back to the catalog when the ops backend cannot be read, and says so', async () => {
    await renderWithEntity(<EntityRunbooksCard />, {
      entity: componentEntity,
      runbooksApi: mockRunbooksApi(targetsStatus(true), {
        getRunbooks: jest.fn(async () => {
          throw new Error('Request failed with 503');
        }),
      }),
    });
    expect(
      await screen.findByRole('link', { name: 'Service down' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/runbook/identity-service-down?entity=component%3Adefault%2Fidentity-service',
    );
    expect(
      screen.getByText(
        /Which alerts fire could not be read \(Request failed with 503\)/,
      ),
    ).toBeInTheDocument();
  });

  it('marks runbooks the catalog does not have', async () => {
    await renderWithEntity(<EntityRunbooksCard />, {
      entity: componentEntity,
      entities: [],
    });
    expect(
      await screen.findByText('(not found in the catalog)'),
    ).toBeInTheDocument();
  });
});
