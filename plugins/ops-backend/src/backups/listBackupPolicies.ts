import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  BACKUP_POLICY_KIND,
  BackupPolicyEntity,
  isBackupPolicyEntity,
} from '@unyo/plugin-ops-common';
import { queryAllEntities } from '../lib/queryAllEntities';

/** Every BackupPolicy of the catalog the credentials may see, page by page. */
export async function listBackupPolicies(
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<BackupPolicyEntity[]> {
  const entities = await queryAllEntities(
    catalog,
    BACKUP_POLICY_KIND,
    credentials,
  );
  return entities.filter(isBackupPolicyEntity);
}
