import { expect, test } from '@playwright/test';
import {
  apiDelete,
  apiGetJson,
  openEntity,
  requireDemo,
  signIn,
} from './support';

const SLO_REF = 'slo:default/rainbow-seeker-api-availability';
const API = '/api/ops/slos/default/rainbow-seeker-api-availability';
const DAY = 24 * 60 * 60 * 1000;

/** A `datetime-local` value: the browser runs in the same zone as the test. */
function localInput(time: number): string {
  const d = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(
    d.getHours(),
  )}:${pad(d.getMinutes())}`;
}

// A backdated correction added from the SLO page is listed with its
// category and reason and shaded on the burn-down chart.
test('a correction added on the SLO page is drawn on the burn-down chart', async ({
  page,
  request,
}) => {
  requireDemo('the demo Prometheus and the example catalog');
  test.setTimeout(300_000);
  const reason = `e2e: probe misconfigured ${Date.now()}`;
  await signIn(page);
  // The burn-down needs the first evaluation round of the demo.
  await expect(async () => {
    const slo = await apiGetJson(request, API);
    expect(slo.history.length).toBeGreaterThan(1);
  }).toPass({ timeout: 180_000, intervals: [5_000] });

  await openEntity(page, SLO_REF);
  const chart = page.getByRole('figure', { name: 'Error budget burn-down' });
  await expect(chart).toBeVisible({ timeout: 60_000 });
  await expect(chart.locator('.unyo-slo-correction')).toHaveCount(0);

  const start = Math.floor((Date.now() - 10 * DAY) / DAY) * DAY;
  await page.getByRole('button', { name: 'Add correction' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Start').fill(localInput(start));
  await dialog.getByLabel('End').fill(localInput(start + 2 * DAY));
  await dialog.getByLabel('Category').click();
  await page.getByRole('option', { name: 'Dependency' }).click();
  await dialog.getByLabel('Reason').fill(reason);
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(dialog).toBeHidden();

  let id: string | undefined;
  try {
    const list = page.getByRole('region', { name: 'Error-budget corrections' });
    await expect(list.getByText(reason, { exact: false })).toBeVisible();
    await expect(list.getByText('Dependency')).toBeVisible();
    // One area on the budget chart, one on the SLI chart.
    await expect(chart.locator('.unyo-slo-correction')).toHaveCount(2);
    await expect(chart.getByText('Corrected')).toBeVisible();
    const stored = await apiGetJson(request, `${API}/corrections`);
    const created = stored.items.find(
      (c: { reason: string }) => c.reason === reason,
    );
    expect(created).toMatchObject({
      sloRef: SLO_REF,
      category: 'dependency',
      start: new Date(start).toISOString(),
      end: new Date(start + 2 * DAY).toISOString(),
    });
    id = created.id;
    await page.screenshot({
      path: 'e2e-test-results/slo-correction-burn-down.png',
      fullPage: true,
    });

    // Deleted from the page, it is gone from the chart.
    await list
      .getByRole('button', { name: /^Delete the correction/ })
      .first()
      .click();
    await expect(chart.locator('.unyo-slo-correction')).toHaveCount(0);
    id = undefined;
  } finally {
    if (id) await apiDelete(request, `${API}/corrections/${id}`);
  }
});
