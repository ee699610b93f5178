import { expect, Page, test } from '@playwright/test';

// From a seed service page to its runbook and a run of its health-check
// action, against the demo portal: the ops backend probes the demo health
// endpoint of elixir-cqrs-client-service (scripts/demo/up.sh starts it;
// packages/demo-data/src/health/endpoints.ts fixes its answer: up, with
// database, cache and grpc up), so the outcome is known in advance.
const SERVICE = '/catalog/default/component/elixir-cqrs-client-service';
const ENTITY_REF = 'component:default/elixir-cqrs-client-service';
const RUNBOOK = 'Partial outage - a service is down or failing';
const HEALTH_URL = 'http://127.0.0.1:18001/health';

async function signIn(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  await expect(
    page.getByRole('heading', { name: 'Unyo demo Catalog' }),
  ).toBeVisible();
}

test.beforeEach(() => {
  test.skip(
    !process.env.UNYO_E2E_DEMO,
    'needs the demo health endpoints (scripts/e2e.sh starts them)',
  );
});

test('from a service page, run a runbook health check and see its result and history row', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page);
  await page.goto(SERVICE);

  // The service's runbooks card links to the runbook page, keeping the
  // entity it came from.
  const link = page.getByRole('link', { name: RUNBOOK, exact: true });
  await expect(link).toBeVisible({ timeout: 30_000 });
  await expect(link).toHaveAttribute(
    'href',
    `/catalog/default/runbook/elixir-cqrs-partial-outage?entity=${encodeURIComponent(
      ENTITY_REF,
    )}`,
  );
  await link.click();
  await expect(page).toHaveURL(
    /\/runbook\/elixir-cqrs-partial-outage\?entity=/,
  );

  // Steps with copyable commands are on the page.
  await expect(
    page.getByRole('listitem', { name: 'Check the health endpoints' }),
  ).toBeVisible();

  const history = page.getByRole('table', { name: 'Execution history' });
  const emptyHistory = page.getByText('No action of this runbook has run yet.');
  await expect(history.or(emptyHistory)).toBeVisible({ timeout: 30_000 });

  const run = page.getByRole('button', {
    name: 'Run Probe the health endpoints',
  });
  await expect(run).toBeEnabled();
  await run.click();

  const dialog = page.getByRole('dialog');
  await expect(
    dialog.getByText('Run: Probe the health endpoints / ヘルスチェック'),
  ).toBeVisible();
  // The entity comes from the page the runbook was opened from.
  await expect(dialog.getByRole('combobox', { name: /Entity/ })).toHaveText(
    ENTITY_REF,
  );
  const created = page.waitForResponse(
    response =>
      response.request().method() === 'POST' &&
      response
        .url()
        .endsWith(
          '/api/ops/runbooks/default/elixir-cqrs-partial-outage/actions/health/executions',
        ),
  );
  await dialog.getByRole('button', { name: 'Run', exact: true }).click();
  const response = await created;
  expect(response.status()).toBe(201);
  const execution = await response.json();
  expect(execution).toMatchObject({
    runbookRef: 'runbook:default/elixir-cqrs-partial-outage',
    actionId: 'health',
    entityRef: ENTITY_REF,
  });

  // Live status, then the probe's output: the endpoint and its checks.
  await expect(dialog.getByText('Succeeded', { exact: true })).toBeVisible({
    timeout: 30_000,
  });
  await expect(dialog.getByText('1 of 1 endpoints up')).toBeVisible();
  const endpoint = dialog.getByRole('listitem', { name: HEALTH_URL });
  await expect(endpoint.getByText('up', { exact: true }).first()).toBeVisible();
  const checks = endpoint.getByRole('list', {
    name: `Checks of ${HEALTH_URL}`,
  });
  for (const name of ['database', 'cache', 'grpc']) {
    await expect(checks.getByText(`${name}: up`)).toBeVisible();
  }
  await page.screenshot({
    path: 'e2e-test-results/runbooks-health-check-dialog.png',
    fullPage: true,
  });
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The new history row, newest first.
  const row = history.locator(`tr[data-execution-id="${execution.id}"]`);
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(history.locator('tbody tr').first()).toHaveAttribute(
    'data-execution-id',
    execution.id,
  );
  await expect(row.getByText('Succeeded')).toBeVisible();
  await expect(row.getByText('Probe the health endpoints')).toBeVisible();
  await expect(row.getByText(ENTITY_REF)).toBeVisible();
  await expect(row.getByText('1 of 1 endpoints up')).toBeVisible();
  await expect(row.getByText(execution.actor)).toBeVisible();
  await page.screenshot({
    path: 'e2e-test-results/runbooks-history.png',
    fullPage: true,
  });
});
