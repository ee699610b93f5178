import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  BackupClient,
  ListBackupJobsCommand,
  ListRecoveryPointsByResourceCommand,
  type BackupJob,
  type RecoveryPointByResource,
} from '@aws-sdk/client-backup';
import { parseBackupDuration } from '@unyo/plugin-ops-common';
import { AwsClients } from '../aws/AwsClients';
import { awsError } from '../aws/awsError';
import { readAwsConnection } from '../aws/readAwsConnection';
import { sourceFieldPath } from '@unyo/plugin-ops-node';
import type {
  BackupCopy,
  BackupReadRequest,
  BackupReading,
  BackupSourceReader,
} from '@unyo/plugin-ops-node';

// An ARN without characters that mean something in a URL or a query.
const RESOURCE_ARN =
  /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:[0-9]{0,12}:[A-Za-z0-9/:._+=@,-]+$/;
// AWS Backup's own rule for vault names.
const VAULT_NAME = /^[A-Za-z0-9_-]{2,50}$/;
/** Jobs are listed back this far when the target has no retention. */
const DEFAULT_LOOKBACK_SECONDS = 14 * 86400;
const MAX_ITEMS = 1000;

const FAILED_STATES = new Set(['FAILED', 'ABORTED', 'EXPIRED', 'PARTIAL']);
const RUNNING_STATES = new Set(['CREATED', 'PENDING', 'RUNNING', 'ABORTING']);
const KEPT_RECOVERY_POINTS = new Set(['COMPLETED', 'AVAILABLE']);

/**
 * `type: aws-backup`: the backup jobs of `resourceArn` (in
 * `backupVaultName`, when given) created within the target's retention
 * (14 days without one) — COMPLETED jobs are good copies, FAILED, ABORTED,
 * EXPIRED and PARTIAL ones failed runs — and the resource's recovery points
 * still kept (COMPLETED/AVAILABLE) as the retention found.
 */
export class AwsBackupReader implements BackupSourceReader {
  readonly type = 'aws-backup' as const;
  private readonly clients: AwsClients<BackupClient>;

  constructor(options: { logger: LoggerService }) {
    this.clients = new AwsClients({
      logger: options.logger,
      service: 'AWS Backup',
      create: clientOptions => new BackupClient(clientOptions),
    });
  }

  async read(request: BackupReadRequest): Promise<BackupReading> {
    const { policy, target, connection, signal, now } = request;
    const arnField = sourceFieldPath(policy, target, 'resourceArn');
    const resourceArn = target.source.resourceArn;
    if (!resourceArn) {
      throw new InputError(`${arnField} is required for an aws-backup source`);
    }
    if (!RESOURCE_ARN.test(resourceArn)) {
      throw new InputError(
        `${arnField} must be an AWS resource ARN, got '${resourceArn}'`,
      );
    }
    const vault = target.source.backupVaultName;
    if (vault !== undefined && !VAULT_NAME.test(vault)) {
      throw new InputError(
        `${sourceFieldPath(
          policy,
          target,
          'backupVaultName',
        )} must be a backup vault name (2-50 letters, digits, - or _), got '${vault}'`,
      );
    }
    const lookback = target.retention
      ? parseBackupDuration(target.retention)
      : DEFAULT_LOOKBACK_SECONDS;
    const client = this.clients.get(connection, readAwsConnection(connection));

    const jobs: BackupJob[] = [];
    let truncated = false;
    try {
      let nextToken: string | undefined;
      do {
        const page = await client.send(
          new ListBackupJobsCommand({
            ByResourceArn: resourceArn,
            ByBackupVaultName: vault,
            ByCreatedAfter: new Date(now.getTime() - lookback * 1000),
            MaxResults: 100,
            NextToken: nextToken,
          }),
          { abortSignal: signal },
        );
        jobs.push(...(page.BackupJobs ?? []));
        nextToken = page.NextToken;
        if (nextToken && jobs.length >= MAX_ITEMS) truncated = true;
      } while (nextToken && !truncated);
    } catch (error) {
      throw awsError(`AWS Backup ListBackupJobs of '${resourceArn}'`, error);
    }

    const points: RecoveryPointByResource[] = [];
    try {
      let nextToken: string | undefined;
      do {
        const page = await client.send(
          new ListRecoveryPointsByResourceCommand({
            ResourceArn: resourceArn,
            MaxResults: 100,
            NextToken: nextToken,
          }),
          { abortSignal: signal },
        );
        points.push(...(page.RecoveryPoints ?? []));
        nextToken = page.NextToken;
      } while (nextToken && points.length < MAX_ITEMS);
    } catch (error) {
      throw awsError(
        `AWS Backup ListRecoveryPointsByResource of '${resourceArn}'`,
        error,
      );
    }

    const copies: BackupCopy[] = [];
    let running = 0;
    let lastFailure: { job: BackupJob; at: Date } | undefined;
    for (const job of jobs) {
      const state = job.State ?? '';
      const finishedAt = job.CompletionDate ?? job.CreationDate;
      if (RUNNING_STATES.has(state)) {
        running++;
        continue;
      }
      if (!finishedAt || (state !== 'COMPLETED' && !FAILED_STATES.has(state))) {
        continue;
      }
      const failed = state !== 'COMPLETED';
      if (failed && (!lastFailure || finishedAt > lastFailure.at)) {
        lastFailure = { job, at: finishedAt };
      }
      copies.push({
        finishedAt,
        ...(job.CreationDate ? { startedAt: job.CreationDate } : {}),
        ...(target.type ? { type: target.type } : {}),
        status: failed ? 'failed' : 'succeeded',
        ...(job.BackupSizeInBytes !== undefined
          ? { sizeBytes: job.BackupSizeInBytes }
          : {}),
        ...(job.RecoveryPointArn ? { location: job.RecoveryPointArn } : {}),
      });
    }
    copies.sort((a, b) => b.finishedAt.getTime() - a.finishedAt.getTime());

    const kept = points.filter(
      p =>
        KEPT_RECOVERY_POINTS.has(p.Status ?? '') &&
        (!vault || p.BackupVaultName === vault),
    );
    return {
      copies,
      retentionFound: kept.length,
      details: {
        jobsListed: jobs.length,
        jobsRunning: running,
        recoveryPoints: kept.length,
        oldestRecoveryPoint:
          kept
            .map(p => p.CreationDate)
            .filter((d): d is Date => !!d)
            .sort((a, b) => a.getTime() - b.getTime())[0]
            ?.toISOString() ?? null,
        ...(lastFailure
          ? {
              lastFailedJob: lastFailure.job.BackupJobId ?? null,
              lastFailedState: lastFailure.job.State ?? null,
              lastFailureMessage: lastFailure.job.StatusMessage ?? null,
            }
          : {}),
        ...(truncated ? { truncated: true } : {}),
      },
    };
  }
}
