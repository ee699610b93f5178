import { expect, test } from '@playwright/test';
import {
  apiGetJson,
  entityQuery,
  openEntity,
  requireDemo,
  signIn,
} from './support';

// The backups card on a seed database and the coverage card on its system,
// against the demo portal: the elixir-cqrs dumps are read from the demo's
// s3rver (scripts/demo/up.sh; packages/demo-data/src/backups/plan.ts fixes
// the files: the query-DB dump stopped over 3 h ago, so its 1 h RPO is
// breached) and the restore drill is pushed by
// scripts/demo/push-backup-reports.sh. What the card shows must be what
// GET /api/ops/backups reports.
const RESOURCE = 'resource:default/elixir-cqrs-event-store-db';
const SYSTEM = 'system:default/elixir-cqrs';
const POLICY = 'backuppolicy:default/elixir-cqrs-db-backups';

const LABELS: Record<string, string> = {
  ok: 'OK',
  late: 'Late',
  breached: 'RPO breached',
  failing: 'Failing',
  unknown: 'Unknown',
};

type Status = {
  policyRef: string;
  target: string;
  status: string;
  message?: string;
  retention: { expected: number | null; found: number | null };
};

test.beforeEach(() => {
  requireDemo('the demo s3rver (scripts/e2e.sh starts the demo stack)');
});

test("a seed database's page shows its backup card with the statuses the API reports", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signIn(page);

  // The backend reads the sources on a cadence: until the first reading a
  // target is "Not read yet". Reload until API and card agree on read data.
  await expect(async () => {
    const { items } = (await apiGetJson(
      page.request,
      `/api/ops/backups?${entityQuery(RESOURCE)}`,
    )) as { items: Status[] };
    const byTarget = Object.fromEntries(items.map(i => [i.target, i]));
    expect(Object.keys(byTarget).sort()).toEqual([
      'event-store-dump',
      'query-db-dump',
      'restore-test',
    ]);
    // The demo's story, read live from s3rver.
    expect(byTarget['query-db-dump'].status).toBe('breached');
    expect(byTarget['event-store-dump'].message ?? '').not.toMatch(
      /Not read yet/,
    );

    await openEntity(page, RESOURCE);
    for (const item of items) {
      const row = page.locator(
        `[data-testid="backup-row"][data-policy="${item.policyRef}"][data-target="${item.target}"]`,
      );
      await expect(row.getByTestId('backup-state')).toHaveText(
        LABELS[item.status],
        { timeout: 15_000 },
      );
      const { found, expected } = item.retention;
      if (
        item.target !== 'restore-test' &&
        found !== null &&
        expected !== null
      ) {
        await expect(
          row.getByText(`${found} / ${expected} copies kept`),
        ).toBeVisible();
      }
    }
  }).toPass({ timeout: 180_000 });

  const card = page.locator('[data-testid="backup-row"]').first();
  await expect(card).toBeVisible();
  // The breached dump: its bar is full with the factor over the RPO.
  const queryDump = page.locator(
    `[data-testid="backup-row"][data-policy="${POLICY}"][data-target="query-db-dump"]`,
  );
  await expect(queryDump.getByText(/× the RPO/)).toBeVisible();
  await expect(queryDump.getByRole('progressbar')).toHaveAttribute(
    'aria-valuenow',
    '100',
  );
  // The policy heading links to the BackupPolicy.
  await expect(
    page.getByRole('link', {
      name: /Event store and query DB|elixir-cqrs-db-backups/,
    }),
  ).toHaveAttribute(
    'href',
    '/catalog/default/backuppolicy/elixir-cqrs-db-backups',
  );
  await page.screenshot({
    path: 'e2e-test-results/backups-event-store-db.png',
    fullPage: true,
  });
});

test('the system page shows backup coverage as the API reports it', async ({
  page,
}) => {
  await signIn(page);
  const coverage = await apiGetJson(
    page.request,
    `/api/ops/backups/coverage?${entityQuery(SYSTEM)}`,
  );
  await openEntity(page, SYSTEM);
  await expect(page.getByTestId('backup-coverage')).toHaveText(
    `${coverage.covered} of ${coverage.total} protected`,
    { timeout: 30_000 },
  );
  for (const item of coverage.items as Array<{
    entityRef: string;
    policies: string[];
  }>) {
    const row = page.locator(
      `[data-testid="coverage-row"][data-entity-ref="${item.entityRef}"]`,
    );
    await expect(row).toHaveAttribute(
      'data-protected',
      String(item.policies.length > 0),
    );
    if (item.policies.length === 0) {
      await expect(row.getByText('Unprotected')).toBeVisible();
    }
  }
  await page.screenshot({
    path: 'e2e-test-results/backups-coverage-elixir-cqrs.png',
    fullPage: true,
  });
});

// rainbow-seeker's pgBackRest targets read the demo's real repository:
// scripts/demo/postgres.sh runs a PostgreSQL cluster archiving WAL into
// stanza rainbow-seeker and takes a full and a differential backup.
test("a pgBackRest database's page shows its full and differential backups as the API reports them", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const resource = 'resource:default/rainbow-seeker-postgres';
  const policy = 'backuppolicy:default/rainbow-seeker-db-backups';
  await signIn(page);

  await expect(async () => {
    const { items } = (await apiGetJson(
      page.request,
      `/api/ops/backups?${entityQuery(resource)}`,
    )) as { items: Status[] };
    const pgbackrest = items.filter(
      i =>
        i.policyRef === policy &&
        ['full-daily', 'differential'].includes(i.target),
    );
    expect(pgbackrest.map(i => i.target).sort()).toEqual([
      'differential',
      'full-daily',
    ]);
    for (const item of pgbackrest) {
      // Read from pgBackRest, not "not configured" or "Not read yet".
      expect(['ok', 'late']).toContain(item.status);
    }

    await openEntity(page, resource);
    for (const item of pgbackrest) {
      const row = page.locator(
        `[data-testid="backup-row"][data-policy="${item.policyRef}"][data-target="${item.target}"]`,
      );
      await expect(row.getByTestId('backup-state')).toHaveText(
        LABELS[item.status],
        { timeout: 15_000 },
      );
    }
  }).toPass({ timeout: 180_000 });

  await page.screenshot({
    path: 'e2e-test-results/backups-rainbow-seeker-postgres.png',
    fullPage: true,
  });
});
