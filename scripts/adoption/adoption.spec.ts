import { expect, test } from '@playwright/test';

// A fresh create-app portal with Unyo installed from the packed tarballs by the
// READMEs' steps (scripts/adoption/adoption-test.sh), reading the demo's real
// Prometheus and Alertmanager, with the MaiRust system of examples/ as catalog.
const COMPONENT = '/catalog/default/component/mairust-smtp';

test('a component page shows the SLO and alerts cards, and its runbook opens', async ({
  page,
}) => {
  await page.goto('/');
  // create-app's sign-in page offers the guest provider: its card's button "Enter".
  const enter = page.getByRole('button', { name: 'Enter', exact: true });
  await expect(enter).toBeVisible({ timeout: 60_000 });
  await enter.click();
  // Signed in: the sidebar's links (the <nav> itself counts as hidden to Playwright).
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible({ timeout: 30_000 });

  await expect(async () => {
    await page.goto(COMPONENT);
    await expect(
      page.getByText('Service level objectives').first(),
    ).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 120_000 });
  // Live figures from Prometheus: the SLO of the component with its SLI against the target.
  await expect(
    page.getByText(/mairust-smtp-availability|SMTP/i).first(),
  ).toBeVisible();
  await expect(page.getByText(/% \/ 99/).first()).toBeVisible({
    timeout: 120_000,
  });

  // The alerts card with the demo's ongoing mail-queue backlog from Alertmanager.
  await expect(page.getByText('Alerts', { exact: true }).first()).toBeVisible();
  const row = page.getByTestId('alert-QueueBacklog');
  await expect(async () => {
    await page.reload();
    await expect(row).toBeVisible({ timeout: 15_000 });
  }).toPass({ timeout: 180_000 });
  await page.screenshot({
    path: '../../e2e-test-results/adoption-component.png',
    fullPage: true,
  });

  // Its runbook: the runbooks plugin's entity page.
  await page.goto('/catalog/default/runbook/mairust-queue-backlog');
  await expect(
    page.getByText('Mail queue backlog / delivery delays').first(),
  ).toBeVisible();
  await expect(page.getByText('Steps', { exact: true }).first()).toBeVisible();
  await page.screenshot({
    path: '../../e2e-test-results/adoption-runbook.png',
    fullPage: true,
  });
});
