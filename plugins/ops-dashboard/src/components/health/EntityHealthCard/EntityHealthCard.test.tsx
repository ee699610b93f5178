import { Entity } from '@backstage/catalog-model';
import { screen, within } from '@testing-library/react';
import type { HealthStatus } from '@unyo/plugin-ops-common';
import { japaneseTranslationApi } from '../../../__testUtils__/japanese';
import { mockOpsApi, opsStatus } from '../../../__testUtils__/opsStatus';
import { renderWithEntity } from '../../../__testUtils__/render';
import { opsDashboardTranslationRef } from '../../../translation';
import ja from '../../../translations/ja';
import { EntityHealthCard } from './EntityHealthCard';

const URL_LIVE = 'http://127.0.0.1:18041/health/live';
const URL_READY = 'http://127.0.0.1:18041/health/ready';
const URL_OFF = 'http://10.0.0.7/health';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'mairust-smtp',
    namespace: 'default',
    annotations: {
      'unyo.dev/health-url': [URL_LIVE, URL_READY, URL_OFF].join(','),
    },
  },
  spec: { type: 'service', owner: 'group:default/sre', lifecycle: 'prod' },
};

const minutesAgo = (m: number) =>
  new Date(Date.now() - m * 60_000).toISOString();

/** 96 buckets: the oldest 4 without data, one down, the rest as given. */
function strip(state: HealthStatus['status']) {
  return Array.from({ length: 96 }, (_, i) => {
    let status = state;
    if (i < 4) status = 'unknown';
    if (i === 50) status = 'down';
    return {
      t: new Date(Date.now() - (95 - i) * 15 * 60_000).toISOString(),
      status,
      latencyMs: i < 4 ? null : 12,
      probes: i < 4 ? 0 : 30,
    };
  });
}

const items: HealthStatus[] = [
  {
    url: URL_LIVE,
    status: 'up',
    latencyMs: 12,
    checks: [],
    checkedAt: minutesAgo(0.1),
    since: minutesAgo(180),
    uptime: { '24h': 0.99, '7d': 0.9987 },
    probed: true,
    history: strip('up'),
  },
  {
    url: URL_READY,
    status: 'degraded',
    latencyMs: 48,
    checks: [
      { name: 'database', status: 'up', detail: 'latency_ms: 5' },
      { name: 'queue', status: 'degraded', detail: 'length: 18500' },
    ],
    checkedAt: minutesAgo(0.1),
    since: minutesAgo(30),
    uptime: { '24h': 1, '7d': 1 },
    probed: true,
    history: strip('degraded'),
  },
  {
    url: URL_OFF,
    status: 'unknown',
    latencyMs: null,
    checks: [],
    checkedAt: null,
    since: null,
    uptime: { '24h': null, '7d': null },
    probed: false,
    message: 'Not probed: host 10.0.0.7 is not in ops.health.allowedHosts',
  },
];

describe('EntityHealthCard', () => {
  it('shows one row per endpoint and per dependency, with the strip', async () => {
    const opsApi = mockOpsApi(opsStatus(true), {
      health: { 'component:default/mairust-smtp': items },
    });
    renderWithEntity(<EntityHealthCard />, { entity, opsApi });

    const endpoints = await screen.findByRole('list', {
      name: 'Health endpoints',
    });
    expect(opsApi.getHealth).toHaveBeenCalledWith(
      'component:default/mairust-smtp',
    );
    const live = within(endpoints).getByRole('listitem', { name: URL_LIVE });
    expect(
      within(live).getByText('Up', { selector: 'span' }),
    ).toBeInTheDocument();
    expect(
      within(live).getByText(
        '12 ms · for 3 h · checked just now · Uptime 24 h 99 % · 7 d 99.87 %',
      ),
    ).toBeInTheDocument();
    expect(
      within(live).getByRole('img', {
        name: `Last 24 hours of ${URL_LIVE}: 91 up, 0 degraded, 1 down, 4 without data`,
      }),
    ).toBeInTheDocument();

    const ready = within(endpoints).getByRole('listitem', { name: URL_READY });
    // the endpoint's own status is a word; its dependencies' are icon titles
    expect(
      within(ready).getByText('Degraded', { selector: 'span' }),
    ).toBeInTheDocument();
    const checks = within(ready).getByRole('list', {
      name: `Dependencies of ${URL_READY}`,
    });
    const rows = within(checks).getAllByRole('listitem');
    expect(rows.map(r => r.textContent)).toEqual([
      // the icon's title, the name, the detail
      'Up' + 'database' + 'latency_ms: 5',
      'Degraded' + 'queue' + 'length: 18500',
    ]);
    // each dependency's icon is named by its status
    expect(within(rows[0]).getByTitle('Up')).toBeInTheDocument();
    expect(within(rows[1]).getByTitle('Degraded')).toBeInTheDocument();

    const off = within(endpoints).getByRole('listitem', { name: URL_OFF });
    expect(
      within(off).getByText('Unknown', { selector: 'span' }),
    ).toBeInTheDocument();
    expect(
      within(off).getByText(
        'Not probed: host 10.0.0.7 is not in ops.health.allowedHosts',
      ),
    ).toBeInTheDocument();
    expect(within(off).queryByRole('img')).toBeNull();
  });

  it('says how to declare endpoints when the entity has none', async () => {
    const bare = { ...entity, metadata: { name: 'x', namespace: 'default' } };
    const opsApi = mockOpsApi(opsStatus(true));
    renderWithEntity(<EntityHealthCard />, { entity: bare, opsApi });
    expect(
      await screen.findByText(/add the annotation unyo.dev\/health-url/),
    ).toBeInTheDocument();
  });

  it('shows a backend error instead of crashing', async () => {
    const opsApi = mockOpsApi(opsStatus(true), {
      health: { 'component:default/mairust-smtp': new Error('boom') },
    });
    renderWithEntity(<EntityHealthCard />, { entity, opsApi });
    expect(
      await screen.findByText('Health could not be loaded: boom'),
    ).toBeInTheDocument();
  });

  it('speaks Japanese', async () => {
    const opsApi = mockOpsApi(opsStatus(true), {
      health: { 'component:default/mairust-smtp': items },
    });
    renderWithEntity(<EntityHealthCard />, {
      entity,
      opsApi,
      translationApi: japaneseTranslationApi(opsDashboardTranslationRef, ja),
    });
    expect(await screen.findByText('ヘルス')).toBeInTheDocument();
    expect(
      await screen.findByText('正常', { selector: 'span' }),
    ).toBeInTheDocument();
    expect(screen.getByText('低下', { selector: 'span' })).toBeInTheDocument();
    expect(screen.getByText('不明', { selector: 'span' })).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: `${URL_READY} の過去 24 時間: 正常 0、低下 91、停止 1、データなし 4`,
      }),
    ).toBeInTheDocument();
  });
});
