import { Entity } from '@backstage/catalog-model';
import { screen, within } from '@testing-library/react';
import type { SloStatus } from '@unyo/plugin-ops-common';
import { japaneseTranslationApi } from '../../../__testUtils__/japanese';
import { mockOpsApi, opsStatus } from '../../../__testUtils__/opsStatus';
import { renderWithEntity } from '../../../__testUtils__/render';
import { opsDashboardTranslationRef } from '../../../translation';
import ja from '../../../translations/ja';
import { EntityJourneysCard } from './EntityJourneysCard';

const shopSystem: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'shop', namespace: 'default' },
  spec: { owner: 'group:default/shop' },
  relations: [
    { type: 'hasJourney', targetRef: 'compositeslo:default/checkout' },
    { type: 'hasJourney', targetRef: 'compositeslo:default/browse' },
    { type: 'hasJourney', targetRef: 'compositeslo:default/sign-up' },
  ],
};

function journey(
  name: string,
  title: string,
  status: Partial<SloStatus>,
): SloStatus {
  return {
    ref: `compositeslo:default/${name}`,
    entityRef: 'system:default/shop',
    title,
    target: 0.995,
    window: { duration: '30d', calendar: false },
    budgetingMethod: 'Occurrences',
    state: 'ok',
    evaluatedAt: new Date().toISOString(),
    ...status,
  };
}

/** Checkout at 35 % budget left (feature freeze), browse at 80 %, sign-up failing. */
const journeys = [
  journey('browse', 'Browse the catalogue', {
    sli: { good: 3.996, total: 4, ratio: 0.999 },
    errorBudget: {
      total: 0.02,
      consumed: 0.004,
      consumedRatio: 0.2,
      remainingRatio: 0.8,
    },
    policy: 'normal',
  }),
  journey('checkout', 'Checkout', {
    sli: { good: 3.987, total: 4, ratio: 0.99675 },
    errorBudget: {
      total: 0.02,
      consumed: 0.013,
      consumedRatio: 0.65,
      remainingRatio: 0.35,
    },
    policy: 'feature-freeze',
  }),
  journey('sign-up', 'Sign up', {
    state: 'error',
    message:
      'spec.components[0].slo "slo:default/identity-weekly" uses a rolling 7d window, the journey a rolling 30d one: components must use the journey\'s window',
  }),
];

describe('EntityJourneysCard', () => {
  it('lists the journeys and gives the worst one as the system budget', async () => {
    const opsApi = mockOpsApi(opsStatus(true), { journeys });
    renderWithEntity(<EntityJourneysCard />, { entity: shopSystem, opsApi });

    expect(
      await screen.findByRole('link', { name: 'Checkout' }),
    ).toHaveAttribute('href', '/catalog/default/compositeslo/checkout');
    expect(opsApi.getJourneys).toHaveBeenCalledWith('system:default/shop');

    const rows = within(
      screen.getByRole('table', { name: 'User journeys' }),
    ).getAllByRole('row');
    expect(rows.map(r => r.textContent)).toEqual([
      'JourneySLI / targetBudget leftPolicy',
      'Browse the catalogue99.9 % / 99.5 %80 %Normal: ship features',
      'Checkout99.67 % / 99.5 %35 %Feature freeze: reliability work first',
      'Sign upspec.components[0].slo "slo:default/identity-weekly" uses a rolling 7d window, the journey a rolling 30d one: components must use the journey\'s window— / 99.5 %——',
    ]);
    expect(screen.getByText('System budget')).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: 'Error budget left: 35 %' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'The budget left of the worst journey (Checkout): a system is as reliable as its least reliable journey.',
      ),
    ).toBeInTheDocument();
  });

  it('says when no journey belongs to the entity', async () => {
    renderWithEntity(<EntityJourneysCard />, {
      entity: shopSystem,
      opsApi: mockOpsApi(opsStatus(true), { journeys: [] }),
    });
    expect(
      await screen.findByText(
        'No journey (CompositeSLO) belongs to this entity.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('System budget')).toBeNull();
  });

  it('speaks Japanese when the app language is ja', async () => {
    renderWithEntity(<EntityJourneysCard />, {
      entity: shopSystem,
      opsApi: mockOpsApi(opsStatus(true), { journeys }),
      translationApi: japaneseTranslationApi(opsDashboardTranslationRef, ja),
    });
    expect(await screen.findByText('ユーザージャーニー')).toBeInTheDocument();
    expect(await screen.findByText('システムのバジェット')).toBeInTheDocument();
    expect(
      screen.getByText(
        '最も悪いジャーニー (Checkout) のバジェット残: システムの信頼性は最も信頼性の低いジャーニーで決まります。',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('99.67% / 99.5%')).toBeInTheDocument();
  });
});
