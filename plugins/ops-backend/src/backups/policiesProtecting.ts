import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  BackupPolicyEntity,
  isBackupPolicyEntity,
  RELATION_PROTECTED_BY,
} from '@unyo/plugin-ops-common';

/** The BackupPolicies that protect some of the entities (their protectedBy relations). */
export async function policiesProtecting(
  catalog: CatalogService,
  entities: Entity[],
  credentials: BackstageCredentials,
): Promise<BackupPolicyEntity[]> {
  const refs = [
    ...new Set(
      entities.flatMap(e =>
        (e.relations ?? [])
          .filter(r => r.type === RELATION_PROTECTED_BY)
          .map(r => r.targetRef),
      ),
    ),
  ];
  if (refs.length === 0) return [];
  const { items } = await catalog.getEntitiesByRefs(
    { entityRefs: refs },
    { credentials },
  );
  return items.filter(
    (e): e is BackupPolicyEntity => !!e && isBackupPolicyEntity(e),
  );
}
