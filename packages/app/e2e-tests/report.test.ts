import { expect, test } from '@playwright/test';
import { apiGet, signIn } from './support';

// The SLO report page as a manager sees it: every SLO of the five example
// systems with the figures the API gives, and an owner filter that narrows
// the list. Needs the demo stack (UNYO_E2E_DEMO=1) for evaluated SLOs.
const SYSTEMS = [
  'elixir-cqrs',
  'scalar-auditor',
  'azure-saas',
  'rainbow-seeker',
  'mairust',
];

interface Item {
  ref: string;
  title?: string;
  owner?: string;
  system?: string;
  sli?: { ratio: number };
  errorBudget?: { remainingRatio: number };
  policy?: string;
}

test('the SLO report lists the seed systems’ SLOs as the API gives them, and the owner filter narrows it', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page);
  const month = new Date().toISOString().slice(0, 7);
  const api = async (query: string): Promise<Item[]> => {
    const res = await apiGet(
      page.request,
      `/api/ops/slo-report?month=${month}&months=12&limit=5000&${query}`,
    );
    expect(res.status()).toBe(200);
    return (await res.json()).items;
  };

  // The page is in the sidebar.
  await page.getByRole('link', { name: 'SLO report' }).first().click();
  await expect(page).toHaveURL(/\/slo-report$/);
  await expect(page.getByRole('heading', { name: 'SLO report' })).toBeVisible();

  const all = await api('');
  const systems = new Set(all.map(i => i.system));
  for (const system of SYSTEMS) {
    expect(systems).toContain(`system:default/${system}`);
  }
  await expect(page.getByTestId('slo-report-count')).toHaveText(
    `${all.length} of ${all.length} SLOs`,
    { timeout: 30_000 },
  );

  // Printing puts every row in the document (the table is virtualised).
  await page.evaluate(() => {
    window.print = () => {};
  });
  await page.getByRole('button', { name: 'Print' }).click();
  const rows = page.getByTestId('slo-report-row');
  await expect(rows).toHaveCount(all.length);
  for (const item of all) {
    const row = page.locator(
      `[data-testid="slo-report-row"][data-ref="${item.ref}"]`,
    );
    await expect(row.locator('[data-column="title"]')).toHaveText(
      item.title ?? item.ref,
    );
    await expect(row.locator('[data-column="attainment"]')).toHaveAttribute(
      'data-value',
      item.sli ? String(item.sli.ratio) : '',
    );
    await expect(
      row.locator('[data-column="budgetRemaining"]'),
    ).toHaveAttribute(
      'data-value',
      item.errorBudget ? String(item.errorBudget.remainingRatio) : '',
    );
    await expect(row.locator('[data-column="policy"]')).toHaveAttribute(
      'data-value',
      item.policy ?? '',
    );
  }
  await page.screenshot({
    path: 'e2e-test-results/slo-report.png',
    fullPage: true,
  });

  // Filtering by an owner leaves that owner's SLOs only.
  const owner = all.find(i => i.owner)!.owner!;
  const owned = await api(`owner=${encodeURIComponent(owner)}`);
  expect(owned.length).toBeGreaterThan(0);
  expect(owned.length).toBeLessThan(all.length);
  await page.getByRole('combobox', { name: 'Owner', exact: true }).click();
  await page.locator(`li[role="option"][data-value="${owner}"]`).click();
  await expect(page.getByTestId('slo-report-count')).toHaveText(
    `${owned.length} of ${owned.length} SLOs`,
  );
  await expect(rows).toHaveCount(owned.length);
  const shown = await rows.evaluateAll(els =>
    els.map(e => e.getAttribute('data-ref')),
  );
  expect(shown.sort()).toEqual(owned.map(i => i.ref).sort());
  await page.screenshot({
    path: 'e2e-test-results/slo-report-owner.png',
    fullPage: true,
  });
});
