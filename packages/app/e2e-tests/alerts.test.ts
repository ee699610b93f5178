import { expect, Page, test } from '@playwright/test';

// The alerts card on a seed service: the demo Prometheus keeps the MaiRust
// mail queue above 1000 (examples/prometheus/metrics.yaml: an ongoing
// backlog), so QueueBacklog fires for component mairust-smtp and reaches the
// demo Alertmanager. Needs the demo stack (UNYO_E2E_DEMO=1).
const SERVICE = '/catalog/default/component/mairust-smtp';
const ALERT = 'QueueBacklog';

async function signIn(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  await expect(
    page.getByRole('heading', { name: 'Unyo demo Catalog' }),
  ).toBeVisible();
}

/** Expires the silences this test made, so that it can run again. */
async function expireOurSilences(page: Page, token: string) {
  const entityRef = 'component:default/mairust-smtp';
  const res = await page.request.get(
    `/api/ops/silences?entityRef=${encodeURIComponent(entityRef)}`,
    { headers: { Authorization: `Bearer ${token}` } },
  );
  if (!res.ok()) return;
  for (const silence of (await res.json()).items) {
    if (silence.comment?.startsWith('e2e:')) {
      await page.request.delete(
        `/api/ops/silences/${silence.id}?entityRef=${encodeURIComponent(
          entityRef,
        )}`,
        { headers: { Authorization: `Bearer ${token}` } },
      );
    }
  }
}

test('a firing alert links its runbook and can be silenced', async ({
  page,
}) => {
  test.skip(
    !process.env.UNYO_E2E_DEMO,
    'needs the demo Prometheus and Alertmanager (scripts/e2e.sh starts them)',
  );
  test.setTimeout(240_000);
  await signIn(page);
  const auth = await page.request.post('/api/auth/guest/refresh');
  const token = (await auth.json()).backstageIdentity.token;
  await expireOurSilences(page, token);

  // QueueBacklog has `for: 10m`: on a fresh demo it is pending first.
  const row = page.getByTestId(`alert-${ALERT}`);
  await expect(async () => {
    await page.goto(SERVICE);
    await expect(row.getByText('Firing')).toBeVisible({ timeout: 15_000 });
  }).toPass({ timeout: 180_000 });

  await expect(row.getByText('P1 · respond within 15 min')).toBeVisible();
  await expect(row.getByText('Mail queue backlog detected')).toBeVisible();
  const runbook = row.getByRole('link', { name: 'Open runbook' });
  await expect(runbook).toHaveAttribute(
    'href',
    /\/catalog\/default\/runbook\/mairust-queue-backlog$/,
  );

  await row.getByRole('button', { name: `Silence ${ALERT}` }).click();
  const dialog = page.getByRole('dialog');
  await expect(
    dialog.getByRole('checkbox', { name: /service="mairust-smtp"/ }),
  ).toBeDisabled();
  await expect(
    dialog.getByRole('checkbox', { name: `alertname="${ALERT}"` }),
  ).toBeChecked();
  await dialog
    .getByRole('textbox', { name: /Comment/ })
    .fill('e2e: draining the queue');
  await dialog.getByRole('button', { name: 'Create silence' }).click();

  await expect(page.getByText(/Silence [0-9a-f-]+ created\./)).toBeVisible();
  await expect(row.getByText('Silenced')).toBeVisible({ timeout: 20_000 });
  await page.screenshot({
    path: 'e2e-test-results/alerts-mairust-smtp.png',
    fullPage: true,
  });

  await expireOurSilences(page, token);
});
