import { expect, test } from '@playwright/test';
import {
  apiGet,
  entityQuery,
  openEntity,
  requireDemo,
  signIn,
} from './support';

// The portal as a new user sees it: sign in as guest, find the five example
// systems in the catalog, open one and see its parts and its operations data.
test('the catalog lists the five example systems', async ({ page }) => {
  await signIn(page);
  await page.goto('/?filters%5Bkind%5D=system&filters%5Buser%5D=all');
  for (const system of [
    'elixir-cqrs',
    'scalar-auditor',
    'azure-saas',
    'rainbow-seeker',
    'mairust',
  ]) {
    await expect(
      page.locator(`a[href$="/catalog/default/system/${system}"]`).first(),
    ).toBeVisible();
  }
  await page.screenshot({
    path: 'e2e-test-results/catalog-systems.png',
    fullPage: true,
  });
});

test('a system page shows its components', async ({ page }) => {
  await signIn(page);
  await openEntity(page, 'system:default/elixir-cqrs');
  await expect(
    page.getByText('Elixir CQRS event-driven microservices').first(),
  ).toBeVisible();
  for (const component of [
    'elixir-cqrs-client-service',
    'elixir-cqrs-command-service',
    'elixir-cqrs-query-service',
  ]) {
    await expect(
      page
        .locator(`a[href$="/catalog/default/component/${component}"]`)
        .first(),
    ).toBeVisible();
  }
  await page.screenshot({
    path: 'e2e-test-results/system-elixir-cqrs.png',
    fullPage: true,
  });
});

test('an SLO page shows its target, window and raw spec', async ({ page }) => {
  await signIn(page);
  await openEntity(page, 'slo:default/elixir-cqrs-client-availability');
  await expect(
    page.getByText('Client Service error rate below 1 %').first(),
  ).toBeVisible();
  // The target, the window and what they allow, from the catalog document.
  // The objective's row of the Objectives table: its name, then its target
  // (0.99 in examples/elixir-cqrs/slos.yaml), read cell by cell.
  const objectives = page.getByRole('table').filter({
    has: page.getByRole('columnheader', {
      name: 'Error budget over the window',
    }),
  });
  const objective = objectives
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: 'Success ratio' }) });
  await expect(objective.getByRole('cell').nth(1)).toHaveText('99%');
  await expect(page.getByText(/rolling 30 days/i).first()).toBeVisible();
  // The entity it measures, linked.
  await expect(
    page
      .locator(
        'a[href$="/catalog/default/component/elixir-cqrs-client-service"]',
      )
      .first(),
  ).toBeVisible();
  // The raw spec, with the PromQL selector as written in the file.
  await expect(
    page.getByText('budgetingMethod: Occurrences').first(),
  ).toBeVisible();
  await page.screenshot({
    path: 'e2e-test-results/slo-elixir-cqrs-client-availability.png',
    fullPage: true,
  });
});

test("an SLO page's About card shows the owner of the entity it measures", async ({
  page,
}) => {
  requireDemo('the example catalog of the demo backend');
  // The SLO is processed again after its component (every 100-150 s by
  // default) before it has an owner: up to one loop after start-up.
  test.setTimeout(300_000);
  await signIn(page);
  await openEntity(page, 'slo:default/elixir-cqrs-client-availability');
  // The About card's Owner field: its label, then the owner's link.
  const owner = page
    .getByRole('heading', { name: 'Owner', exact: true })
    .locator('xpath=..');
  await expect(async () => {
    await page.reload();
    // examples/elixir-cqrs/components.yaml: the client service's owner.
    await expect(
      owner.locator('a[href$="/catalog/default/group/elixir-cqrs-team"]'),
    ).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 270_000, intervals: [5_000] });
  await expect(owner).not.toContainText('No Owner');
  await page.screenshot({
    path: 'e2e-test-results/slo-about-owner.png',
    fullPage: true,
  });
});

test('a runbook page shows its steps with their commands', async ({ page }) => {
  await signIn(page);
  await openEntity(page, 'runbook:default/elixir-cqrs-partial-outage');
  await expect(page.getByText('部分的な障害').first()).toBeVisible();
  await expect(
    page.getByText('Check the health endpoints').first(),
  ).toBeVisible();
  await expect(
    page
      .getByText('kubectl get pods --all-namespaces | grep -v Running')
      .first(),
  ).toBeVisible();
  await page.screenshot({
    path: 'e2e-test-results/runbook-elixir-cqrs-partial-outage.png',
    fullPage: true,
  });
});

/** The budget left as the SLO card prints it: 33.7 %, −15.7 %, 30 %. */
function budgetText(ratio: number): string {
  const fixed = Math.abs(ratio * 100)
    .toFixed(1)
    .replace(/\.?0+$/, '');
  const negative = ratio < 0 && Number(fixed) !== 0;
  return `${negative ? '\u2212' : ''}${fixed} %`;
}

test('a seed service shows the SLO budget left that the API reports', async ({
  page,
  request,
}) => {
  requireDemo('the demo Prometheus (scripts/e2e.sh starts it)');
  const entityRef = 'component:default/rainbow-seeker-api';
  const sloRef = 'slo:default/rainbow-seeker-api-availability';
  await signIn(page);

  // Evaluations run every minute: compare a page and an API answer taken
  // together, again if an evaluation landed in between.
  await expect(async () => {
    const res = await apiGet(
      request,
      `/api/ops/slos?${entityQuery(entityRef)}`,
    );
    const slo = (await res.json()).items.find(
      (s: { ref: string }) => s.ref === sloRef,
    );
    expect(slo.state).toBe('ok');
    await openEntity(page, entityRef);
    await expect(
      page.getByRole('img', {
        name: `Error budget left: ${budgetText(
          slo.errorBudget.remainingRatio,
        )}`,
      }),
    ).toBeVisible({ timeout: 15_000 });
  }).toPass({ timeout: 120_000 });

  await page.screenshot({
    path: 'e2e-test-results/slo-card-rainbow-seeker-api.png',
    fullPage: true,
  });
});
