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

// What the user reads in the policy column for each state the API gives.
const POLICY_TEXT: Record<string, string> = {
  normal: 'Normal: ship features',
  'feature-freeze': 'Feature freeze: reliability work first',
  'incident-only': 'Incidents only: fix what burns the budget',
  frozen: 'Budget exhausted: change freeze',
};

/**
 * The percentage a cell shows ("99.896 %", "−15.7 %"), read back as a ratio
 * with the precision it is shown at, or undefined for "—" (no value).
 */
function readPercent(
  text: string,
): { ratio: number; halfStep: number } | undefined {
  const trimmed = text.trim();
  if (trimmed === '—') return undefined;
  const match = /^([−-])?(\d+)(?:\.(\d+))?\s?%$/.exec(trimmed);
  if (!match)
    throw new Error(`not a percentage as the report shows it: "${text}"`);
  const [, minus, whole, decimals = ''] = match;
  const percent = Number(`${whole}.${decimals || '0'}`) * (minus ? -1 : 1);
  // Half of the last shown digit, as a ratio: 99.9 % covers 0.9985–0.9995.
  return {
    ratio: percent / 100,
    halfStep: (0.5 * 10 ** -decimals.length) / 100,
  };
}

/** The shown percentage is the API's ratio rounded to what is shown. */
function expectShownRatio(
  shown: string,
  ratio: number | undefined,
  what: string,
) {
  const read = readPercent(shown);
  if (ratio === undefined) {
    expect(
      read,
      `${what}: shows "${shown}" where the API has none`,
    ).toBeUndefined();
    return;
  }
  expect(read, `${what}: shows "${shown}", the API has ${ratio}`).toBeDefined();
  expect(
    Math.abs(read!.ratio - ratio),
    `${what}: shows "${shown}", the API has ${ratio}`,
  ).toBeLessThanOrEqual(read!.halfStep + 1e-12);
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
    // The figures as the user reads them, against the API's values.
    const [attainment, budget, policy] = await Promise.all(
      ['attainment', 'budgetRemaining', 'policy'].map(column =>
        row.locator(`[data-column="${column}"]`).innerText(),
      ),
    );
    expectShownRatio(attainment, item.sli?.ratio, `${item.ref} attainment`);
    expectShownRatio(
      budget,
      item.errorBudget?.remainingRatio,
      `${item.ref} budget remaining`,
    );
    expect(policy.trim(), `${item.ref} policy`).toBe(
      item.policy ? POLICY_TEXT[item.policy] ?? item.policy : '—',
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

test('the report check fails when the table shows a figure other than the API’s', () => {
  // The comparison above, on a cell that reads differently from the API.
  expect(() => expectShownRatio('99.5 %', 0.999, 'attainment')).toThrow();
  expect(() => expectShownRatio('−15.8 %', -0.157, 'budget')).toThrow();
  expect(() => expectShownRatio('—', 0.5, 'budget')).toThrow();
  expect(() =>
    expectShownRatio('99.896 %', 0.99896, 'attainment'),
  ).not.toThrow();
  expect(() => expectShownRatio('−15.7 %', -0.1574, 'budget')).not.toThrow();
});
