import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import {
  BackupCopy,
  BackupReadRequest,
  BackupReading,
  BackupSourceConnection,
  BackupSourceReader,
} from '../types';

/** Objects listed per target at most, unless the connection says otherwise. */
const DEFAULT_MAX_OBJECTS = 10_000;

/** The keys of `ops.backups.sources.<name>` with `type: s3`. */
export interface S3ConnectionConfig {
  /** e.g. `http://127.0.0.1:4569` for MinIO or s3rver; AWS when unset. */
  endpoint?: string;
  region: string;
  forcePathStyle: boolean;
  /** Both or neither; the default AWS credential chain when neither. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  maxObjects: number;
}

export function readS3Connection(
  connection?: BackupSourceConnection,
): S3ConnectionConfig {
  const config = connection?.config;
  const at = `ops.backups.sources.${connection?.name}`;
  const accessKeyId = config?.getOptionalString('accessKeyId');
  const secretAccessKey = config?.getOptionalString('secretAccessKey');
  if (!!accessKeyId !== !!secretAccessKey) {
    throw new InputError(
      `${at} needs both accessKeyId and secretAccessKey, or neither (default credential chain)`,
    );
  }
  const maxObjects =
    config?.getOptionalNumber('maxObjects') ?? DEFAULT_MAX_OBJECTS;
  if (!(Number.isInteger(maxObjects) && maxObjects > 0)) {
    throw new InputError(`${at}.maxObjects must be a positive integer`);
  }
  return {
    endpoint: config?.getOptionalString('endpoint'),
    region:
      config?.getOptionalString('region') ??
      process.env.AWS_REGION ??
      'us-east-1',
    forcePathStyle: config?.getOptionalBoolean('forcePathStyle') ?? false,
    credentials:
      accessKeyId && secretAccessKey
        ? { accessKeyId, secretAccessKey }
        : undefined,
    maxObjects,
  };
}

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
  private readonly clients = new Map<string, S3Client>();

  constructor(
    private readonly options: {
      logger: LoggerService;
      /** Keys per ListObjectsV2 page; S3's own maximum by default. */
      pageSize?: number;
    },
  ) {}

  private client(connection?: BackupSourceConnection): {
    client: S3Client;
    maxObjects: number;
  } {
    const config = readS3Connection(connection);
    const key = connection?.name ?? '';
    let client = this.clients.get(key);
    if (!client) {
      client = new S3Client({
        region: config.region,
        endpoint: config.endpoint,
        forcePathStyle: config.forcePathStyle,
        credentials: config.credentials,
        // One retry at most: the task reads again next round anyway.
        maxAttempts: 2,
      });
      this.clients.set(key, client);
    }
    return { client, maxObjects: config.maxObjects };
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
    const { client, maxObjects } = this.client(connection);
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
