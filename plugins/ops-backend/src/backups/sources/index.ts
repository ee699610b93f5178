import { LifecycleService, LoggerService } from '@backstage/backend-plugin-api';
import { BackupSourceType } from '@unyo/plugin-ops-common';
import { PrometheusClients } from '../../prometheus/PrometheusClients';
import { BackupReportStore } from '../BackupStore';
import { AwsBackupReader } from './awsBackup';
import { AzureCosmosDbReader } from './azureCosmosDb';
import { PgBackRestReader } from './pgbackrest';
import { PostgresWalReader } from './postgresWal';
import { PrometheusBackupReader } from './prometheus/PrometheusBackupReader';
import { PushReader } from './push/PushReader';
import { RdsReader } from './rds';
import { S3Reader } from './s3/S3Reader';
import { BackupSourceReader } from './types';

/** What the readers may need; each takes only its part. */
export interface BackupReaderDeps {
  logger: LoggerService;
  /** Absent when no Prometheus server is configured. */
  prometheus?: PrometheusClients;
  reports: BackupReportStore;
  /** Closes the PostgreSQL pools of `postgres-wal` sources on shutdown. */
  lifecycle?: LifecycleService;
}

/**
 * One reader per source type. Readers owned elsewhere add their line here:
 * `new X({ logger })`.
 */
export function createBackupReaders(
  deps: BackupReaderDeps,
): Map<BackupSourceType, BackupSourceReader> {
  const { logger } = deps;
  const postgresWal = new PostgresWalReader({ logger });
  deps.lifecycle?.addShutdownHook(() => postgresWal.close());
  const readers: BackupSourceReader[] = [
    new S3Reader({ logger }),
    new PrometheusBackupReader({ logger, prometheus: deps.prometheus }),
    new PushReader({ reports: deps.reports }),
    postgresWal,
    new PgBackRestReader({ logger }),
    new RdsReader({ logger }),
    new AwsBackupReader({ logger }),
    new AzureCosmosDbReader({ logger }),
  ];
  return new Map(readers.map(r => [r.type, r]));
}
