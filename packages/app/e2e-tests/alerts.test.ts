import { expect, Page, test } from '@playwright/test';
import {
  apiDelete,
  apiGet,
  entityQuery,
  openEntity,
  requireDemo,
  signIn,
} from './support';

// The alerts card on a seed service: the demo Prometheus keeps the MaiRust
// mail queue above 1000 (examples/prometheus/metrics.yaml: an ongoing
// backlog), so QueueBacklog fires for component mairust-smtp and reaches the
// demo Alertmanager. Needs the demo stack (UNYO_E2E_DEMO=1).
const SERVICE = 'component:default/mairust-smtp';
const ALERT = 'QueueBacklog';

/** Expires the silences this test made, so that it can run again. */
async function expireOurSilences(page: Page) {
  const res = await apiGet(
    page.request,
    `/api/ops/silences?${entityQuery(SERVICE)}`,
  );
  if (!res.ok()) return;
  for (const silence of (await res.json()).items) {
    if (silence.comment?.startsWith('e2e:')) {
      await apiDelete(
        page.request,
        `/api/ops/silences/${silence.id}?${entityQuery(SERVICE)}`,
      );
    }
  }
}

test('a firing alert links its runbook and can be silenced', async ({
  page,
}) => {
  requireDemo(
    'the demo Prometheus and Alertmanager (scripts/e2e.sh starts them)',
  );
  test.setTimeout(240_000);
  await signIn(page);
  await expireOurSilences(page);

  // QueueBacklog has `for: 10m`: on a fresh demo it is pending first.
  const row = page.getByTestId(`alert-${ALERT}`);
  await expect(async () => {
    await openEntity(page, SERVICE);
    await expect(row.getByText('Firing')).toBeVisible({ timeout: 15_000 });
  }).toPass({ timeout: 180_000 });

  // MaiRust's manual states no response times: the neutral level by name.
  await expect(row.getByText('Critical', { exact: true })).toBeVisible();
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

  await expireOurSilences(page);
});
