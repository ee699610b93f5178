import { LoggerService } from '@backstage/backend-plugin-api';
import { BackupSourceReader } from '@unyo/plugin-ops-node';
import { PrometheusClients } from '../../prometheus/PrometheusClients';
import { BackupReportStore } from '../BackupStore';
import { PrometheusBackupReader } from './prometheus/PrometheusBackupReader';
import { PushReader } from './push/PushReader';

/** What the core's readers need. */
export interface BackupReaderDeps {
  logger: LoggerService;
  /** Absent when no Prometheus server is configured. */
  prometheus?: PrometheusClients;
  reports: BackupReportStore;
}

/**
 * The source types the core reads itself (`prometheus`, `push`); the others
 * come from modules through `opsBackupSourcesExtensionPoint`
 * (docs/custom-module.md).
 */
export function createBuiltInBackupReaders(
  deps: BackupReaderDeps,
): BackupSourceReader[] {
  return [
    new PrometheusBackupReader({
      logger: deps.logger,
      prometheus: deps.prometheus,
    }),
    new PushReader({ reports: deps.reports }),
  ];
}
