import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { BackupSourceReader } from './backups';
import type { MetricSourceType } from './metrics';
import type { ActionRunner } from './runbooks';

/**
 * Adds backup source types: a BackupPolicy target whose `source.type` is the
 * reader's `type` is read by it on every round of `unyo-backup-status`.
 *
 * @public
 */
export interface OpsBackupSourcesExtensionPoint {
  /** Throws when a reader of the same type is already registered. */
  addBackupSourceReader(...readers: BackupSourceReader[]): void;
}

/**
 * The extension point for backup source types (see
 * {@link OpsBackupSourcesExtensionPoint}).
 *
 * @public
 */
export const opsBackupSourcesExtensionPoint =
  createExtensionPoint<OpsBackupSourcesExtensionPoint>({
    id: 'ops.backup-sources',
  });

/**
 * Adds runbook action types: a Runbook action whose `type` is `type` runs
 * through the runner, after the backend's permission, parameter and
 * confirmation checks, written to the executions table and the auditor.
 *
 * @public
 */
export interface OpsRunbookActionsExtensionPoint {
  /** Throws when the type is already registered. */
  addActionType(type: string, runner: ActionRunner): void;
}

/**
 * The extension point for runbook action types (see
 * {@link OpsRunbookActionsExtensionPoint}).
 *
 * @public
 */
export const opsRunbookActionsExtensionPoint =
  createExtensionPoint<OpsRunbookActionsExtensionPoint>({
    id: 'ops.runbook-actions',
  });

/**
 * Adds SLO metric source types, beside the backend's own `prometheus`.
 *
 * @public
 */
export interface OpsMetricSourcesExtensionPoint {
  /** Throws when the type is already registered. */
  addMetricSourceType(...types: MetricSourceType[]): void;
}

/**
 * The extension point for SLO metric source types (see
 * {@link OpsMetricSourcesExtensionPoint}).
 *
 * @public
 */
export const opsMetricSourcesExtensionPoint =
  createExtensionPoint<OpsMetricSourcesExtensionPoint>({
    id: 'ops.metric-sources',
  });
