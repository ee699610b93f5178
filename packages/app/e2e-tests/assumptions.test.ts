import { expect, test } from '@playwright/test';
import { openEntity, signIn } from './support';

// A value the manual does not state is marked on its page: the example
// BackupPolicy lists its restore-drill interval in `unyo.dev/assumptions`
// (examples/mairust/backup-policies.yaml, docs/examples.md).
const POLICY = 'backuppolicy:default/mairust-db-backups';

test('an assumed value is marked "assumed, not in the manual" on its page', async ({
  page,
}) => {
  await signIn(page);
  await openEntity(page, POLICY);
  const notice = page.getByTestId('ops-assumptions');
  await expect(
    notice.getByText('Assumed, not in the manual', { exact: true }),
  ).toBeVisible({ timeout: 30_000 });
  const row = notice.getByTestId('assumed-spec.restoreTest.every');
  await expect(row).toContainText('30d');
  await expect(row).toContainText('(assumed, not in the manual)');
  // The RPO the manual states is not marked.
  await expect(notice.getByTestId('assumed-spec.rpo')).toHaveCount(0);
});
