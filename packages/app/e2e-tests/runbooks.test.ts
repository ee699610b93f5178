import { expect, test } from '@playwright/test';
import { openEntity, requireDemo, signIn } from './support';

// From a seed service page to its runbook and a run of its health-check
// action, against the demo portal: the ops backend probes the demo health
// endpoint of elixir-cqrs-client-service (scripts/demo/up.sh starts it;
// packages/demo-data/src/health/endpoints.ts fixes its answer: up, with
// database, cache and grpc up), so the outcome is known in advance.
const ENTITY_REF = 'component:default/elixir-cqrs-client-service';
const RUNBOOK = 'Partial outage - a service is down or failing';
const HEALTH_URL = 'http://127.0.0.1:18001/health';
const RUNBOOK_REF = 'runbook:default/elixir-cqrs-partial-outage';
// examples/elixir-cqrs/runbooks.yaml
const SERVICES = [
  ['Client Service', 'elixir-cqrs-client-service'],
  ['Command Service', 'elixir-cqrs-command-service'],
  ['Query Service', 'elixir-cqrs-query-service'],
];
const ALERTS = ['CqrsServiceDown', 'CqrsErrorRateHigh'];

test.beforeEach(() => {
  requireDemo('the demo health endpoints (scripts/e2e.sh starts them)');
});

test('from a service page, run a runbook health check and see its result and history row', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page);
  // What the backend says fires now on the service: the page must mark
  // exactly those of the runbook's alerts.
  const summaries: Promise<any>[] = [];
  page.on('response', response => {
    const url = new URL(response.url());
    if (
      url.pathname === '/api/ops/runbooks' &&
      url.searchParams.get('entityRef') === ENTITY_REF
    ) {
      summaries.push(response.json());
    }
  });
  await openEntity(page, ENTITY_REF);

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

  // The about card: severity, owner, the services (links) and the alerts,
  // those firing now on the service marked.
  const about = page
    .locator('.MuiCard-root')
    .filter({ has: page.getByText('About this runbook', { exact: true }) });
  await expect(about).toBeVisible({ timeout: 30_000 });
  await expect(about.getByText('critical', { exact: true })).toBeVisible();
  await expect(
    about.getByRole('link', { name: /Elixir CQRS on-call/ }),
  ).toHaveAttribute('href', '/catalog/default/group/elixir-cqrs-oncall');
  for (const [title, name] of SERVICES) {
    await expect(
      about.getByRole('link', { name: new RegExp(title) }),
    ).toHaveAttribute('href', `/catalog/default/component/${name}`);
  }
  expect(summaries.length).toBeGreaterThan(0);
  const { items } = await summaries[summaries.length - 1];
  const summary = items.find((item: any) => item.ref === RUNBOOK_REF);
  expect(summary).toBeDefined();
  const alerts = about.getByRole('list', { name: 'Answers alerts' });
  for (const alert of ALERTS) {
    const item = alerts.getByRole('listitem', { name: alert });
    await expect(item.getByText(alert, { exact: true })).toBeVisible();
    const firing = summary.firingAlerts.includes(alert);
    await expect(item).toHaveAttribute('data-firing', String(firing));
    await expect(item.getByText('Firing now')).toHaveCount(firing ? 1 : 0);
  }

  // Steps with copyable commands are on the page.
  const steps = page.getByRole('list', { name: 'Steps' });
  await expect(
    steps.getByRole('listitem', { name: 'Check the health endpoints' }),
  ).toBeVisible();

  // The history takes the page's width: as wide as the steps, wider than
  // the about card beside the catalog's.
  const history = page.getByRole('table', { name: 'Execution history' });
  const emptyHistory = page.getByText('No action of this runbook has run yet.');
  await expect(history.or(emptyHistory)).toBeVisible({ timeout: 30_000 });
  const historyCard = page
    .locator('.MuiCard-root')
    .filter({ has: page.getByText('Execution history', { exact: true }) });
  const stepsCard = page.locator('.MuiCard-root').filter({ has: steps });
  const historyBox = (await historyCard.boundingBox())!;
  const stepsBox = (await stepsCard.boundingBox())!;
  const aboutBox = (await about.boundingBox())!;
  expect(Math.abs(historyBox.width - stepsBox.width)).toBeLessThan(2);
  expect(historyBox.width).toBeGreaterThan(aboutBox.width * 1.5);
  await page.screenshot({
    path: 'e2e-test-results/runbooks-page.png',
    fullPage: true,
  });

  // A step that names an action has its own Run button, which opens the
  // same runner as the actions card's.
  const healthStep = steps.getByRole('listitem', {
    name: 'Check the health endpoints',
  });
  const stepRun = healthStep.getByRole('button', {
    name: 'Run Probe the health endpoints',
  });
  await expect(stepRun).toBeEnabled();
  await stepRun.click();
  const stepDialog = page.getByRole('dialog');
  await expect(
    stepDialog.getByText('Run: Probe the health endpoints / ヘルスチェック'),
  ).toBeVisible();
  await expect(stepDialog.getByRole('combobox', { name: /Entity/ })).toHaveText(
    ENTITY_REF,
  );
  await stepDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(stepDialog).toBeHidden();

  const actionsCard = page
    .locator('.MuiCard-root')
    .filter({ has: page.getByText('Actions', { exact: true }) });
  const run = actionsCard.getByRole('button', {
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
  // The output summary is cut to one line; the whole text is its tooltip.
  const output = row.getByText('1 of 1 endpoints up');
  await expect(output).toBeVisible();
  await output.hover();
  await expect(page.getByRole('tooltip')).toHaveText('1 of 1 endpoints up');
  // No sideways scrolling: the table fits its card.
  expect(
    await history.evaluate(
      table =>
        table.parentElement!.scrollWidth <= table.parentElement!.clientWidth,
    ),
  ).toBe(true);
  await expect(row.getByText(execution.actor)).toBeVisible();
  await page.screenshot({
    path: 'e2e-test-results/runbooks-history.png',
    fullPage: true,
  });
  await historyCard.screenshot({
    path: 'e2e-test-results/runbooks-history-card.png',
  });
});
