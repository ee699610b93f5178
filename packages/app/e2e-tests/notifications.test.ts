import { expect, test } from '@playwright/test';
import {
  apiGetJson,
  apiPost,
  entityPath,
  requireDemo,
  signIn,
} from './support';

// Owner notifications reach the portal's Notifications page: a runbook
// execution the signed-in user starts (a Prometheus query of
// examples/elixir-cqrs/runbooks.yaml against the demo Prometheus, nothing
// that changes a system) tells that user how it ended, through the
// notifications backend, with a link to the runbook's page.
const RUNBOOK_REF = 'runbook:default/elixir-cqrs-db-connection-error';
const TITLE_START = `Runbook ${RUNBOOK_REF} action pool-usage `;

test.beforeEach(() => {
  requireDemo('the demo backend and Prometheus (scripts/e2e.sh starts them)');
});

test('a finished runbook execution shows on the Notifications page with a link to its runbook', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const res = await apiPost(
    request,
    '/api/ops/runbooks/default/elixir-cqrs-db-connection-error/actions/pool-usage/executions',
    {
      entityRef: 'component:default/elixir-cqrs-command-service',
      idempotencyKey: `e2e-notification-${Date.now()}`,
    },
  );
  expect(res.status()).toBe(201);
  const { id } = await res.json();
  let status = '';
  await expect(async () => {
    status = (await apiGetJson(request, `/api/ops/executions/${id}`)).status;
    expect(['succeeded', 'failed']).toContain(status);
  }).toPass({ timeout: 60_000 });
  const title = `${TITLE_START}${status}`;

  await signIn(page);
  await page.goto('/notifications');
  const link = page.getByRole('link', { name: title }).first();
  await expect(link).toBeVisible({ timeout: 30_000 });
  await expect(link).toHaveAttribute(
    'href',
    new RegExp(`${entityPath(RUNBOOK_REF)}$`),
  );
  await page.screenshot({
    path: 'e2e-test-results/notifications-page.png',
    fullPage: true,
  });
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${entityPath(RUNBOOK_REF)}$`));
});
