import { screen, within } from '@testing-library/react';
import { componentEntity } from '../../../__testUtils__/fixtures';
import { japaneseTranslationApi } from '../../../__testUtils__/japanese';
import { mockOpsApi, opsStatus } from '../../../__testUtils__/opsStatus';
import { renderWithEntity } from '../../../__testUtils__/render';
import {
  errorStatus,
  exhaustedStatus,
  featureFreezeStatus,
  noDataStatus,
} from '../../../__testUtils__/sloStatus';
import { opsDashboardTranslationRef } from '../../../translation';
import ja from '../../../translations/ja';
import { EntitySloCard } from './EntitySloCard';

describe('EntitySloCard', () => {
  it('shows the live figures of an SLO', async () => {
    const opsApi = mockOpsApi(opsStatus(true), {
      slos: [featureFreezeStatus()],
    });
    renderWithEntity(<EntitySloCard />, { entity: componentEntity, opsApi });

    expect(
      await screen.findByRole('link', {
        name: 'Identity service availability',
      }),
    ).toHaveAttribute('href', '/catalog/default/slo/identity-availability');
    expect(opsApi.getSlos).toHaveBeenCalledWith(
      'component:default/identity-service',
    );
    expect(screen.getByText('Rolling 30 days')).toBeInTheDocument();
    expect(screen.getByText('99.93 % / 99.9 %')).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: 'Error budget left: 30 %' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Feature freeze: reliability work first'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Page: burning faster than 14.4× over 1h and 5m'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/^Ticket:/)).not.toBeInTheDocument();
    const rates = within(screen.getByRole('list', { name: 'Burn rate' }));
    expect(rates.getAllByRole('listitem').map(li => li.textContent)).toEqual([
      '5m 20×',
      '30m 16.5×',
      '1h 15×',
      '2h 9.2×',
      '6h 4.1×',
      '1d 1.6×',
      '3d 0.85×',
    ]);
    expect(
      screen.getByText('Budget used up in 14.4 h at the current burn rate'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Allowed downtime: 43.2 min / 30 days at 99.9 %'),
    ).toBeInTheDocument();
    expect(screen.getByText('Evaluated 2 min ago')).toBeInTheDocument();
    // every declared SLO is live: no catalog-only table
    expect(screen.queryByText(/Declared in the catalog/)).toBeNull();
  });

  it('shows an exhausted budget unclamped, with a full red gauge', async () => {
    renderWithEntity(<EntitySloCard />, {
      entity: componentEntity,
      opsApi: mockOpsApi(opsStatus(true), { slos: [exhaustedStatus()] }),
    });
    expect(await screen.findByText('−15.7 %')).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: 'Error budget left: −15.7 %' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Budget exhausted: change freeze'),
    ).toBeInTheDocument();
    expect(screen.getByText('99.88 % / 99.9 %')).toBeInTheDocument();
    expect(screen.queryByText(/Budget used up in/)).toBeNull();
    // the coloured ring is full
    const gauge = screen.getByRole('img', { name: /Error budget left/ });
    const rings = gauge.querySelectorAll('[role="progressbar"]');
    expect(rings[1]).toHaveAttribute('aria-valuenow', '100');
  });

  it('says there was no traffic instead of showing 100 %', async () => {
    renderWithEntity(<EntitySloCard />, {
      entity: componentEntity,
      opsApi: mockOpsApi(opsStatus(true), { slos: [noDataStatus()] }),
    });
    expect(
      await screen.findByText(
        'No traffic in the window (30 days): there is no SLI yet, which is not the same as 100 %.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/100 %$/)).toBeNull();
    expect(screen.queryByRole('img', { name: /Error budget left/ })).toBeNull();
  });

  it('shows the error with the last good values and their age', async () => {
    renderWithEntity(<EntitySloCard />, {
      entity: componentEntity,
      opsApi: mockOpsApi(opsStatus(true), { slos: [errorStatus()] }),
    });
    expect(
      await screen.findByText(
        'Prometheus unreachable — showing values from 12 min ago',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('99.93 % / 99.9 %')).toBeInTheDocument();
    expect(screen.getByText('30 %')).toBeInTheDocument();
  });

  it('lists declared SLOs the backend does not return as declared', async () => {
    renderWithEntity(<EntitySloCard />, {
      entity: componentEntity,
      opsApi: mockOpsApi(opsStatus(true), { slos: [] }),
    });
    expect(
      await screen.findByText(/Declared in the catalog; the ops backend/),
    ).toBeInTheDocument();
    expect(screen.getByText('99.9%')).toBeInTheDocument();
    expect(screen.getByText('0.1% / 43.2 min')).toBeInTheDocument();
  });

  it('shows the backend error and still the declared SLOs', async () => {
    renderWithEntity(<EntitySloCard />, {
      entity: componentEntity,
      opsApi: mockOpsApi(opsStatus(true), {
        slos: new Error('entityRef must be an entity reference'),
      }),
    });
    expect(
      await screen.findByText(
        'Live SLO status could not be loaded: entityRef must be an entity reference. The SLOs below are what the catalog declares.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('99.9%')).toBeInTheDocument();
  });

  it('names the missing configuration key without Prometheus', async () => {
    renderWithEntity(<EntitySloCard />, {
      entity: componentEntity,
      opsApi: mockOpsApi(opsStatus(false)),
    });
    expect(
      await screen.findByText(
        'Live SLO status is not available: no Prometheus server is configured (ops.prometheus.servers).',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('99.9%')).toBeInTheDocument();
  });

  it('speaks Japanese when the app language is ja', async () => {
    renderWithEntity(<EntitySloCard />, {
      entity: componentEntity,
      opsApi: mockOpsApi(opsStatus(true), { slos: [featureFreezeStatus()] }),
      translationApi: japaneseTranslationApi(opsDashboardTranslationRef, ja),
    });
    expect(
      await screen.findByText('機能開発凍結: 信頼性の作業を優先'),
    ).toBeInTheDocument();
    expect(screen.getByText('99.93% / 99.9%')).toBeInTheDocument();
    expect(screen.getByText('バジェット残')).toBeInTheDocument();
    expect(
      screen.getByText('ページ: 1h と 5m のバーンレートが 14.4× を超過'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('許容ダウンタイム: 30 日 あたり 43.2 分 (99.9% の場合)'),
    ).toBeInTheDocument();
    expect(screen.getByText('2 分前に評価')).toBeInTheDocument();
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
