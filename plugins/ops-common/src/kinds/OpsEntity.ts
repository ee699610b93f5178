import type { Entity } from '@backstage/catalog-model';
import {
  isAlertConditionEntity,
  isAlertNotificationTargetEntity,
  isAlertPolicyEntity,
} from './AlertingEntities';
import type {
  AlertConditionEntity,
  AlertNotificationTargetEntity,
  AlertPolicyEntity,
} from './AlertingEntities';
import { isBackupPolicyEntity } from './BackupPolicyEntity';
import type { BackupPolicyEntity } from './BackupPolicyEntity';
import { isCompositeSloEntity } from './CompositeSloEntity';
import type { CompositeSloEntity } from './CompositeSloEntity';
import { isDataSourceEntity } from './DataSourceEntity';
import type { DataSourceEntity } from './DataSourceEntity';
import { isOpenSloServiceEntity } from './OpenSloServiceEntity';
import type { OpenSloServiceEntity } from './OpenSloServiceEntity';
import { isRunbookEntity } from './RunbookEntity';
import type { RunbookEntity } from './RunbookEntity';
import { isSliEntity, isSloEntity } from './SloEntity';
import type { SliEntity, SloEntity } from './SloEntity';

/**
 * Any of the kinds the Unyo catalog module adds: the seven OpenSLO v1 kinds,
 * Runbook, BackupPolicy and CompositeSLO.
 *
 * @public
 */
export type OpsEntity =
  | SloEntity
  | SliEntity
  | AlertPolicyEntity
  | AlertConditionEntity
  | AlertNotificationTargetEntity
  | DataSourceEntity
  | OpenSloServiceEntity
  | RunbookEntity
  | BackupPolicyEntity
  | CompositeSloEntity;

/** @public */
export function isOpsEntity(entity: Entity): entity is OpsEntity {
  return (
    isSloEntity(entity) ||
    isSliEntity(entity) ||
    isAlertPolicyEntity(entity) ||
    isAlertConditionEntity(entity) ||
    isAlertNotificationTargetEntity(entity) ||
    isDataSourceEntity(entity) ||
    isOpenSloServiceEntity(entity) ||
    isRunbookEntity(entity) ||
    isBackupPolicyEntity(entity) ||
    isCompositeSloEntity(entity)
  );
}
