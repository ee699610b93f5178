import { screen } from '@testing-library/react';
import {
  componentEntity,
  resourceEntity,
} from '../../../__testUtils__/fixtures';
import { mockOpsApi } from '../../../__testUtils__/opsStatus';
import { renderWithEntity } from '../../../__testUtils__/render';
import { EntityOpsContent } from './EntityOpsContent';

describe('EntityOpsContent', () => {
  it('lists SLOs and runbooks of a component and says what is missing', async () => {
    renderWithEntity(<EntityOpsContent />, { entity: componentEntity });
    expect(await screen.findByText('99.9%')).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: /Service down/ }),
    ).toHaveAttribute('href', '/catalog/default/runbook/identity-service-down');
    expect(screen.getByText('サービス停止')).toBeInTheDocument();
    expect(screen.getByText('critical')).toBeInTheDocument();
    expect(screen.getByText('ServiceDown')).toBeInTheDocument();
    expect(
      screen.getByText(/No backup policy in the catalog protects this entity/),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(
        'Live SLO status is not available: no Prometheus server is configured (ops.prometheus.servers).',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Firing alerts are not shown: no Alertmanager server is configured (ops.alertmanager.servers).',
      ),
    ).toBeInTheDocument();
  });

  it('lists the backup policies of a resource', async () => {
    renderWithEntity(<EntityOpsContent />, { entity: resourceEntity });
    expect(
      await screen.findByRole('link', {
        name: /event-store-backups|Event store/,
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('1h')).toBeInTheDocument();
    expect(screen.getByText('daily-dump · full · s3 · 1d')).toBeInTheDocument();
    expect(
      await screen.findByText(
        'No backup source connection is configured (ops.backups.sources): targets that need one show as unknown. Pushed reports and Prometheus sources still work.',
      ),
    ).toBeInTheDocument();
  });

  it('shows a warning, not a blank panel, when the ops backend fails', async () => {
    renderWithEntity(<EntityOpsContent />, {
      entity: componentEntity,
      opsApi: mockOpsApi(new Error('Request failed with 404 Not Found')),
    });
    expect(
      (await screen.findAllByText(/The ops backend could not be reached/))
        .length,
    ).toBeGreaterThan(0);
  });
});
