import { InputError } from '@backstage/errors';
import {
  AwsConnectionConfig,
  readAwsConnection,
} from '../aws/readAwsConnection';
import type { BackupSourceConnection } from '@unyo/plugin-ops-node';

/** Objects listed per target at most, unless the connection says otherwise. */
const DEFAULT_MAX_OBJECTS = 10_000;

/**
 * The keys of `ops.backups.sources.<name>` with `type: s3`: those of every
 * AWS connection, `forcePathStyle` (MinIO, s3rver) and `maxObjects`.
 */
export interface S3ConnectionConfig extends AwsConnectionConfig {
  forcePathStyle: boolean;
  maxObjects: number;
}

export function readS3Connection(
  connection?: BackupSourceConnection,
): S3ConnectionConfig {
  const config = connection?.config;
  const maxObjects =
    config?.getOptionalNumber('maxObjects') ?? DEFAULT_MAX_OBJECTS;
  if (!(Number.isInteger(maxObjects) && maxObjects > 0)) {
    throw new InputError(
      `ops.backups.sources.${connection?.name}.maxObjects must be a positive integer`,
    );
  }
  return {
    ...readAwsConnection(connection),
    forcePathStyle: config?.getOptionalBoolean('forcePathStyle') ?? false,
    maxObjects,
  };
}
