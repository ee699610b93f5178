import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  DescribeDBInstancesCommand,
  RDSClient,
  DescribeDBSnapshotsCommand,
  type DBSnapshot,
} from '@aws-sdk/client-rds';
import { sourceFieldPath } from '@unyo/plugin-ops-node';
import type {
  BackupCopy,
  BackupReadRequest,
  BackupReading,
  BackupSourceReader,
} from '@unyo/plugin-ops-node';
import { AwsClients } from '../aws/AwsClients';
import { awsError } from '../aws/awsError';
import { readAwsConnection } from '../aws/readAwsConnection';

// RDS instance identifiers: 1-63 letters, digits and hyphens, starting with a letter.
const DB_INSTANCE_IDENTIFIER = /^[A-Za-z][A-Za-z0-9-]{0,62}$/;
/** RDS keeps at most 35 days of daily automated snapshots; a margin for manual runs. */
const MAX_SNAPSHOTS = 500;

/**
 * `type: rds`: DescribeDBInstances gives the instance's
 * LatestRestorableTime (point-in-time recovery, typically within 5 minutes)
 * and BackupRetentionPeriod; DescribeDBSnapshots its automated snapshots.
 * Targets of type `wal` (or without a type) are judged on the latest
 * restorable time; other types (`snapshot`, `full`) on the snapshots, since
 * PITR does not prove that the daily snapshot ran.
 */
export class RdsReader implements BackupSourceReader {
  readonly type = 'rds' as const;
  private readonly clients: AwsClients<RDSClient>;

  constructor(options: { logger: LoggerService }) {
    this.clients = new AwsClients({
      logger: options.logger,
      service: 'RDS',
      create: clientOptions => new RDSClient(clientOptions),
    });
  }

  async read(request: BackupReadRequest): Promise<BackupReading> {
    const { policy, target, connection, signal } = request;
    const field = sourceFieldPath(policy, target, 'dbInstanceIdentifier');
    const id = target.source.dbInstanceIdentifier;
    if (!id) {
      throw new InputError(`${field} is required for an rds source`);
    }
    if (!DB_INSTANCE_IDENTIFIER.test(id)) {
      throw new InputError(
        `${field} must be an RDS instance identifier (a letter, then letters, digits or hyphens; at most 63), got '${id}'`,
      );
    }
    const client = this.clients.get(connection, readAwsConnection(connection));

    let instances;
    try {
      instances = await client.send(
        new DescribeDBInstancesCommand({ DBInstanceIdentifier: id }),
        { abortSignal: signal },
      );
    } catch (error) {
      throw awsError(`RDS DescribeDBInstances of '${id}'`, error);
    }
    const instance = instances.DBInstances?.[0];
    if (!instance) {
      throw new Error(`RDS DescribeDBInstances found no instance '${id}'`);
    }

    const snapshots: DBSnapshot[] = [];
    let truncated = false;
    try {
      let marker: string | undefined;
      do {
        const page = await client.send(
          new DescribeDBSnapshotsCommand({
            DBInstanceIdentifier: id,
            SnapshotType: 'automated',
            MaxRecords: 100,
            Marker: marker,
          }),
          { abortSignal: signal },
        );
        snapshots.push(...(page.DBSnapshots ?? []));
        marker = page.Marker;
        if (marker && snapshots.length >= MAX_SNAPSHOTS) truncated = true;
      } while (marker && !truncated);
    } catch (error) {
      throw awsError(`RDS DescribeDBSnapshots of '${id}'`, error);
    }

    const copies: BackupCopy[] = [];
    let creating = 0;
    for (const s of snapshots) {
      if (!s.SnapshotCreateTime) continue;
      const status = s.Status?.toLowerCase();
      if (status === 'available' || status === 'failed') {
        copies.push({
          finishedAt: s.SnapshotCreateTime,
          ...(s.OriginalSnapshotCreateTime
            ? { startedAt: s.OriginalSnapshotCreateTime }
            : {}),
          type: 'snapshot',
          status: status === 'available' ? 'succeeded' : 'failed',
          ...(s.AllocatedStorage !== undefined
            ? { sizeBytes: s.AllocatedStorage * 1024 ** 3 }
            : {}),
          ...(s.DBSnapshotIdentifier
            ? { location: s.DBSnapshotIdentifier }
            : {}),
        });
      } else if (status === 'creating') {
        creating++;
      }
    }
    copies.sort((a, b) => b.finishedAt.getTime() - a.finishedAt.getTime());

    const pointInTime = target.type === undefined || target.type === 'wal';
    const retentionDays = instance.BackupRetentionPeriod ?? null;
    return {
      copies: pointInTime ? [] : copies,
      ...(pointInTime
        ? { lastSuccessAt: instance.LatestRestorableTime ?? null }
        : {}),
      retentionFound: pointInTime
        ? null
        : copies.filter(c => c.status === 'succeeded').length,
      details: {
        dbInstanceStatus: instance.DBInstanceStatus ?? null,
        engine: instance.Engine ?? null,
        latestRestorableTime:
          instance.LatestRestorableTime?.toISOString() ?? null,
        backupRetentionPeriodDays: retentionDays,
        preferredBackupWindow: instance.PreferredBackupWindow ?? null,
        automatedSnapshots: copies.filter(c => c.status === 'succeeded').length,
        snapshotsCreating: creating,
        ...(truncated ? { truncated: true } : {}),
      },
      ...(retentionDays === 0
        ? {
            warning: `Automated backups of '${id}' are disabled (BackupRetentionPeriod 0)`,
          }
        : {}),
    };
  }
}
