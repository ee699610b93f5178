import { mkdir, rm, stat, utimes } from 'node:fs/promises';
import { DEMO_BUCKETS, DemoObject, objectsBetween } from './plan';

/** The demo's S3-compatible server port (scripts/demo/lib.sh, app-config.demo.yaml). */
export const DEFAULT_BACKUPS_PORT = 18090;

/** How often the simulated backup jobs upload what became due. */
const TICK_MS = 60_000;

// s3rver ships no types: the part used here.
interface S3rverServer {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
  store: {
    getResourcePath(bucket: string, key: string, resource: string): string;
  };
}
type S3rverClass = new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: Array<{ name: string }>;
}) => S3rverServer;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver: S3rverClass = require('s3rver');

export interface RunningBackupStore {
  /** e.g. `http://127.0.0.1:18090` */
  endpoint: string;
  /** Objects uploaded so far. */
  uploaded(): number;
  /** Objects in the buckets now. */
  stored(): number;
  close(): Promise<void>;
}

function objectUrl(endpoint: string, object: DemoObject): string {
  return `${endpoint}/${object.bucket}/${object.key
    .split('/')
    .map(encodeURIComponent)
    .join('/')}`;
}

/**
 * Uploads one object over the S3 API (path style, unsigned: s3rver accepts
 * anonymous requests) and back-dates it. S3 has no call to set
 * LastModified; s3rver serves it from the stored file's mtime, so setting
 * the mtime is the same as having uploaded the object then.
 */
async function upload(
  server: S3rverServer,
  endpoint: string,
  object: DemoObject,
): Promise<void> {
  const url = objectUrl(endpoint, object);
  const body = Buffer.alloc(object.size, `demo backup ${object.key}\n`);
  const res = await fetch(url, { method: 'PUT', body });
  if (!res.ok) {
    throw new Error(`PUT ${url} answered ${res.status}: ${await res.text()}`);
  }
  const file = server.store.getResourcePath(
    object.bucket,
    object.key,
    'object',
  );
  // s3rver answers the PUT before its file stream has written everything
  // (under load, before the file exists); a late write would set the mtime
  // to now again, so wait for all bytes.
  const written = async () =>
    (await stat(file).catch(() => undefined))?.size ?? -1;
  for (let i = 0; (await written()) < object.size; i++) {
    if (i > 200) throw new Error(`s3rver did not finish writing ${url}`);
    await new Promise(r => setTimeout(r, 10));
  }
  const at = new Date(object.lastModifiedMs);
  await utimes(file, at, at);
}

/** Deletes a copy past its retention, as the job's cleanup would. */
async function remove(endpoint: string, object: DemoObject): Promise<void> {
  const url = objectUrl(endpoint, object);
  const res = await fetch(url, { method: 'DELETE' });
  if (!res.ok && res.status !== 404) {
    throw new Error(`DELETE ${url} answered ${res.status}`);
  }
}

/**
 * Starts s3rver over `directory` (emptied first: the copies are placed
 * relative to now), fills the demo buckets with the example systems' backup
 * files, and keeps uploading new ones as their schedules come due and
 * deleting those past their retention, like the jobs would; the stopped job
 * stays stopped. (Buckets stay well under 1,000 objects: s3rver fails
 * ListObjectsV2 requests that it has to truncate.)
 */
export async function startBackupStore(options: {
  directory: string;
  host?: string;
  port?: number;
  /** The clock (tests move it). */
  now?: () => number;
  /** How often the jobs' schedules are checked, default a minute. */
  tickMs?: number;
  onError?: (error: Error) => void;
}): Promise<RunningBackupStore> {
  const now = options.now ?? Date.now;
  await rm(options.directory, { recursive: true, force: true });
  await mkdir(options.directory, { recursive: true });
  const server = new S3rver({
    address: options.host ?? '127.0.0.1',
    port: options.port ?? DEFAULT_BACKUPS_PORT,
    silent: true,
    directory: options.directory,
    configureBuckets: DEMO_BUCKETS.map(name => ({ name })),
  });
  const { address, port } = await server.run();
  const endpoint = `http://${address}:${port}`;
  const startMs = now();
  let count = 0;
  let stored: DemoObject[] = [];
  const put = async (objects: DemoObject[]) => {
    for (const object of objects) {
      await upload(server, endpoint, object);
      stored.push(object);
      count++;
    }
  };
  const expire = async (nowMs: number) => {
    const expired = stored.filter(o => o.lastModifiedMs <= nowMs - o.keepMs);
    for (const object of expired) await remove(endpoint, object);
    stored = stored.filter(o => !expired.includes(o));
  };
  try {
    await put(objectsBetween(0, startMs, startMs));
  } catch (e) {
    await server.close();
    throw e;
  }
  let last = startMs;
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    const to = now();
    put(objectsBetween(last, to, startMs))
      .then(() => expire(to))
      .then(() => {
        last = to;
      })
      .catch(e => options.onError?.(e))
      .finally(() => {
        busy = false;
      });
  }, options.tickMs ?? TICK_MS);
  return {
    endpoint,
    uploaded: () => count,
    stored: () => stored.length,
    async close() {
      clearInterval(timer);
      await server.close();
    },
  };
}
