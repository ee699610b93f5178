import { expect, test } from '@playwright/test';
import {
  apiGetJson,
  apiPost,
  entityPath,
  requireDemo,
  signIn,
} from './support';

// The execution history of a runbook page: 20 rows at first, more on demand,
// filtered by status and actor, each fetched by the backend (GET
// /api/ops/executions with limit, offset, status, actor). The runs are made
// here through the API: a Prometheus query of examples/elixir-cqrs/runbooks.yaml
// against the demo Prometheus, nothing that changes a system.
const RUNBOOK_REF = 'runbook:default/elixir-cqrs-db-connection-error';
const RUNS = 25;

test.beforeEach(() => {
  requireDemo('the demo backend and Prometheus (scripts/e2e.sh starts them)');
});

test('the runbook history shows 20 rows, loads more, and filters on the backend', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  let actor = '';
  for (let i = 0; i < RUNS; i++) {
    const res = await apiPost(
      request,
      '/api/ops/runbooks/default/elixir-cqrs-db-connection-error/actions/pool-usage/executions',
      {
        entityRef: 'component:default/elixir-cqrs-command-service',
        idempotencyKey: `e2e-history-${Date.now()}-${i}`,
      },
    );
    expect(res.status()).toBe(201);
    actor = (await res.json()).actor;
  }
  const all = await apiGetJson(
    request,
    `/api/ops/executions?runbookRef=${encodeURIComponent(RUNBOOK_REF)}&limit=1`,
  );
  const total: number = all.totalCount;
  expect(total).toBeGreaterThanOrEqual(RUNS);

  await signIn(page);
  const pages: URL[] = [];
  page.on('request', r => {
    const url = new URL(r.url());
    if (url.pathname === '/api/ops/executions') pages.push(url);
  });
  await page.goto(entityPath(RUNBOOK_REF));
  const history = page.getByRole('table', { name: 'Execution history' });
  await expect(history).toBeVisible({ timeout: 30_000 });
  const rows = history.locator('tbody tr');
  await expect(rows).toHaveCount(20);
  await expect(page.getByText(`20 of ${total} runs`)).toBeVisible();
  expect(pages[0].searchParams.get('limit')).toBe('20');

  // The next page comes from the backend, not from rows held back.
  const next = page.waitForRequest(r => {
    const url = new URL(r.url());
    return (
      url.pathname === '/api/ops/executions' &&
      url.searchParams.get('offset') === '20'
    );
  });
  await page.getByRole('button', { name: 'Load more' }).click();
  expect(new URL((await next).url()).searchParams.get('limit')).toBe('20');
  await expect(rows).toHaveCount(Math.min(40, total));
  const ids = await rows.evaluateAll(trs =>
    trs.map(tr => tr.getAttribute('data-execution-id')),
  );
  expect(new Set(ids).size).toBe(ids.length);
  await page.screenshot({
    path: 'e2e-test-results/runbook-history-paged.png',
    fullPage: true,
  });

  // Status filter: only the runs the backend finds in that status.
  const historyCard = page
    .locator('.MuiCard-root')
    .filter({ has: page.getByText('Execution history', { exact: true }) });
  await historyCard.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Succeeded' }).click();
  await expect
    .poll(() => pages.some(u => u.searchParams.get('status') === 'succeeded'))
    .toBe(true);
  const succeeded = await apiGetJson(
    request,
    `/api/ops/executions?runbookRef=${encodeURIComponent(
      RUNBOOK_REF,
    )}&status=succeeded&limit=1`,
  );
  if (succeeded.totalCount > 0) {
    await expect(rows).toHaveCount(Math.min(20, succeeded.totalCount));
    await expect(rows.getByText('Failed', { exact: true })).toHaveCount(0);
  } else {
    await expect(page.getByText('No run matches these filters.')).toBeVisible();
  }

  // Actor filter, with any status: the runs of the guest made above.
  await historyCard.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Any status' }).click();
  const actorField = historyCard.getByRole('textbox', { name: 'Actor' });
  await actorField.fill(actor);
  await actorField.press('Enter');
  await expect
    .poll(() => pages.some(u => u.searchParams.get('actor') === actor))
    .toBe(true);
  await expect(rows).toHaveCount(20);
  await expect(rows.getByText(actor)).toHaveCount(20);
  await actorField.fill('user:default/nobody-ran-this');
  await actorField.press('Enter');
  await expect(page.getByText('No run matches these filters.')).toBeVisible();
});
