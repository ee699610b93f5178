import { screen, within } from '@testing-library/react';
import type { BackupStatus } from '@unyo/plugin-ops-common';
import {
  backupPolicyEntity,
  componentEntity,
  resourceEntity,
} from '../../../__testUtils__/fixtures';
import { japaneseTranslationApi } from '../../../__testUtils__/japanese';
import { mockOpsApi, opsStatus } from '../../../__testUtils__/opsStatus';
import { renderWithEntity } from '../../../__testUtils__/render';
import { OpsApiError } from '../../../api';
import { opsDashboardTranslationRef } from '../../../translation';
import ja from '../../../translations/ja';
import { EntityBackupsCard } from './EntityBackupsCard';

const POLICY = 'backuppolicy:default/event-store-backups';
const RESOURCE = 'resource:default/event-store-db';
const iso = (secondsFromNow: number) =>
  new Date(Date.now() + secondsFromNow * 1000).toISOString();

function status(overrides: Partial<BackupStatus>): BackupStatus {
  return {
    policyRef: POLICY,
    target: 'daily-dump',
    type: 'full',
    source: { type: 's3', connection: 'demo-s3' },
    lastSuccessAt: iso(-1800),
    ageSeconds: 1800,
    rpoSeconds: 3600,
    rtoSeconds: 14400,
    status: 'ok',
    retention: { expected: 168, found: 168 },
    lastRestoreTestAt: null,
    nextDueAt: iso(1800),
    checkedAt: iso(-30),
    protects: [RESOURCE],
    ...overrides,
  };
}

/** Hourly dump within the RPO, a WAL archive 2.5 h old, and a restore drill. */
function items(): BackupStatus[] {
  return [
    status({}),
    status({
      target: 'wal',
      type: 'wal',
      source: { type: 'postgres-wal', connection: 'demo-postgres' },
      lastSuccessAt: iso(-9000),
      ageSeconds: 9000,
      status: 'breached',
      retention: { expected: null, found: null },
      nextDueAt: iso(-5400),
      message: 'The newest archived WAL segment is 2.5 h old (RPO 1 h).',
    }),
    status({
      target: 'nightly',
      lastSuccessAt: iso(-5 * 3600),
      ageSeconds: 5 * 3600,
      rpoSeconds: 86400,
      policyRpoSeconds: 3600,
      retention: { expected: 7, found: 7 },
      nextDueAt: iso(19 * 3600),
    }),
    status({
      target: 'restore-test',
      type: undefined,
      source: { type: 'push' },
      lastSuccessAt: iso(-12 * 86400),
      ageSeconds: 12 * 86400,
      rpoSeconds: 30 * 86400,
      retention: { expected: null, found: null },
      lastRestoreTestAt: iso(-12 * 86400),
      lastRestoreTest: {
        at: iso(-12 * 86400),
        durationSeconds: 2520,
        status: 'succeeded',
        withinRto: true,
      },
      nextDueAt: iso(18 * 86400),
    }),
  ];
}

function api(backups: BackupStatus[] | Error, configured = true) {
  return mockOpsApi(opsStatus(configured), {
    backups: { [RESOURCE]: backups },
  });
}

function row(target: string) {
  return screen
    .getAllByTestId('backup-row')
    .find(
      r =>
        r.getAttribute('data-policy') === POLICY &&
        r.getAttribute('data-target') === target,
    )!;
}

