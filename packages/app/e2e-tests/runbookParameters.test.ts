import { expect, test } from '@playwright/test';
import { openEntity, requireDemo, signIn } from './support';

// The runner's form for a full JSON Schema, against the demo portal: the
// demo-only runbook examples/demo/parameter-form.yaml has an action (a health
// check of the demo's loopback endpoint, so it runs for real) whose parameters
// hold a nested object, an array of strings, a oneOf and a secret.
const RUNBOOK_REF = 'runbook:default/demo-parameter-form';
const EXECUTIONS =
  '/api/ops/runbooks/default/demo-parameter-form/actions/probe-with-ticket/executions';
const ID = 'parameters-probe-with-ticket';
const SECRET = 'demo-secret-4711';

test.beforeEach(() => {
  requireDemo('the demo catalog and health endpoints (scripts/e2e.sh)');
});

test('an action with a rich parameter schema: its widgets, a value refused before sending, the secret shown as ***', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const posts: string[] = [];
  page.on('request', request => {
    if (
      request.method() === 'POST' &&
      new URL(request.url()).pathname === EXECUTIONS
    ) {
      posts.push(request.url());
    }
  });
  await signIn(page);
  await openEntity(page, RUNBOOK_REF);
  const actionsCard = page
    .locator('.MuiCard-root')
    .filter({ has: page.getByText('Actions', { exact: true }) });
  const run = actionsCard.getByRole('button', {
    name: 'Run Probe with a ticket',
  });
  await expect(run).toBeEnabled({ timeout: 30_000 });
  await run.click();
  const dialog = page.getByRole('dialog');
  await expect(
    dialog.getByText('Run: Probe with a ticket / チケット付きヘルスチェック'),
  ).toBeVisible();

  // The nested object: its title and its own fields, an enum with titles.
  await expect(dialog.getByText('Ticket', { exact: true })).toBeVisible();
  const ticketId = dialog.locator(`#${ID}_ticket_id`);
  await expect(ticketId).toBeVisible();
  await expect(
    dialog.getByRole('combobox').filter({ hasText: 'Jira' }),
  ).toBeVisible();
  // The array of strings: a title and an Add button that adds a text field.
  await expect(dialog.getByText('Notify', { exact: true })).toBeVisible();
  await expect(dialog.locator(`#${ID}_notify_0`)).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Add Item' }).first().click();
  const notify = dialog.locator(`#${ID}_notify_0`);
  await expect(notify).toBeVisible();
  await notify.fill('sre');
  // The oneOf: a choice of its branches.
  const probe = dialog.getByRole('combobox').filter({ hasText: 'Every check' });
  await expect(probe).toBeVisible();
  await probe.click();
  await expect(
    page.getByRole('option', { name: 'Named checks' }),
  ).toBeVisible();
  await page.getByRole('option', { name: 'Every check' }).click();
  // The secret: a password field, its text hidden.
  const token = dialog.locator(`#${ID}_token`);
  await expect(token).toHaveAttribute('type', 'password');
  await page.screenshot({
    path: 'e2e-test-results/runbook-parameters-form.png',
    fullPage: true,
  });

  // A ticket id the schema's pattern refuses: the form says so, nothing is sent.
  await ticketId.fill('nope');
  await token.fill(SECRET);
  await dialog.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(
    dialog.getByText('Ticket id must match ^[A-Z]+-[0-9]+$.'),
  ).toBeVisible();
  // Long enough for a request the click would have made to show up.
  await page.waitForTimeout(1_000);
  expect(posts).toEqual([]);

  await ticketId.fill('OPS-12');
  await expect(
    dialog.getByText('Ticket id must match ^[A-Z]+-[0-9]+$.'),
  ).toBeHidden();
  const created = page.waitForResponse(
    response =>
      response.request().method() === 'POST' &&
      new URL(response.url()).pathname === EXECUTIONS,
  );
  await dialog.getByRole('button', { name: 'Run', exact: true }).click();
  const response = await created;
  expect(response.status()).toBe(201);
  expect(posts).toHaveLength(1);
  // The runner was given the value (the request carried it); the stored
  // execution has it masked.
  expect(response.request().postDataJSON().parameters).toMatchObject({
    ticket: { tracker: 'jira', id: 'OPS-12' },
    notify: ['sre'],
    token: SECRET,
  });
  const execution = await response.json();
  expect(execution.parameters).toMatchObject({
    ticket: { tracker: 'jira', id: 'OPS-12' },
    notify: ['sre'],
    token: '***',
  });
  await expect(dialog.getByText('Succeeded', { exact: true })).toBeVisible({
    timeout: 30_000,
  });
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The history row: the parameters with the secret as ***, never its text.
  const history = page.getByRole('table', { name: 'Execution history' });
  const row = history.locator(`tr[data-execution-id="${execution.id}"]`);
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row).toContainText('token=***');
  await expect(row).toContainText('"id":"OPS-12"');
  await expect(row).not.toContainText(SECRET);
  await expect(page.getByText(SECRET)).toHaveCount(0);
  await page.screenshot({
    path: 'e2e-test-results/runbook-parameters-history.png',
    fullPage: true,
  });
});
