import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  backupTypesFor,
  parsePgBackRestInfo,
  pgBackRestReading,
} from './parsePgBackRestInfo';

// Output of pgBackRest 2.45 `--output=json info`, captured from real runs
// against a local PostgreSQL 15 cluster (see PgBackRestReader.pgbackrest.test.ts).
const fixture = (name: string) =>
  readFileSync(join(__dirname, '__fixtures__', name), 'utf8');

describe('parsePgBackRestInfo (captured pgBackRest 2.45 output)', () => {
  it('reads full, diff and incr backups with their times, newest first', () => {
    const stanza = parsePgBackRestInfo(
      fixture('info-full-diff-incr.json'),
      'demo',
    );
    const reading = pgBackRestReading(stanza, 'incremental');
    expect(
      reading.copies.map(c => [
        c.type,
        c.location,
        c.finishedAt.toISOString(),
        c.startedAt?.toISOString(),
      ]),
    ).toEqual([
      [
        'incremental',
        '20261123-065928F_20261123-065934I',
        '2026-11-23T06:59:36.000Z',
        '2026-11-23T06:59:34.000Z',
      ],
      [
        'differential',
        '20261123-065928F_20261123-065932D',
        '2026-11-23T06:59:34.000Z',
        '2026-11-23T06:59:32.000Z',
      ],
      [
        'full',
        '20261123-065928F',
        '2026-11-23T06:59:32.000Z',
        '2026-11-23T06:59:28.000Z',
      ],
    ]);
    expect(reading.copies.every(c => c.status === 'succeeded')).toBe(true);
    expect(reading.copies[2].sizeBytes).toBe(3062665);
    expect(reading.retentionFound).toBe(1);
    expect(reading.warning).toBeUndefined();
    expect(reading.details).toEqual({
      stanza: 'demo',
      stanzaStatus: 'ok',
      backupRunning: false,
      archiveMin: '000000010000000000000001',
      archiveMax: '000000010000000000000006',
      pgVersion: '15',
      latestBackup: '20261123-065928F_20261123-065934I',
      latestBackupType: 'incremental',
    });
  });

  it('keeps the copies of the types that restore as far as the target type', () => {
    const stanza = parsePgBackRestInfo(
      fixture('info-full-diff-incr.json'),
      'demo',
    );
    expect(pgBackRestReading(stanza, 'full').copies.map(c => c.type)).toEqual([
      'full',
    ]);
    const diff = pgBackRestReading(stanza, 'differential');
    expect(diff.copies.map(c => c.type)).toEqual(['differential', 'full']);
    // Retention counts the target's own type only.
    expect(diff.retentionFound).toBe(1);
    expect(pgBackRestReading(stanza, undefined).retentionFound).toBe(3);
    expect(backupTypesFor('snapshot')).toEqual(['full', 'diff', 'incr']);
  });

  it('marks a backup that found page checksum errors as failed and warns', () => {
    const stanza = parsePgBackRestInfo(
      fixture('info-checksum-error.json'),
      'demo',
    );
    const reading = pgBackRestReading(stanza, 'differential');
    expect(reading.copies.map(c => [c.type, c.status])).toEqual([
      ['differential', 'failed'],
      ['full', 'succeeded'],
    ]);
    expect(reading.warning).toBe(
      'backup 20261123-070054F_20261123-070058D has page checksum errors',
    );
    expect(reading.retentionFound).toBe(0);
    // A full target does not see the diff's error.
    expect(pgBackRestReading(stanza, 'full').warning).toBeUndefined();
  });

  it('reports a backup that is running', () => {
    const stanza = parsePgBackRestInfo(
      fixture('info-backup-running.json'),
      'demo',
    );
    expect(pgBackRestReading(stanza, 'full').details?.backupRunning).toBe(true);
  });

  it('reads a stanza without backups as no copies', () => {
    const reading = pgBackRestReading(
      parsePgBackRestInfo(fixture('info-no-backups.json'), 'demo'),
      'full',
    );
    expect(reading.copies).toEqual([]);
    expect(reading.retentionFound).toBe(0);
    expect(reading.details).toMatchObject({
      stanzaStatus: 'no valid backups',
      archiveMin: null,
    });
  });

  it('throws for a stanza the repository does not have', () => {
    const stanza = parsePgBackRestInfo(
      fixture('info-missing-stanza.json'),
      'nope',
    );
    expect(() => pgBackRestReading(stanza, 'full')).toThrow(
      "pgBackRest stanza 'nope': missing stanza path (status code 1)",
    );
  });

  it('warns but reads when the repositories differ', () => {
    const stanza = parsePgBackRestInfo(
      fixture('info-full-diff-incr.json'),
      'demo',
    );
    const mixed = {
      ...stanza,
      status: { code: 4, message: 'different across repos' },
      repo: [
        ...(stanza.repo ?? []),
        { key: 2, status: { code: 1, message: 'missing stanza path' } },
      ],
    };
    const reading = pgBackRestReading(mixed, 'full');
    expect(reading.copies).toHaveLength(1);
    expect(reading.warning).toBe(
      "pgBackRest stanza 'demo': different across repos; repo2: missing stanza path",
    );
  });

  it('names what is wrong with output that is not pgBackRest info', () => {
    expect(() => parsePgBackRestInfo('WARN: something', 'demo')).toThrow(
      /^pgBackRest info did not print JSON/,
    );
    expect(() => parsePgBackRestInfo('{}', 'demo')).toThrow(
      'a JSON array of stanzas',
    );
    expect(() =>
      parsePgBackRestInfo(fixture('info-full-diff-incr.json'), 'other'),
    ).toThrow("pgBackRest info has no stanza 'other'");
    expect(() => parsePgBackRestInfo('[{"name":"demo"}]', 'demo')).toThrow(
      "pgBackRest info of stanza 'demo' lacks status, backup or archive",
    );
  });
});
