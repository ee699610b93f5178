import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  BackupCoverage,
  BackupsResponse,
  BackupStatus,
} from '@unyo/plugin-ops-common';
import { BackupReportInput, StoredBackupReport } from './BackupStore';

/** Backup status of catalog entities, and the reports jobs push. */
export interface BackupService {
  /**
   * Every target (and the restore drill row) of the BackupPolicies that
   * protect the entity, or of the entity itself when it is a BackupPolicy;
   * NotFoundError if the entity does not exist.
   */
  listForEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<BackupsResponse>;
  /** A system's resources (and database components) and what protects them. */
  coverage(
    systemRef: string,
    credentials: BackstageCredentials,
  ): Promise<BackupCoverage>;
  /**
   * How many backup targets (restore drills aside) are within their RPO
   * (`ok` or `late`): of the policies protecting the entities or what they
   * depend on, or of every policy when `entityRefs` is unset. The SLO
   * report's summary shows it.
   */
  rpoCoverage(
    entityRefs: string[] | undefined,
    credentials: BackstageCredentials,
  ): Promise<{ covered: number; total: number }>;
  /**
   * Stores a pushed run; NotFoundError naming `policyRef` or `target` when
   * the policy or its target does not exist. Returns the stored report and
   * the target's status with it.
   */
  report(
    input: BackupReportInput,
  ): Promise<{ report: StoredBackupReport; status: BackupStatus }>;
}
