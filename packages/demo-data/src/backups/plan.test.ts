import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { DEMO_SERIES, jstStamp, objectsBetween } from './plan';

// eslint-disable-next-line no-restricted-syntax
const EXAMPLES = resolve(__dirname, '../../../../examples');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// 2026-11-23 16:37:20 JST
const START = Date.parse('2026-11-23T07:37:20Z');

type S3Target = {
  policy: string;
  target: string;
  bucket: string;
  prefix?: string;
  pattern?: string;
};

function exampleS3Targets(): S3Target[] {
  const targets: S3Target[] = [];
  for (const dir of readdirSync(EXAMPLES)) {
    let text: string;
    try {
      text = readFileSync(join(EXAMPLES, dir, 'backup-policies.yaml'), 'utf8');
    } catch {
      continue;
    }
    for (const doc of parseAllDocuments(text)) {
      const policy = doc.toJS();
      for (const t of policy.spec.targets) {
        if (t.source.type === 's3') {
          targets.push({
            policy: policy.metadata.name,
            target: t.name,
            ...t.source,
          });
        }
      }
    }
  }
  return targets;
}

describe('the demo backup plan', () => {
  const objects = objectsBetween(0, START, START);

  it('feeds every s3 target of the examples with keys its prefix and pattern match', () => {
    const targets = exampleS3Targets();
    expect(targets.length).toBeGreaterThanOrEqual(6);
    for (const t of targets) {
      const matching = objects.filter(
        o =>
          o.bucket === t.bucket &&
          o.key.startsWith(t.prefix ?? '') &&
          (!t.pattern || new RegExp(t.pattern).test(o.key)),
      );
      expect([`${t.policy}/${t.target}`, matching.length > 0]).toEqual([
        `${t.policy}/${t.target}`,
        true,
      ]);
    }
    // each series names the target it feeds, and that target exists
    const names = targets.map(t => `${t.policy}/${t.target}`);
    for (const s of DEMO_SERIES) expect(names).toContain(s.feeds);
  });

  it("names files as the seeds' backup scripts do, in Tokyo time", () => {
    expect(jstStamp(Date.parse('2026-11-23T07:00:00Z'))).toBe(
      '20261123_160000',
    );
    const keys = objects.map(o => o.key);
    expect(keys).toContain('event_store_20261123_160000.sql');
    expect(keys).toContain('db/20261123_020000/db.dump');
    expect(keys).toContain('postgres/base/base_20261123_030000.tar.gz');
  });

  it('keeps a week of hourly event-store dumps, the newest within the RPO', () => {
    const dumps = objects
      .filter(o => o.key.startsWith('event_store_'))
      .map(o => o.lastModifiedMs)
      .sort((a, b) => b - a);
    expect(dumps).toHaveLength(168);
    expect(START - dumps[0]).toBe(35 * 60_000 + 20_000);
    expect(START - dumps[dumps.length - 1]).toBeLessThanOrEqual(7 * DAY);
  });

  it('stops the query-DB dumps over 3 h before the start: its 1 h RPO is breached', () => {
    const newest = Math.max(
      ...objects
        .filter(o => o.key.startsWith('query_db_'))
        .map(o => o.lastModifiedMs),
    );
    expect(START - newest).toBeGreaterThan(3 * HOUR);
    expect(START - newest).toBeLessThan(4 * HOUR + 10 * 60_000);
    // and no later copy appears while the demo runs
    expect(
      objectsBetween(START, START + DAY, START).filter(o =>
        o.key.startsWith('query_db_'),
      ),
    ).toEqual([]);
  });

  it('adds each copy once as time goes on', () => {
    const next = objectsBetween(START, START + 2 * HOUR, START);
    expect(
      next.filter(o => o.bucket === 'backup-bucket').map(o => o.key),
    ).toEqual([
      'event_store_20261123_170000.sql',
      'event_store_20261123_180000.sql',
    ]);
    const split = [
      ...objectsBetween(START, START + HOUR, START),
      ...objectsBetween(START + HOUR, START + 2 * HOUR, START),
    ];
    expect(split.map(o => o.key).sort()).toEqual(next.map(o => o.key).sort());
    // daily mairust dumps: 30 days
    expect(objects.filter(o => o.bucket === 'mairust-backups')).toHaveLength(
      30,
    );
  });
});
