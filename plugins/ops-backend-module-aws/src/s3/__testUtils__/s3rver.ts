import {
  CreateBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import crypto from 'node:crypto';
import { mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { onFreePort } from '@internal/ops-test-utils';

/**
 * s3rver makes ListObjectsV2 continuation tokens with single DES, which
 * OpenSSL 3 (Node 17+) only has in its legacy provider. DES-EDE3 with the
 * key three times is the same cipher (encrypt, decrypt, encrypt with one
 * key is one encryption), so the tokens are what s3rver means them to be.
 */
function supportSingleDes() {
  try {
    crypto.createCipheriv('des', Buffer.alloc(8), Buffer.alloc(8));
    return;
  } catch {
    // Not available: map it below.
  }
  const patch = (original: any) =>
    function des(
      this: unknown,
      algorithm: string,
      key: any,
      iv: any,
      ...rest: any[]
    ) {
      if (algorithm === 'des') {
        const k = Buffer.from(key);
        return original.call(
          this,
          'des-ede3-cbc',
          Buffer.concat([k, k, k]),
          iv,
          ...rest,
        );
      }
      return original.call(this, algorithm, key, iv, ...rest);
    };
  (crypto as any).createCipheriv = patch(crypto.createCipheriv);
  (crypto as any).createDecipheriv = patch(crypto.createDecipheriv);
}

/** s3rver's default credentials: it checks signatures made with them. */
export const S3RVER_CREDENTIALS = {
  accessKeyId: 'S3RVER',
  secretAccessKey: 'S3RVER',
};

export interface TestS3 {
  endpoint: string;
  client: S3Client;
  /**
   * Uploads an object through the S3 API, then back-dates it to
   * `lastModified`. s3rver serves LastModified from the stored file's mtime,
   * as S3 does from when the object was written: setting the mtime is the
   * same as having uploaded it then.
   */
  putObject(
    bucket: string,
    key: string,
    lastModified: Date,
    body?: string,
  ): Promise<void>;
  createBucket(bucket: string): Promise<void>;
  /** Stops the server; `start` again on the same data and port. */
  takeDown(): Promise<void>;
  bringUp(): Promise<void>;
  stop(): Promise<void>;
}

/** A real s3rver on a free loopback port over a temporary directory. */
export async function startS3rver(): Promise<TestS3> {
  supportSingleDes();
  const directory = mkdtempSync(join(tmpdir(), 'ops-s3rver-'));
  let port = 0;
  let server: S3rver | undefined;
  const bringUp = async () => {
    server = new S3rver({
      address: '127.0.0.1',
      port,
      silent: true,
      directory,
    });
    await server.run();
  };
  const takeDown = async () => {
    await server?.close();
    server = undefined;
  };
  // The port is kept for bringUp after takeDown; the first bind retries on a clash.
  await onFreePort(async chosen => {
    port = chosen;
    await bringUp();
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: S3RVER_CREDENTIALS,
  });
  return {
    endpoint,
    client,
    async createBucket(bucket) {
      await client.send(new CreateBucketCommand({ Bucket: bucket }));
    },
    async putObject(bucket, key, lastModified, body = 'dump') {
      await client.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }),
      );
      // s3rver's file store: <dir>/<bucket>/<key dirs>/<name>._S3rver_object
      const parts = key.split('/');
      const name = `${parts.pop()}._S3rver_object`;
      const file = join(directory, bucket, ...parts, name);
      // s3rver may still be finishing the file after it answered the PUT,
      // which sets the time back to now: set it until s3rver reports it.
      const seconds = Math.floor(lastModified.getTime() / 1000);
      for (let attempt = 0; ; attempt++) {
        utimesSync(file, lastModified, lastModified);
        const head = await client.send(
          new HeadObjectCommand({ Bucket: bucket, Key: key }),
        );
        const reported = head.LastModified?.getTime() ?? NaN;
        if (Math.floor(reported / 1000) === seconds) return;
        if (attempt === 50) {
          throw new Error(
            `s3rver reports ${key} modified at ${head.LastModified?.toISOString()}, not ${lastModified.toISOString()}`,
          );
        }
        await new Promise(resolve => setTimeout(resolve, 20));
      }
    },
    takeDown,
    bringUp,
    async stop() {
      client.destroy();
      await takeDown();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
