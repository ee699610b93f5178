import type { Entity } from '@backstage/catalog-model';
import { isBackupPolicyEntity } from './BackupPolicyEntity';
import type { BackupPolicyEntity } from './BackupPolicyEntity';
import { isRunbookEntity } from './RunbookEntity';
import type { RunbookEntity } from './RunbookEntity';
import { isSliEntity, isSloEntity } from './SloEntity';
import type { SliEntity, SloEntity } from './SloEntity';

/** Any of the four kinds the Unyo catalog module adds. @public */
export type OpsEntity =
  | SloEntity
  | SliEntity
  | RunbookEntity
  | BackupPolicyEntity;

/** @public */
export function isOpsEntity(entity: Entity): entity is OpsEntity {
  return (
    isSloEntity(entity) ||
    isSliEntity(entity) ||
    isRunbookEntity(entity) ||
    isBackupPolicyEntity(entity)
  );
}
