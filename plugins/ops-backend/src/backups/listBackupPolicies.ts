import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  BACKUP_POLICY_KIND,
  BackupPolicyEntity,
  isBackupPolicyEntity,
} from '@unyo/plugin-ops-common';

/** Every BackupPolicy of the catalog the credentials may see, page by page. */
export async function listBackupPolicies(
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<BackupPolicyEntity[]> {
  const policies: BackupPolicyEntity[] = [];
  let cursor: string | undefined;
  do {
    const page = await catalog.queryEntities(
      cursor
        ? { cursor, limit: 500 }
        : { filter: { kind: BACKUP_POLICY_KIND }, limit: 500 },
      { credentials },
    );
    policies.push(...page.items.filter(isBackupPolicyEntity));
    cursor = page.pageInfo.nextCursor;
  } while (cursor);
  return policies;
}
