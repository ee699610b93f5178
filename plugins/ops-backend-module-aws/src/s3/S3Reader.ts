import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { AwsClients } from '../aws/AwsClients';
import {
  BackupCopy,
  BackupReadRequest,
  BackupReading,
  BackupSourceReader,
} from '@unyo/plugin-ops-node';
import { readS3Connection, S3ConnectionConfig } from './readS3Connection';

function compilePattern(target: string, pattern?: string): RegExp | null {
  if (pattern === undefined) return null;
  try {
    return new RegExp(pattern);
  } catch (e) {
    throw new InputError(
      `Target ${target}: source.pattern is not a regular expression: ${
        (e as Error).message
      }`,
    );
  }
}

/**
 * `type: s3`: each object under `bucket`/`prefix` (whose key matches
 * `pattern`, when given) is one good copy, finished at its LastModified.
 * S3 lists keys in name order, not by time, so every page is read (up to
 * `maxObjects`, then `details.truncated`).
 */
export class S3Reader implements BackupSourceReader {
  readonly type = 's3' as const;
  private readonly clients: AwsClients<S3Client, S3ConnectionConfig>;

  constructor(
    private readonly options: {
      logger: LoggerService;
      /** Keys per ListObjectsV2 page; S3's own maximum by default. */
      pageSize?: number;
    },
  ) {
    this.clients = new AwsClients({
      logger: options.logger,
      service: 'S3',
      create: (clientOptions, settings) =>
        new S3Client({
          ...clientOptions,
          forcePathStyle: settings.forcePathStyle,
        }),
    });
  }

  async read({
    target,
    connection,
    signal,
  }: BackupReadRequest): Promise<BackupReading> {
    const { bucket, prefix, pattern } = target.source;
    if (!bucket) {
      throw new InputError(
        `Target ${target.name} has no source.bucket: an s3 source needs one`,
      );
    }
    const match = compilePattern(target.name, pattern);
    const settings = readS3Connection(connection);
    const { maxObjects } = settings;
    const client = this.clients.get(connection, settings);
    const copies: BackupCopy[] = [];
    let listed = 0;
    let truncated = false;
    let token: string | undefined;
    // Page by page with the continuation token; the signal ends a slow one.
    do {
      const page = await client.send(
        new ListObjectsV2Command({
          Bucket: bucket,
          Prefix: prefix,
          MaxKeys: this.options.pageSize ?? 1000,
          ContinuationToken: token,
        }),
        { abortSignal: signal },
      );
      const objects = page.Contents ?? [];
      const room = maxObjects - listed;
      truncated = objects.length > room;
      for (const object of objects.slice(0, room)) {
        listed++;
        if (!object.Key || !object.LastModified) continue;
        if (match && !match.test(object.Key)) continue;
        copies.push({
          status: 'succeeded',
          finishedAt: object.LastModified,
          ...(target.type ? { type: target.type } : {}),
          ...(object.Size !== undefined ? { sizeBytes: object.Size } : {}),
          location: `s3://${bucket}/${object.Key}`,
        });
      }
      token =
        !truncated && page.IsTruncated ? page.NextContinuationToken : undefined;
      // Exactly maxObjects listed with more pages to come is truncated too.
      if (token && listed >= maxObjects) {
        truncated = true;
        token = undefined;
      }
    } while (token);
    if (truncated) {
      this.options.logger.warn(
        `s3://${bucket}/${
          prefix ?? ''
        } has more than ${maxObjects} objects: listing stopped (maxObjects)`,
      );
    }
    copies.sort((a, b) => b.finishedAt.getTime() - a.finishedAt.getTime());
    return {
      copies,
      details: {
        bucket,
        objectsListed: listed,
        ...(truncated ? { truncated: true } : {}),
      },
    };
  }
}
