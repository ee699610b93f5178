import { screen } from '@testing-library/react';
import { componentEntity } from '../../__testUtils__/fixtures';
import { renderWithEntity } from '../../__testUtils__/render';
import { EntityRunbooksCard } from './EntityRunbooksCard';

describe('EntityRunbooksCard', () => {
  it('lists the runbooks of an entity with severity and alerts', async () => {
    renderWithEntity(<EntityRunbooksCard />, { entity: componentEntity });
    expect(
      await screen.findByRole('link', { name: /Service down/ }),
    ).toHaveAttribute('href', '/catalog/default/runbook/identity-service-down');
    expect(screen.getByText('サービス停止')).toBeInTheDocument();
    expect(screen.getByText('critical')).toBeInTheDocument();
    expect(screen.getByText('ServiceDown')).toBeInTheDocument();
    expect(screen.getByText('2')).toBeInTheDocument();
  });

  it('marks runbooks the catalog does not have', async () => {
    renderWithEntity(<EntityRunbooksCard />, {
      entity: componentEntity,
      entities: [],
    });
    expect(
      await screen.findByText('(not found in the catalog)'),
    ).toBeInTheDocument();
  });
});
