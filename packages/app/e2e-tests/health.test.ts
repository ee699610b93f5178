import { expect, Page, test } from '@playwright/test';
import {
  apiGetJson,
  entityQuery,
  openEntity,
  requireDemo,
  signIn,
} from './support';

// The health card on seed service pages, against the demo portal: the ops
// backend probes the demo's health endpoints (scripts/demo/up.sh starts
// them; packages/demo-data/src/health/endpoints.ts fixes their answers), so
// what the card shows is known in advance.

test.beforeEach(() => {
  requireDemo('the demo health endpoints (scripts/demo/up.sh starts them)');
});

/**
 * Opens an entity page until its health card shows a probed endpoint: the
 * first probe round runs a few seconds after the backend starts, and the
 * card reloads every 30 s, so reload rather than wait.
 */
async function openWithProbedEndpoint(
  page: Page,
  entityRef: string,
  url: string,
) {
  await expect(async () => {
    await openEntity(page, entityRef);
    const endpoint = page.getByRole('listitem', { name: url, exact: true });
    await expect(endpoint).toBeVisible({ timeout: 10_000 });
    // "checked …" appears only once the backend has a probe result
    await expect(endpoint.getByText(/checked /)).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 120_000 });
  return page.getByRole('listitem', { name: url, exact: true });
}

test('a seed service page shows the probed health of its endpoint', async ({
  page,
  request,
}) => {
  await signIn(page);
  const url = 'http://127.0.0.1:18001/health';
  const endpoint = await openWithProbedEndpoint(
    page,
    'component:default/elixir-cqrs-client-service',
    url,
  );

  // What the API says is what the card shows.
  const [item] = (
    await apiGetJson(
      request,
      `/api/ops/health?${entityQuery(
        'component:default/elixir-cqrs-client-service',
      )}`,
    )
  ).items;
  expect(item).toMatchObject({
    url,
    status: 'up',
    checks: [
      { name: 'database', status: 'up' },
      { name: 'cache', status: 'up' },
      { name: 'grpc', status: 'up' },
    ],
  });

  // The seed 000 endpoint answers `ok` with three connected dependencies.
  // the endpoint's own status word comes first; dependencies have icons
  await expect(endpoint.getByText('Up', { exact: true }).first()).toBeVisible();
  await expect(endpoint.getByText(/\d+ ms · for /)).toBeVisible();
  const checks = endpoint.getByRole('list', { name: `Dependencies of ${url}` });
  for (const name of ['database', 'cache', 'grpc']) {
    const row = checks.getByRole('listitem').filter({ hasText: name });
    await expect(row).toBeVisible();
    await expect(row.getByRole('img', { name: 'Up' })).toBeAttached();
  }
  await expect(
    endpoint.getByRole('img', { name: /^Last 24 hours of / }),
  ).toBeVisible();

  await page.screenshot({
    path: 'e2e-test-results/health-elixir-cqrs-client.png',
    fullPage: true,
  });
});

test('MaiRust readiness shows a degraded queue with its length', async ({
  page,
}) => {
  await signIn(page);
  const ready = await openWithProbedEndpoint(
    page,
    'component:default/mairust-smtp',
    'http://127.0.0.1:18041/health/ready',
  );
  await expect(
    ready.getByText('Degraded', { exact: true }).first(),
  ).toBeVisible();
  const queue = ready
    .getByRole('list', { name: /^Dependencies of / })
    .getByRole('listitem')
    .filter({ hasText: 'queue' });
  await expect(queue.getByText('length: 18500')).toBeVisible();
  await expect(queue.getByRole('img', { name: 'Degraded' })).toBeAttached();

  const live = page.getByRole('listitem', {
    name: 'http://127.0.0.1:18041/health/live',
    exact: true,
  });
  await expect(live.getByText('Up', { exact: true }).first()).toBeVisible();
});
