import { expect, test } from '@playwright/test';
import { signIn } from '../e2e-tests/support';

// `make start` as a newcomer sees it: scripts/live.test.sh runs this right
// after the ready message, against the portal and the demo's live sources
// that command started. The seed service the ready message names must show
// live data in every Unyo panel of its Operations tab, and no panel may say
// it is not configured.
const SERVICE_OPS = '/catalog/default/component/mairust-smtp/ops';
// Its database (spec.dependsOn), protected by examples/mairust/backup-policies.yaml.
const DATABASE_OPS = '/catalog/default/resource/mairust-postgres/ops';
// examples/prometheus/alerts: the mairust incident's alert, firing from start.
const ALERT = 'QueueBacklog';
// examples/mairust/components.yaml: the service's health endpoints.
const HEALTH_URL = 'http://127.0.0.1:18041/health/live';

// What a panel shows when its source is missing or broken (the translations of
// plugins/ops-dashboard and plugins/runbooks).
const NOT_LIVE = [
  /not configured/i,
  /is not available/,
  /are not shown/,
  /could not be loaded/i,
  /Not probed/i,
  /No backup source connection is configured/,
];

test('right after make start, a seed service shows live SLOs, a firing alert, health and backups', async ({
  page,
}) => {
  // The dev server builds each page's code on its first visit, and the
  // backend's first rounds (SLO evaluation, probes, backup reads) run just
  // after start: generous waits, no reload (the cards refresh themselves).
  test.setTimeout(600_000);
  const wait = { timeout: 180_000 };
  await signIn(page);
  await page.goto(SERVICE_OPS);
  // A firing alert, read from the demo's Alertmanager.
  await expect(
    page.getByTestId(`alert-${ALERT}`).getByText('Firing'),
  ).toBeVisible(wait);
  // Live SLO figures: a budget gauge per evaluated SLO.
  await expect(
    page.getByRole('img', { name: /Error budget left/ }).first(),
  ).toBeVisible(wait);
  // Health results: the endpoint was probed.
  await expect(
    page
      .getByRole('listitem', { name: HEALTH_URL, exact: true })
      .getByText(/checked /),
  ).toBeVisible(wait);
  for (const text of NOT_LIVE) {
    await expect(page.getByText(text), String(text)).toHaveCount(0);
  }
  await page.screenshot({
    path: 'e2e-test-results/live-service-operations.png',
    fullPage: true,
  });

  // Backup statuses of the service's database, read from the demo's sources
  // (pgBackRest WAL archive, s3rver dumps, pushed restore drills).
  await page.goto(DATABASE_OPS);
  const states = page.getByTestId('backup-state');
  await expect(states.first()).toBeVisible(wait);
  await expect(page.getByText(/Not read yet/)).toHaveCount(0, wait);
  const texts = await states.allInnerTexts();
  expect(texts.length).toBeGreaterThan(0);
  for (const state of texts) expect(state).not.toMatch(/Unknown/);
  for (const text of NOT_LIVE) {
    await expect(page.getByText(text), String(text)).toHaveCount(0);
  }
});