describe('EntityBackupsCard', () => {
  it('shows each target with its state, age against the RPO and copies', async () => {
    const opsApi = api(items());
    await renderWithEntity(<EntityBackupsCard />, {
      entity: resourceEntity,
      opsApi,
    });
    expect(
      await screen.findByRole('link', { name: /Event store: pg_dump to S3/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/backuppolicy/event-store-backups',
    );
    expect(
      screen.getByText('イベントストアのバックアップ · RPO 1 h · RTO 4 h'),
    ).toBeInTheDocument();

    const dump = row('daily-dump');
    expect(within(dump).getByTestId('backup-state')).toHaveTextContent('OK');
    expect(within(dump).getByText('full · s3 · demo-s3')).toBeInTheDocument();
    expect(within(dump).getByText('30 min ago')).toBeInTheDocument();
    expect(
      within(dump).getByRole('progressbar', {
        name: 'Age 30 min of RPO 1 h',
      }),
    ).toHaveAttribute('aria-valuenow', '50');
    expect(within(dump).getByText('168 / 168 copies kept')).toBeInTheDocument();
    expect(within(dump).getByText('next in 30 min')).toBeInTheDocument();

    const wal = row('wal');
    expect(within(wal).getByTestId('backup-state')).toHaveTextContent(
      'RPO breached',
    );
    const bar = within(wal).getByRole('progressbar', {
      name: 'Age 2.5 h of RPO 1 h',
    });
    // Over the RPO: a full red bar and the factor.
    expect(bar).toHaveAttribute('aria-valuenow', '100');
    expect(bar).toHaveAttribute('data-tone', 'error');
    expect(within(wal).getByText(/2\.5× the RPO/)).toBeInTheDocument();
    expect(within(wal).getByText('overdue by 90 min')).toBeInTheDocument();
    expect(
      within(wal).getByText('copies cannot be counted'),
    ).toBeInTheDocument();

    // A daily dump under the 1 h RPO is held to its schedule interval.
    const daily = row('nightly');
    expect(
      within(daily).getByRole('progressbar', {
        name: 'Age 5 h of the 1 d schedule interval',
      }),
    ).toHaveAttribute('aria-valuenow', String(Math.round((5 / 24) * 100)));
    expect(
      within(daily).getByText(
        '5 h / every 1 d (held to its schedule; policy RPO 1 h)',
      ),
    ).toBeInTheDocument();

    const drill = row('restore-test');
    expect(within(drill).getByText('Restore test')).toBeInTheDocument();
    expect(within(drill).getByText('last drill 12 d ago')).toBeInTheDocument();
    expect(
      within(drill).getByText('took 42 min / RTO 4 h'),
    ).toBeInTheDocument();
    expect(within(drill).getByText('within RTO')).toBeInTheDocument();
    expect(within(drill).getByText('next in 18 d')).toBeInTheDocument();
    expect(opsApi.getBackups).toHaveBeenCalledWith(RESOURCE);
  });

  it('shows a source error with the last good figures and their age', async () => {
    await renderWithEntity(<EntityBackupsCard />, {
      entity: resourceEntity,
      opsApi: api([
        status({
          status: 'late',
          ageSeconds: 3000,
          lastSuccessAt: iso(-3000),
          checkedAt: iso(-720),
          staleSeconds: 720,
          sourceError: 'S3 demo-s3: connect ECONNREFUSED 127.0.0.1:18090',
        }),
      ]),
    });
    const dump = await screen.findByTestId('backup-row');
    expect(
      within(dump).getByText(
        'last read 12 min ago: S3 demo-s3: connect ECONNREFUSED 127.0.0.1:18090',
      ),
    ).toBeInTheDocument();
    expect(within(dump).getByTestId('backup-state')).toHaveTextContent('Late');
    // The last good reading stays visible.
    expect(within(dump).getByText('50 min ago')).toBeInTheDocument();
    expect(
      within(dump).getByRole('progressbar', { name: 'Age 50 min of RPO 1 h' }),
    ).toHaveAttribute('data-tone', 'warning');
  });

  it('says which key is missing and keeps the catalog declaration when the backend has none', async () => {
    await renderWithEntity(<EntityBackupsCard />, {
      entity: resourceEntity,
      opsApi: api([], false),
    });
    expect(
      await screen.findByText(
        'No backup source connection is configured (ops.backups.sources): targets that need one show as unknown. Pushed reports and Prometheus sources still work.',
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(
        'Declared in the catalog; the ops backend returned no live status for these policies:',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('daily-dump · full · s3 · 1d')).toBeInTheDocument();
  });

  it('states that nothing protects an entity, and API errors', async () => {
    const { unmount } = await renderWithEntity(<EntityBackupsCard />, {
      entity: componentEntity,
      opsApi: api([]),
    });
    expect(
      await screen.findByText(
        'No backup policy protects this entity. A BackupPolicy names it in spec.protects.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    unmount();

    await renderWithEntity(<EntityBackupsCard />, {
      entity: resourceEntity,
      opsApi: api(new OpsApiError('entityRef must be an entity ref', 400)),
    });
    expect(
      await screen.findByText(
        'Backup status could not be loaded: entityRef must be an entity ref',
      ),
    ).toBeInTheDocument();
  });

  it('shows a policy its own targets on its page', async () => {
    const opsApi = mockOpsApi(opsStatus(true), {
      backups: { [POLICY]: [status({ status: 'failing' })] },
    });
    await renderWithEntity(<EntityBackupsCard />, {
      entity: backupPolicyEntity,
      opsApi,
    });
    const dump = await screen.findByTestId('backup-row');
    expect(within(dump).getByTestId('backup-state')).toHaveTextContent(
      'Failing',
    );
    expect(opsApi.getBackups).toHaveBeenCalledWith(POLICY);
  });

  it('speaks Japanese', async () => {
    await renderWithEntity(<EntityBackupsCard />, {
      entity: resourceEntity,
      opsApi: api(items()),
      translationApi: japaneseTranslationApi(opsDashboardTranslationRef, ja),
    });
    await screen.findAllByTestId('backup-row');
    expect(within(row('wal')).getByTestId('backup-state')).toHaveTextContent(
      'RPO 超過',
    );
    expect(
      within(row('daily-dump')).getByText('次回 30 分後'),
    ).toBeInTheDocument();
    expect(
      within(row('restore-test')).getByText('リストアテスト'),
    ).toBeInTheDocument();
    expect(screen.getByText('最終成功')).toBeInTheDocument();
  });
});
