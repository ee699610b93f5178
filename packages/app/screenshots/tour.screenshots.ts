import { expect, Page, test } from '@playwright/test';
import { entityPath, openEntity, signIn } from '../e2e-tests/support';

// The README's tour: one PNG per view, 1440x900, written to docs/images/.
// Each waits for what the picture is meant to show, so that a picture of an
// empty or loading panel fails instead of being committed.
const SERVICE = 'component:default/mairust-smtp';
const ALERT = 'QueueBacklog';
const SLO = 'slo:default/elixir-cqrs-client-availability';
const RUNBOOK = 'runbook:default/elixir-cqrs-partial-outage';
const DATABASE = 'resource:default/elixir-cqrs-event-store-db';
const SYSTEM = 'system:default/elixir-cqrs';

async function shoot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `docs/images/${name}.png` });
}

test('service Operations tab', async ({ page }) => {
  await signIn(page);
  await expect(async () => {
    await page.goto(`/catalog/default/component/mairust-smtp/ops`);
    await expect(
      page.getByTestId(`alert-${ALERT}`).getByText('Firing'),
    ).toBeVisible({ timeout: 15_000 });
  }).toPass({ timeout: 180_000 });
  await shoot(page, 'service-operations');
});

test('alerts with the silence dialog', async ({ page }) => {
  await signIn(page);
  await openEntity(page, SERVICE);
  const row = page.getByTestId(`alert-${ALERT}`);
  await expect(row.getByText('Firing')).toBeVisible({ timeout: 60_000 });
  await row.scrollIntoViewIfNeeded();
  await row.getByRole('button', { name: `Silence ${ALERT}` }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await shoot(page, 'alert-silence-dialog');
});

/** The card (InfoCard) whose title is `title`. */
function card(page: Page, title: string) {
  return page
    .locator('.MuiCard-root')
    .filter({ has: page.getByText(title, { exact: true }) })
    .last();
}

// Loading the dev server's pages takes minutes on a busy machine.
const LOAD = { timeout: 180_000 };

test('SLO page with its burn-down', async ({ page }) => {
  await signIn(page);
  await openEntity(page, SLO);
  const chart = card(page, 'Error budget burn-down');
  await expect(chart).toBeVisible(LOAD);
  // The drawn line, not the loading bar.
  await expect(chart.locator('svg.recharts-surface').first()).toBeVisible(LOAD);
  await page.waitForLoadState('networkidle');
  await chart.screenshot({ path: 'docs/images/slo-burn-down.png' });
});

test('a runbook run with its result', async ({ page }) => {
  await signIn(page);
  await page.goto(
    `/catalog/default/runbook/elixir-cqrs-partial-outage?entity=${encodeURIComponent(
      'component:default/elixir-cqrs-client-service',
    )}`,
  );
  const actions = page
    .locator('.MuiCard-root')
    .filter({ has: page.getByText('Actions', { exact: true }) });
  await actions
    .getByRole('button', { name: 'Run Probe the health endpoints' })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(dialog.getByText('Succeeded', { exact: true })).toBeVisible({
    timeout: 30_000,
  });
  await shoot(page, 'runbook-run');
  expect(RUNBOOK).toContain('partial-outage');
});

test('backup card', async ({ page }) => {
  await signIn(page);
  await page.goto(`${entityPath(DATABASE)}/ops`);
  const backups = card(page, 'Backup policies');
  // Statuses read from the sources, not "Not read yet".
  await expect(backups.getByTestId('backup-state').first()).toBeVisible(LOAD);
  await expect(backups.getByText(/Not read yet/)).toHaveCount(0);
  await page.waitForLoadState('networkidle');
  await backups.screenshot({ path: 'docs/images/backup-card.png' });
});

test('system health', async ({ page }) => {
  await signIn(page);
  // A System shows it on its overview (no Operations tab).
  await openEntity(page, SYSTEM);
  const health = card(page, 'Health of the components');
  await expect(health).toBeVisible(LOAD);
  // Probed endpoints: each component's count and 24-hour strip, not the loading bar.
  await expect(health.getByText(/^\d+ endpoints$/).first()).toBeVisible(LOAD);
  await expect(health.getByLabel(/^Last 24 hours of /).first()).toBeVisible(
    LOAD,
  );
  await page.waitForLoadState('networkidle');
  await health.screenshot({ path: 'docs/images/system-health.png' });
});

test('SLO report', async ({ page }) => {
  await signIn(page);
  await page.goto('/slo-report');
  await expect(page.getByTestId('slo-report-row').first()).toBeVisible({
    timeout: 60_000,
  });
  await shoot(page, 'slo-report');
});

test.describe('in Japanese', () => {
  test.use({ locale: 'ja-JP' });
  test('service Operations tab in Japanese', async ({ page }) => {
    await signIn(page);
    await openEntity(page, SERVICE);
    await expect(
      page.getByRole('region', { name: '運用サマリー' }),
    ).toBeVisible({
      timeout: 60_000,
    });
    await shoot(page, 'service-operations-ja');
  });
});
