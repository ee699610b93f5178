import { expect, Page, test } from '@playwright/test';

// The portal as a new user sees it: sign in as guest, find the five example
// systems in the catalog, open one and see its parts and its operations data.
async function signIn(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  await expect(
    page.getByRole('navigation', { name: 'sidebar nav' }),
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
