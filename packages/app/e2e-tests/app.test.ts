import { expect, Page, test } from '@playwright/test';

// The portal as a new user sees it: sign in as guest, find the five example
// systems in the catalog, open one and see its parts and its operations data.
async function signIn(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  // Signed in: the catalog is the landing page.
  await expect(
    page.getByRole('heading', { name: 'Unyo demo Catalog' }),
  ).toBeVisible();
}

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
  await page.goto('/catalog/default/system/elixir-cqrs');
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
  await page.goto('/catalog/default/slo/elixir-cqrs-client-availability');
  await expect(
    page.getByText('Client Service error rate below 1 %').first(),
  ).toBeVisible();
  // The target, the window and what they allow, from the catalog document.
  await expect(page.getByText('99%').first()).toBeVisible();
  await expect(page.getByText(/rolling 30 days/i).first()).toBeVisible();
  // The entity it measures, linked.
  await expect(
    page
      .locator('a[href$="/catalog/default/component/elixir-cqrs-client-service"]')
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

test('a runbook page shows its steps with their commands', async ({ page }) => {
  await signIn(page);
  await page.goto('/catalog/default/runbook/elixir-cqrs-partial-outage');
  await expect(page.getByText('部分的な障害').first()).toBeVisible();
  await expect(
    page.getByText('Check the health endpoints').first(),
  ).toBeVisible();
  await expect(
    page.getByText('kubectl get pods --all-namespaces | grep -v Running').first(),
  ).toBeVisible();
  await page.screenshot({
    path: 'e2e-test-results/runbook-elixir-cqrs-partial-outage.png',
    fullPage: true,
  });
});
