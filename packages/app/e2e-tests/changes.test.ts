import { expect, test } from '@playwright/test';
import {
  apiGetJson,
  entityQuery,
  openEntity,
  requireDemo,
  signIn,
} from './support';

// A deploy and a flag posted as CI posts them (POST /api/ops/changes with the
// demo's static token, app-config.demo.yaml; docs/change-markers.md) are
// drawn on the SLO page of the service they changed: lines on the burn-down
// and SLI charts, listed below them, and counted beside the burn rates.
const SERVICE = 'component:default/rainbow-seeker-api';
const SLO = 'slo:default/rainbow-seeker-api-availability';
const CI_TOKEN = 'unyo-demo-ci-deploys-token';
const HOUR = 3_600_000;

test.beforeEach(() => {
  requireDemo('the demo backend with its static CI token (scripts/e2e.sh)');
});

test("a change posted with a service token appears on the SLO page's chart", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const run = Date.now();
  const deployTitle = `rainbow-seeker-api e2e-${run}`;
  const flagTitle = `fast-search on e2e-${run}`;
  const post = (data: object) =>
    page.request.post('/api/ops/changes', {
      headers: { Authorization: `Bearer ${CI_TOKEN}` },
      data,
    });

  const deploy = await post({
    entityRef: SERVICE,
    at: new Date(run - 48 * HOUR).toISOString(),
    kind: 'deploy',
    title: deployTitle,
    url: 'https://github.com/example/rainbow-seeker/actions/runs/1',
  });
  expect(deploy.status()).toBe(201);
  expect((await deploy.json()).createdBy).toBe('ci-deploys');
  const flag = await post({
    entityRef: SERVICE,
    at: new Date(run - 20 * 60_000).toISOString(),
    kind: 'flag',
    title: flagTitle,
  });
  expect(flag.status()).toBe(201);
  // A hostile body is refused, naming the field.
  const refused = await post({
    entityRef: SERVICE,
    at: new Date(run).toISOString(),
    kind: 'deploy',
    title: 'x',
    url: 'ftp://example.com/x',
  });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error.message).toContain('url');

  await signIn(page);
  // Users read the same changes.
  const { items } = await apiGetJson(
    page.request,
    `/api/ops/changes?${entityQuery(SERVICE)}`,
  );
  expect(items.map((c: { title: string }) => c.title)).toEqual(
    expect.arrayContaining([deployTitle, flagTitle]),
  );

  // Until the first evaluation round the card has no status: reload.
  const chart = page.getByRole('figure', { name: 'Error budget burn-down' });
  await expect(async () => {
    await openEntity(page, SLO);
    await expect(chart).toBeVisible({ timeout: 15_000 });
  }).toPass({ timeout: 180_000, intervals: [5_000] });

  const list = chart.getByRole('list', { name: 'Changes in the chart' });
  const deployItem = list
    .getByRole('listitem')
    .filter({ hasText: deployTitle });
  await expect(deployItem).toContainText('Deploy at');
  await expect(deployItem).toContainText('by ci-deploys');
  await expect(deployItem.getByRole('link')).toHaveAttribute(
    'href',
    'https://github.com/example/rainbow-seeker/actions/runs/1',
  );
  // One line per chart (burn-down and SLI), drawn in the SVG.
  // (At least: a retried run has posted its own.)
  for (const kind of ['deploy', 'flag']) {
    const lines = chart.locator(`.unyo-change-marker-${kind}`);
    expect(await lines.count()).toBeGreaterThanOrEqual(2);
  }
  // The flag, 20 minutes old, is in the 30m burn-rate window and up.
  await expect(
    page.getByRole('list', { name: 'Burn rate' }).getByRole('img', {
      name: new RegExp(`^Changes in the last 30m \\(\\d+\\): .*${flagTitle}`),
    }),
  ).toBeVisible();
  await page.screenshot({
    path: 'e2e-test-results/slo-change-markers.png',
    fullPage: true,
  });
});
