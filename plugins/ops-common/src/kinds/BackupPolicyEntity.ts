import type { Entity } from '@backstage/catalog-model';
import { BACKUP_POLICY_KIND, UNYO_API_VERSION } from './constants';
import { isKind } from './isKind';

/** `<n>(s|m|h|d|w)`, e.g. `5m`, `6h`, `1d`, `30d`. @public */
export type BackupDuration = string;

/** @public */
export type BackupType =
  | 'full'
  | 'differential'
  | 'incremental'
  | 'wal'
  | 'snapshot'
  | 'config'
  | 'objects';

/** @public */
export type BackupSourceType =
  | 'postgres-wal'
  | 'pgbackrest'
  | 's3'
  | 'aws-backup'
  | 'rds'
  | 'azure-cosmosdb'
  | 'prometheus'
  | 'push';

/**
 * Where a target's backups are found. `connection` names a key of
 * `ops.backups.sources` in app-config; the other fields depend on `type`.
 *
 * @public
 */
export type BackupSource = {
  type: BackupSourceType;
  connection?: string;
  /** s3 (required). */
  bucket?: string;
  prefix?: string;
  /** s3: a regular expression on the object key. */
  pattern?: string;
  /** pgbackrest (required). */
  stanza?: string;
  /** prometheus (required). */
  query?: string;
  backupVaultName?: string;
  resourceArn?: string;
  /** rds (required). */
  dbInstanceIdentifier?: string;
  /** azure-cosmosdb (required, with resourceGroup and account). */
  subscriptionId?: string;
  resourceGroup?: string;
  account?: string;
};

/** Either `every` or `cron` (with an optional IANA `timezone`). @public */
export type BackupSchedule =
  | { every: BackupDuration }
  | { cron: string; timezone?: string };

/** @public */
export type BackupTarget = {
  /** Unique within the policy. */
  name: string;
  type?: BackupType;
  schedule?: BackupSchedule;
  retention?: BackupDuration;
  retentionCount?: number;
  source: BackupSource;
};

/** A BackupPolicy entity. @public */
export interface BackupPolicyEntity extends Entity {
  apiVersion: typeof UNYO_API_VERSION;
  kind: typeof BACKUP_POLICY_KIND;
  spec: {
    titleJa?: string;
    description?: string;
    owner: string;
    protects: string[];
    rpo: BackupDuration;
    rto?: BackupDuration;
    targets: BackupTarget[];
    /** Restore drills report with target `restore-test`. */
    restoreTest?: { every: BackupDuration };
  };
}

/** @public */
export function isBackupPolicyEntity(
  entity: Entity,
): entity is BackupPolicyEntity {
  return isKind(entity, UNYO_API_VERSION, BACKUP_POLICY_KIND);
}
