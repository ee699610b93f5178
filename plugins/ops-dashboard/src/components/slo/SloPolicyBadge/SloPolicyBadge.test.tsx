import { screen } from '@testing-library/react';
import { backupPolicyEntity } from '../../../__testUtils__/fixtures';
import { renderWithEntity } from '../../../__testUtils__/render';
import { SloPolicyBadge } from './SloPolicyBadge';

describe('SloPolicyBadge', () => {
  it("states the SLO's own policy bands, not a fixed one", async () => {
    renderWithEntity(
      <SloPolicyBadge
        policy="feature-freeze"
        policySet={{
          name: 'strict',
          featureFreezeBelow: 0.7,
          incidentOnlyBelow: 0.3,
        }}
      />,
      { entity: backupPolicyEntity },
    );
    expect(
      await screen.findByLabelText(
        'Policy "strict": feature freeze at 70 % of the budget or less, incidents only below 30 %',
      ),
    ).toBeInTheDocument();
  });
});
