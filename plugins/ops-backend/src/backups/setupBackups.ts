import {
  AuthService,
  DatabaseService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { durationToMilliseconds } from '@backstage/types';
import { OpsConfig } from '../config/OpsConfig';
import { PrometheusClients } from '../prometheus/PrometheusClients';
import { BackupMonitor } from './BackupMonitor';
import { BackupService } from './BackupService';
import { DatabaseBackupStore } from './DatabaseBackupStore';
import { DefaultBackupService } from './DefaultBackupService';
import { BackupSourceReader } from '@unyo/plugin-ops-node';
import { TypeRegistry } from '../extensions/TypeRegistry';
import { createBuiltInBackupReaders } from './sources';
import { BackupStatus } from '@unyo/plugin-ops-common';
import { listBackupPolicies } from './listBackupPolicies';
import { policyStatuses } from './policyStatuses';

// A source never takes longer than this, nor more than half the interval.
const MAX_SOURCE_TIMEOUT_MS = 30_000;

/**
 * The backup feature: its store, the readers, the scheduled task
 * `unyo-backup-status` (every `ops.backups.interval`, default 5 minutes) and
 * the service the routes read.
 */
export async function setupBackups(options: {
  config: OpsConfig;
  database: DatabaseService;
  scheduler: SchedulerService;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  prometheus?: PrometheusClients;
  /** The readers modules added; the core's own join them here. */
  readers: TypeRegistry<BackupSourceReader>;
  /** Told the status of every target after each round (notifications). */
  onStatuses?: (statuses: BackupStatus[]) => Promise<void>;
}): Promise<BackupService> {
  const { config, database, scheduler, catalog, auth, logger } = options;
  const interval = config.backupInterval;
  const connections = config.backupSources;
  const store = await DatabaseBackupStore.create({ database });
  for (const reader of createBuiltInBackupReaders({
    logger,
    prometheus: options.prometheus,
    reports: store,
  })) {
    options.readers.add(reader.type, reader);
  }
  const readers = options.readers.asMap();
  const intervalMs = durationToMilliseconds(interval);
  const monitor = new BackupMonitor({
    catalog,
    auth,
    store,
    readers,
    connections,
    logger,
    timeoutMs: Math.min(MAX_SOURCE_TIMEOUT_MS, intervalMs / 2),
  });
  const notReadYetMessage = `Not read yet: the first reading runs within ${Math.round(
    intervalMs / 1000,
  )} s`;
  const { onStatuses } = options;
  // A scheduler task runs once per round across replicas.
  await scheduler.scheduleTask({
    id: 'unyo-backup-status',
    frequency: interval,
    timeout: { minutes: 10 },
    initialDelay: { seconds: 10 },
    fn: async () => {
      await monitor.readAll();
      if (onStatuses) {
        const policies = await listBackupPolicies(
          catalog,
          await auth.getOwnServiceCredentials(),
        );
        await onStatuses(
          await policyStatuses(
            { store, readers, connections, notReadYetMessage },
            policies,
            () => new Date(),
          ),
        );
      }
    },
  });
  return new DefaultBackupService({
    catalog,
    auth,
    store,
    readers,
    connections,
    notReadYetMessage,
  });
}
