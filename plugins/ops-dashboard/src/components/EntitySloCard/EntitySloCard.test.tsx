import { screen } from '@testing-library/react';
import { componentEntity } from '../../__testUtils__/fixtures';
import { mockOpsApi, opsStatus } from '../../__testUtils__/opsStatus';
import { renderWithEntity } from '../../__testUtils__/render';
import { EntitySloCard } from './EntitySloCard';

describe('EntitySloCard', () => {
  it('lists the SLOs that measure the entity with their targets', async () => {
    renderWithEntity(<EntitySloCard />, {
      entity: componentEntity,
      opsApi: mockOpsApi(opsStatus(true)),
    });
    expect(await screen.findByText('99.9%')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /identity-availability/ }),
    ).toHaveAttribute('href', '/catalog/default/slo/identity-availability');
    expect(
      screen.getByText('Identity service availability'),
    ).toBeInTheDocument();
    expect(screen.getByText('Rolling 30 days')).toBeInTheDocument();
    expect(screen.getByText('0.1% / 43.2 min')).toBeInTheDocument();
    expect(
      await screen.findByText(
        /Live SLO evaluation .* arrives in a later version of Unyo/,
      ),
    ).toBeInTheDocument();
  });

  it('marks SLOs the catalog does not have', async () => {
    renderWithEntity(<EntitySloCard />, {
      entity: componentEntity,
      entities: [],
    });
    expect(
      await screen.findByText('(not found in the catalog)'),
    ).toBeInTheDocument();
  });
});
