import { expect, Page, Response, test } from '@playwright/test';
import { signIn } from '../e2e-tests/support';

// The bare portal (`make start-bare`: app-config.yaml alone, no Prometheus,
// Alertmanager, health hosts, backup sources or action targets), run by
// scripts/bare.test.sh. Each Unyo panel must say which config key it lacks,
// and no /api call of any page may answer with a 5xx: "not configured" is a
// state, not a server error.
const SERVICE_OPS = '/catalog/default/component/mairust-smtp/ops';
const DATABASE_OPS = '/catalog/default/resource/mairust-postgres/ops';
const RUNBOOK = '/catalog/default/runbook/mairust-queue-backlog';
const wait = { timeout: 120_000 };

/** Records every /api response of the page, to check their statuses at the end. */
function recordApi(page: Page): Response[] {
  const responses: Response[] = [];
  page.on('response', response => {
    if (new URL(response.url()).pathname.startsWith('/api/')) {
      responses.push(response);
    }
  });
  return responses;
}

function serverErrors(responses: Response[]): string[] {
  return responses
    .filter(r => r.status() >= 500)
    .map(r => `${r.request().method()} ${r.url()} -> ${r.status()}`);
}

test('the bare portal shows each panel as not configured, with no 5xx from /api', async ({
  page,
}) => {
  test.setTimeout(480_000);
  const responses = recordApi(page);
  await signIn(page);

  // A service's Operations tab: alerts, SLOs, health each name their key.
  await page.goto(SERVICE_OPS);
  await expect(
    page.getByText(/ops\.alertmanager\.servers/).first(),
    'alerts: no Alertmanager',
  ).toBeVisible(wait);
  await expect(
    page
      .getByText(
        /no Prometheus server is configured \(ops\.prometheus\.servers\)/,
      )
      .first(),
    'SLOs: no Prometheus',
  ).toBeVisible(wait);
  await expect(
    page
      .getByText(
        /Not probed: no host is allowed for health checks; set ops\.health\.allowedHosts/,
      )
      .first(),
    'health: no allowed host',
  ).toBeVisible(wait);

  // A database's Operations tab: its backup policies without a source.
  await page.goto(DATABASE_OPS);
  await expect(
    page.getByText(/is configured \(ops\.backups\.sources\)/).first(),
    'backups: no source connection',
  ).toBeVisible(wait);

  // A runbook: its actions have no target to run against.
  await page.goto(RUNBOOK);
  await expect(
    page.getByText(/No action target is configured \(ops\.runbooks\.targets\)/),
    'runbook actions: no target',
  ).toBeVisible(wait);

  // The SLO report lists the catalog's SLOs, without figures.
  await page.goto('/slo-report');
  const rows = page.getByTestId('slo-report-row');
  await expect(rows.first()).toBeVisible(wait);
  await expect(rows.first().getByText('No data').first()).toBeVisible();
  await page.waitForLoadState('networkidle');

  expect(responses.length).toBeGreaterThan(0);
  expect(serverErrors(responses)).toEqual([]);
});
