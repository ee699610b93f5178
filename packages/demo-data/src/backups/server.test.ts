import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningBackupStore, startBackupStore } from './server';

/** ListObjectsV2 over plain HTTP, as any S3 client sends it (unsigned). */
async function list(endpoint: string, bucket: string, prefix: string) {
  const res = await fetch(
    `${endpoint}/${bucket}?list-type=2&prefix=${encodeURIComponent(prefix)}`,
  );
  expect(res.status).toBe(200);
  const xml = await res.text();
  return [...xml.matchAll(/<Contents>([\s\S]*?)<\/Contents>/g)].map(m => ({
    key: /<Key>(.*?)<\/Key>/.exec(m[1])![1],
    lastModified: Date.parse(
      /<LastModified>(.*?)<\/LastModified>/.exec(m[1])![1],
    ),
    size: Number(/<Size>(.*?)<\/Size>/.exec(m[1])![1]),
  }));
}

describe('the demo backup store (s3rver)', () => {
  let dir: string;
  let store: RunningBackupStore;
  const started = Date.now();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'demo-backups-'));
    store = await startBackupStore({ directory: dir, port: 0 });
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the dumps with back-dated LastModified over the S3 API', async () => {
    const events = await list(store.endpoint, 'backup-bucket', 'event_store_');
    expect(events).toHaveLength(168);
    // every copy is back-dated to 2 min past its hour (Tokyo time in the key)
    for (const e of events) {
      const [, hh] = /_\d{8}_(\d{2})0000\.sql$/.exec(e.key)!;
      const d = new Date(e.lastModified);
      expect([e.key, d.getUTCMinutes(), d.getUTCSeconds()]).toEqual([
        e.key,
        2,
        0,
      ]);
      expect((d.getUTCHours() + 9) % 24).toBe(Number(hh));
    }
    const newest = Math.max(...events.map(e => e.lastModified));
    // hourly, uploaded 2 min after the hour: at most 1 h 2 min old
    expect(started - newest).toBeLessThanOrEqual(62 * 60_000);
    expect(events[0].size).toBe(48_000);

    const queries = await list(store.endpoint, 'backup-bucket', 'query_db_');
    const newestQuery = Math.max(...queries.map(e => e.lastModified));
    expect(started - newestQuery).toBeGreaterThan(3 * 3_600_000);

    const dumps = await list(store.endpoint, 'mairust-backups', 'db/');
    expect(dumps).toHaveLength(30);
    expect(dumps.every(d => d.key.endsWith('/db.dump'))).toBe(true);
    expect(store.uploaded()).toBeGreaterThan(400);
  });

  it('has every demo bucket, and refuses unknown ones', async () => {
    for (const bucket of [
      'backup-bucket',
      'mairust-backups',
      'rainbow-seeker-images-replica',
      'scalar-auditor-backups',
      'scalar-auditor-backups-dr',
    ]) {
      expect((await list(store.endpoint, bucket, '')).length).toBeGreaterThan(
        0,
      );
    }
    const res = await fetch(`${store.endpoint}/no-such-bucket?list-type=2`);
    expect(res.status).toBe(404);
  });

  it('keeps uploading as the schedules come due and deletes expired copies', async () => {
    const liveDir = await mkdtemp(join(tmpdir(), 'demo-backups-live-'));
    let clock = Date.parse('2026-11-23T07:37:20Z');
    const errors: Error[] = [];
    const live = await startBackupStore({
      directory: liveDir,
      port: 0,
      now: () => clock,
      tickMs: 50,
      onError: e => errors.push(e),
    });
    try {
      const before = await list(live.endpoint, 'backup-bucket', 'event_store_');
      expect(before).toHaveLength(168);
      // two hours later: two new hourly dumps, the two oldest past 7 days gone
      clock += 2 * 3_600_000;
      await waitFor(async () => {
        const keys = (
          await list(live.endpoint, 'backup-bucket', 'event_store_')
        ).map(o => o.key);
        expect(keys).toContain('event_store_20261123_180000.sql');
        expect(keys).not.toContain(before[0].key);
        expect(keys).toHaveLength(168);
      });
      // the stopped query-DB job uploaded nothing
      const queries = await list(live.endpoint, 'backup-bucket', 'query_db_');
      expect(Math.max(...queries.map(q => q.lastModified))).toBeLessThan(
        Date.parse('2026-11-23T04:37:20Z'),
      );
      expect(errors).toEqual([]);
    } finally {
      await live.close();
      await rm(liveDir, { recursive: true, force: true });
    }
  }, 60_000);
});

async function waitFor(check: () => Promise<void>, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (e) {
      if (Date.now() > until) throw e;
      await new Promise(r => setTimeout(r, 100));
    }
  }
}
