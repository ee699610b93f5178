import { expect, Page, test } from '@playwright/test';
import { openEntity, requireDemo, signIn } from './support';

// A service's overview as its on-call engineer opens it: the operations
// summary near the top, the catalog graph with Unyo's relations, and, in a
// Japanese browser, Japanese from the first visit.
const SERVICE = 'component:default/identity-service';
// examples/scalar-auditor/slos.yaml
const SLO_TITLE = 'Identity Service availability 99.9 %';

function card(page: Page, title: string) {
  return page
    .locator('.MuiCard-root')
    .filter({ has: page.getByText(title, { exact: true }) });
}

test.beforeEach(() => {
  requireDemo('the demo backend (scripts/e2e.sh starts it)');
});

test('the overview shows the operations summary above the dependency tables', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signIn(page);
  await openEntity(page, SERVICE);
  const summary = page.getByRole('region', { name: 'Operations summary' });
  await expect(summary).toBeVisible({ timeout: 30_000 });
  // What the backend reports, one tile each.
  const slos = summary.getByRole('group', { name: 'SLO error budget' });
  await expect(slos.getByText(SLO_TITLE)).toBeVisible({ timeout: 30_000 });
  // A gauge per SLO once the backend has evaluated it (its first round may
  // still run after start-up; the card reloads every minute).
  await expect(
    slos.getByRole('img', { name: /Error budget left/ }).first(),
  ).toBeVisible({ timeout: 150_000 });
  await expect(
    summary.getByRole('group', { name: 'Firing alerts' }).getByText(/firing/),
  ).toBeVisible();
  await expect(
    summary
      .getByRole('group', { name: 'Health' })
      .getByText('Endpoints probed: 1'),
  ).toBeVisible();

  const summaryBox = (await card(page, 'Operations summary').boundingBox())!;
  for (const table of ['Depends on components', 'Depends on resources']) {
    // The table's title: its card is drawn by Backstage UI, not MUI.
    const title = page.getByText(table, { exact: true });
    await expect(title).toBeVisible();
    const box = (await title.boundingBox())!;
    expect(box, table).toBeTruthy();
    expect(summaryBox.y + summaryBox.height).toBeLessThanOrEqual(box.y);
  }
  await page.screenshot({
    path: 'e2e-test-results/overview-summary.png',
    fullPage: true,
  });
});

test("the catalog graph draws Unyo's relations", async ({ page }) => {
  await signIn(page);
  await openEntity(page, SERVICE);
  // The graph card's drawing: Unyo's relations as labelled edges to the SLO
  // (measuredBy) and to the runbook of examples/scalar-auditor/runbooks.yaml
  // that applies to the service (hasRunbook).
  const graph = page.locator('svg#dependency-graph');
  await expect(graph).toBeVisible({ timeout: 30_000 });
  await expect(graph.getByText('measures / measuredBy').first()).toBeVisible();
  await expect(
    graph.getByText('runbookFor / hasRunbook').first(),
  ).toBeVisible();
  await expect(
    graph.getByText('identity-availability', { exact: true }),
  ).toBeVisible();
  await expect(
    graph.getByText('Service failure', { exact: true }),
  ).toBeVisible();
  await graph.screenshot({ path: 'e2e-test-results/overview-graph.png' });
});

test("a resource's catalog graph draws the backup policy that protects it", async ({
  page,
}) => {
  await signIn(page);
  // examples/scalar-auditor/backup-policies.yaml: the PostgreSQL policy
  // protects this resource.
  await openEntity(page, 'resource:default/scalar-auditor-postgres');
  const graph = page.locator('svg#dependency-graph');
  await expect(graph).toBeVisible({ timeout: 30_000 });
  await expect(graph.getByText('protects / protectedBy').first()).toBeVisible();
  await expect(
    graph.getByText(/^PostgreSQL: WAL archive/),
  ).toBeVisible();
});

test.describe('in a Japanese browser', () => {
  test.use({ locale: 'ja-JP' });

  test('a service page shows Japanese on the first visit, then the stored setting', async ({
    page,
  }) => {
    await signIn(page);
    await openEntity(page, SERVICE);
    const summary = page.getByRole('region', { name: '運用サマリー' });
    await expect(summary).toBeVisible({ timeout: 30_000 });
    await expect(
      summary.getByRole('group', { name: 'SLO エラーバジェット' }),
    ).toBeVisible();
    await expect(summary.getByText('監視中のエンドポイント: 1')).toBeVisible();
    expect(await page.evaluate(() => localStorage.getItem('language'))).toBe(
      'ja',
    );
    await page.screenshot({
      path: 'e2e-test-results/overview-ja.png',
      fullPage: true,
    });

    // The user's choice wins over the browser's language from then on.
    await page.evaluate(() => localStorage.setItem('language', 'en'));
    await page.reload();
    await expect(
      page.getByRole('region', { name: 'Operations summary' }),
    ).toBeVisible({ timeout: 30_000 });
  });
});
