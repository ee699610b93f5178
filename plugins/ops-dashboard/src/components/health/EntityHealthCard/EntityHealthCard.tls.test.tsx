import { Entity } from '@backstage/catalog-model';
import { screen, within } from '@testing-library/react';
import type { HealthStatus } from '@unyo/plugin-ops-common';
import { japaneseTranslationApi } from '../../../__testUtils__/japanese';
import { mockOpsApi, opsStatus } from '../../../__testUtils__/opsStatus';
import { renderWithEntity } from '../../../__testUtils__/render';
import { opsDashboardTranslationRef } from '../../../translation';
import ja from '../../../translations/ja';
import { EntityHealthCard } from './EntityHealthCard';

const URL_API = 'tls://api.shiojiri-rainbow.app:443';
const URL_MAIL = 'smtp+starttls://mail.example.com:587';
const NOT_AFTER = '2026-12-11T12:00:00.000Z';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'rainbow-api',
    namespace: 'default',
    annotations: { 'unyo.dev/health-url': `${URL_API},${URL_MAIL}` },
  },
  spec: { type: 'service', owner: 'group:default/sre', lifecycle: 'prod' },
};

const base = {
  latencyMs: 40,
  checks: [],
  checkedAt: new Date().toISOString(),
  since: new Date().toISOString(),
  uptime: { '24h': 1, '7d': 1 },
  probed: true,
};

const items: HealthStatus[] = [
  {
    ...base,
    url: URL_API,
    status: 'down',
    message: 'Certificate expires in 5 days',
    history: Array.from({ length: 96 }, (_, i) => ({
      t: new Date(Date.now() - (95 - i) * 15 * 60_000).toISOString(),
      status: i < 48 ? 'degraded' : 'down',
      latencyMs: 40,
      probes: 30,
    })),
    certificate: {
      state: 'critical',
      daysLeft: 5,
      notBefore: '2026-09-12T12:00:00.000Z',
      notAfter: NOT_AFTER,
      issuer: "CN=R11, O=Let's Encrypt, C=US",
      subject: 'CN=api.shiojiri-rainbow.app',
      names: ['api.shiojiri-rainbow.app'],
      nameMatches: true,
      chainVerified: true,
    },
  },
  {
    ...base,
    url: URL_MAIL,
    status: 'down',
    message:
      'Certificate expired 3 days ago; Certificate name mismatch: not valid for mail.example.com',
    certificate: {
      state: 'critical',
      daysLeft: -4,
      notBefore: '2026-01-01T00:00:00.000Z',
      notAfter: '2026-12-02T12:00:00.000Z',
      issuer: 'CN=Internal CA',
      subject: 'CN=other.example.com',
      names: ['other.example.com'],
      nameMatches: false,
      chainVerified: false,
      chainError: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    },
  },
];

describe('EntityHealthCard with TLS endpoints', () => {
  it('shows days left, expiry date, issuer, names and the name check', async () => {
    const opsApi = mockOpsApi(opsStatus(true), {
      health: { 'component:default/rainbow-api': items },
    });
    renderWithEntity(<EntityHealthCard />, { entity, opsApi });

    const api = await screen.findByRole('region', {
      name: `Certificate of ${URL_API}`,
    });
    expect(
      within(api).getByText('Certificate critical: 5 days left'),
    ).toBeInTheDocument();
    const facts = within(api)
      .getAllByRole('definition')
      .map(d => d.textContent);
    expect(facts).toEqual([
      new Date(NOT_AFTER).toLocaleDateString(),
      "CN=R11, O=Let's Encrypt, C=US",
      'api.shiojiri-rainbow.app',
      'valid for this host',
      'verified',
    ]);
    // the strip colours the critical hours as down
    expect(
      screen.getByRole('img', {
        name: `Last 24 hours of ${URL_API}: 0 up, 48 degraded, 48 down, 0 without data`,
      }),
    ).toBeInTheDocument();

    const mail = screen.getByRole('region', {
      name: `Certificate of ${URL_MAIL}`,
    });
    expect(
      within(mail).getByText('Certificate critical: expired 3 days ago'),
    ).toBeInTheDocument();
    expect(
      within(mail).getByText('name mismatch: not valid for this host'),
    ).toBeInTheDocument();
    expect(
      within(mail).getByText(
        'not verified (UNABLE_TO_GET_ISSUER_CERT_LOCALLY)',
      ),
    ).toBeInTheDocument();
  });

  it('speaks Japanese', async () => {
    const opsApi = mockOpsApi(opsStatus(true), {
      health: { 'component:default/rainbow-api': items },
    });
    renderWithEntity(<EntityHealthCard />, {
      entity,
      opsApi,
      translationApi: japaneseTranslationApi(opsDashboardTranslationRef, ja),
    });
    expect(
      await screen.findByText('証明書 危険: 残り 5 日'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('名前の不一致: このホストには無効'),
    ).toBeInTheDocument();
  });
});
