import { screen } from '@testing-library/react';
import { backupPolicyEntity, sliEntity } from '../../../__testUtils__/fixtures';
import { renderWithEntity } from '../../../__testUtils__/render';
import { EntityOpsRelationsCard } from './EntityOpsRelationsCard';

describe('EntityOpsRelationsCard', () => {
  it('lists owner and protected entities as links', async () => {
    renderWithEntity(<EntityOpsRelationsCard />, {
      entity: backupPolicyEntity,
    });
    expect(await screen.findByText('Owner')).toBeInTheDocument();
    expect(screen.getByText('Protects')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /platform/ })).toHaveAttribute(
      'href',
      '/catalog/default/group/platform',
    );
    expect(
      screen.getByRole('link', { name: /event-store-db/ }),
    ).toHaveAttribute('href', '/catalog/default/resource/event-store-db');
  });

  it('says when there are no relations', async () => {
    renderWithEntity(<EntityOpsRelationsCard />, { entity: sliEntity });
    expect(
      await screen.findByText('This entity has no relations in the catalog.'),
    ).toBeInTheDocument();
  });
});
