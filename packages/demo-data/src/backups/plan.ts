/**
 * What the demo's S3-compatible server holds: the dump files the example
 * systems' backup jobs (their manuals' backup.sh and friends) would have
 * uploaded, with realistic times, so the BackupPolicies in
 * examples/*\/backup-policies.yaml show live status.
 *
 * Japan has no daylight saving time, so the catalog's Asia/Tokyo cron
 * schedules are fixed UTC offsets here: `0 2 * * *` JST is 17:00 UTC.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const JST_OFFSET_MS = 9 * HOUR_MS;

/** One stream of objects a backup job writes. */
export interface BackupSeries {
  /** The catalog target it feeds, `policy/target`. */
  feeds: string;
  bucket: string;
  /** The object key of the run scheduled at `fireMs`. */
  key: (fireMs: number) => string;
  /** Runs fire when `(t - offsetMs) % periodMs === 0` (UTC). */
  periodMs: number;
  offsetMs: number;
  /** How long after the fire time the upload completes (its LastModified). */
  uploadAfterMs: number;
  /** How far back the bucket holds copies (the retention, or what is shown). */
  keepMs: number;
  /**
   * The job stopped this long before the demo started: no copies after it.
   * The demo's deliberate finding (docs/demo-backups.md).
   */
  stoppedBeforeStartMs?: number;
  /** Bytes of each object. */
  size: number;
}

export interface DemoObject {
  bucket: string;
  key: string;
  lastModifiedMs: number;
  size: number;
  /** The job deletes the copy this long after it was made (its retention). */
  keepMs: number;
}

/** `date +%Y%m%d_%H%M%S` on a host in Asia/Tokyo, as the backup scripts name files. */
export function jstStamp(ms: number): string {
  const d = new Date(ms + JST_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return (
    `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}_` +
    `${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`
  );
}

/** JST hour `h` as an offset of a daily UTC schedule. */
const jstDaily = (hour: number) =>
  (((hour * HOUR_MS - JST_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;

export const DEMO_SERIES: BackupSeries[] = [
  // seed 000 backup.sh: hourly pg_dump of both databases to s3://backup-bucket/.
  {
    feeds: 'elixir-cqrs-db-backups/event-store-dump',
    bucket: 'backup-bucket',
    key: t => `event_store_${jstStamp(t)}.sql`,
    periodMs: HOUR_MS,
    offsetMs: 0,
    uploadAfterMs: 2 * MINUTE_MS,
    keepMs: 7 * DAY_MS,
    size: 48_000,
  },
  {
    feeds: 'elixir-cqrs-db-backups/query-db-dump',
    bucket: 'backup-bucket',
    // the same run (one DATE) dumps the query DB after the event store
    key: t => `query_db_${jstStamp(t)}.sql`,
    periodMs: HOUR_MS,
    offsetMs: 0,
    uploadAfterMs: 4 * MINUTE_MS,
    keepMs: 7 * DAY_MS,
    // the query DB's dump stopped uploading 3 h 10 min before the demo
    // started: its policy's 1 h RPO is breached
    stoppedBeforeStartMs: 3 * HOUR_MS + 10 * MINUTE_MS,
    size: 21_000,
  },
  // seed 004 3.2: daily `pg_dump -Fc mairust` at 02:00 JST, kept 30 days.
  {
    feeds: 'mairust-db-backups/daily-dump',
    bucket: 'mairust-backups',
    key: t => `db/${jstStamp(t)}/db.dump`,
    periodMs: DAY_MS,
    offsetMs: jstDaily(2),
    uploadAfterMs: 6 * MINUTE_MS,
    keepMs: 30 * DAY_MS,
    size: 96_000,
  },
  // seed 003: images replicated in real time (uploads all day), kept forever.
  {
    feeds: 'rainbow-seeker-image-replication/image-replica',
    bucket: 'rainbow-seeker-images-replica',
    key: t => {
      const stamp = jstStamp(t);
      return `photos/${stamp.slice(0, 4)}/${stamp.slice(4, 6)}/${stamp.slice(
        6,
        8,
      )}/IMG_${stamp.slice(9)}.jpg`;
    },
    periodMs: 25 * MINUTE_MS,
    offsetMs: 0,
    uploadAfterMs: 20_000,
    keepMs: 3 * DAY_MS,
    size: 2_400,
  },
  // seed 001: daily base backup at 03:00 JST to the backup bucket (kept 7 days)…
  {
    feeds: 'scalar-auditor-postgres-backups/base-backup',
    bucket: 'scalar-auditor-backups',
    key: t => `postgres/base/base_${jstStamp(t)}.tar.gz`,
    periodMs: DAY_MS,
    offsetMs: jstDaily(3),
    uploadAfterMs: 11 * MINUTE_MS,
    keepMs: 7 * DAY_MS,
    size: 120_000,
  },
  // …replicated to ap-northeast-3 a few minutes later.
  {
    feeds: 'scalar-auditor-s3-replication/dr-replica',
    bucket: 'scalar-auditor-backups-dr',
    key: t => `postgres/base/base_${jstStamp(t)}.tar.gz`,
    periodMs: DAY_MS,
    offsetMs: jstDaily(3),
    uploadAfterMs: 15 * MINUTE_MS,
    keepMs: 7 * DAY_MS,
    size: 120_000,
  },
];

/** The buckets the demo server has (from the series). */
export const DEMO_BUCKETS = [...new Set(DEMO_SERIES.map(s => s.bucket))];

/**
 * The objects uploaded in `(fromMs, toMs]`, for a demo that started at
 * `startMs` (stopped jobs end then) and shows copies back to each series'
 * `keepMs` before it.
 */
export function objectsBetween(
  fromMs: number,
  toMs: number,
  startMs: number,
  series: BackupSeries[] = DEMO_SERIES,
): DemoObject[] {
  const objects: DemoObject[] = [];
  for (const s of series) {
    const earliest = Math.max(fromMs, startMs - s.keepMs);
    const latest =
      s.stoppedBeforeStartMs === undefined
        ? toMs
        : Math.min(toMs, startMs - s.stoppedBeforeStartMs);
    // the first fire time whose upload lands after `earliest`
    const first =
      Math.floor((earliest - s.uploadAfterMs - s.offsetMs) / s.periodMs) *
        s.periodMs +
      s.offsetMs;
    for (
      let fire = first;
      fire + s.uploadAfterMs <= latest;
      fire += s.periodMs
    ) {
      const lastModifiedMs = fire + s.uploadAfterMs;
      if (lastModifiedMs <= earliest) continue;
      objects.push({
        bucket: s.bucket,
        key: s.key(fire),
        lastModifiedMs,
        size: s.size,
        keepMs: s.keepMs,
      });
    }
  }
  return objects;
}
