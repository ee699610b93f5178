import type { BackupTarget } from '../kinds/BackupPolicyEntity';
import { BackupObservation, BackupPolicyFacts } from './backupRun';
import { evaluateBackupTarget } from './evaluateBackupTarget';
import { evaluateRestoreTest } from './restoreTest';
import { expectedRetention, foundRetention } from './retention';
import { worstBackupState } from './worstBackupState';

const policyRef = 'backuppolicy:default/p';
const policy = (spec: Partial<BackupPolicyFacts>): BackupPolicyFacts => ({
  rpo: '1d',
  protects: ['resource:default/db'],
  ...spec,
});
const at = (iso: string) => new Date(iso);
const ok = (finishedAt: string, startedAt?: string) => ({
  status: 'succeeded' as const,
  finishedAt: at(finishedAt),
  ...(startedAt ? { startedAt: at(startedAt) } : {}),
});
const failed = (finishedAt: string) => ({
  status: 'failed' as const,
  finishedAt: at(finishedAt),
});
// 12:00 in Tokyo.
const now = at('2026-01-10T03:00:00Z');
const reading = (value: Partial<BackupObservation>, checkedAt = now) => ({
  value: { copies: [], ...value },
  checkedAt,
});

const keyVault: BackupTarget = {
  name: 'secrets-export',
  type: 'config',
  schedule: { cron: '30 2 * * *', timezone: 'Asia/Tokyo' },
  source: { type: 'push' },
};
const hourlyTokyo: BackupTarget = {
  name: 'hourly',
  schedule: { cron: '0 * * * *', timezone: 'Asia/Tokyo' },
  retention: '7d',
  source: { type: 's3', connection: 'backups', bucket: 'b' },
};

describe('evaluateBackupTarget', () => {
  it('ok: a daily 02:30 JST job that ran this morning', () => {
    const status = evaluateBackupTarget({
      policyRef,
      policy: policy({ rpo: '1d' }),
      target: keyVault,
      reading: reading({ copies: [ok('2026-01-09T17:40:00Z')] }),
      now,
    });
    expect(status).toMatchObject({
      policyRef,
      target: 'secrets-export',
      type: 'config',
      source: { type: 'push' },
      lastSuccessAt: '2026-01-09T17:40:00.000Z',
      ageSeconds: 9 * 3600 + 20 * 60,
      rpoSeconds: 86400,
      status: 'ok',
      // 02:30 JST on the 11th.
      nextDueAt: '2026-01-10T17:30:00.000Z',
      lastFailureAt: null,
      lastRestoreTestAt: null,
      checkedAt: now.toISOString(),
      protects: ['resource:default/db'],
    });
    expect(status.message).toBeUndefined();
    expect(status.policyRpoSeconds).toBeUndefined();
  });

  it('late: the 11:00 JST run has not landed 15 min after, RPO 1 d holds', () => {
    const input = {
      policyRef,
      policy: policy({ rpo: '1d' }),
      target: hourlyTokyo,
      now,
    };
    const late = evaluateBackupTarget({
      ...input,
      reading: reading({ copies: [ok('2026-01-10T01:05:00Z')] }),
    });
    expect(late.status).toBe('late');
    expect(late.ageSeconds).toBe(6900);
    expect(late.message).toContain('2026-01-10T02:00:00.000Z');
    expect(late.nextDueAt).toBe('2026-01-10T04:00:00.000Z');

    // Within the grace period (a quarter of an hour) it is still ok.
    expect(
      evaluateBackupTarget({
        ...input,
        now: at('2026-01-10T02:14:00Z'),
        reading: reading({ copies: [ok('2026-01-10T01:05:00Z')] }),
      }).status,
    ).toBe('ok');
    expect(
      evaluateBackupTarget({
        ...input,
        now: at('2026-01-10T02:16:00Z'),
        reading: reading({ copies: [ok('2026-01-10T01:05:00Z')] }),
      }).status,
    ).toBe('late');
  });

  it('late for `every`: last success plus the interval plus the grace', () => {
    const target: BackupTarget = {
      name: 'periodic',
      schedule: { every: '4h' },
      retention: '7d',
      source: { type: 'azure-cosmosdb' },
    };
    const run = (lastSuccess: string) =>
      evaluateBackupTarget({
        policyRef,
        policy: policy({ rpo: '1d' }),
        target,
        reading: reading({ lastSuccessAt: at(lastSuccess) }),
        now,
      });
    // Due 4 h after, grace 1 h: 5 h after is not yet late, 5 h 1 min is.
    expect(run('2026-01-09T22:00:00Z').status).toBe('ok');
    expect(run('2026-01-09T22:00:00Z').nextDueAt).toBe(
      '2026-01-10T02:00:00.000Z',
    );
    expect(run('2026-01-09T21:59:00Z').status).toBe('late');
  });

  it('breached: older than the RPO, whatever else holds', () => {
    const status = evaluateBackupTarget({
      policyRef,
      policy: policy({ rpo: '1h' }),
      target: { ...hourlyTokyo, schedule: { every: '1h' } },
      reading: reading({
        copies: [ok('2026-01-10T01:59:59Z')],
        warning: 'archiver failing',
      }),
      now,
    });
    expect(status.ageSeconds).toBe(3601);
    expect(status.rpoSeconds).toBe(3600);
    expect(status.status).toBe('breached');
    const edge = evaluateBackupTarget({
      policyRef,
      policy: policy({ rpo: '1h' }),
      target: { ...hourlyTokyo, schedule: undefined },
      reading: reading({ copies: [ok('2026-01-10T02:00:00Z')] }),
      now,
    });
    expect(edge.status).toBe('ok');
  });

  it('a target scheduled less often than the RPO is held to its interval', () => {
    const daily: BackupTarget = {
      name: 'daily-dump',
      schedule: { cron: '0 2 * * *', timezone: 'Asia/Tokyo' },
      retention: '30d',
      source: { type: 's3', connection: 'backups', bucket: 'b' },
    };
    const status = evaluateBackupTarget({
      policyRef,
      policy: policy({ rpo: '1h' }),
      target: daily,
      // 02:20 JST today: 9 h 40 min old.
      reading: reading({ copies: [ok('2026-01-09T17:20:00Z')] }),
      now,
    });
    expect(status.status).toBe('ok');
    expect(status.rpoSeconds).toBe(86400);
    expect(status.policyRpoSeconds).toBe(3600);
    const old = evaluateBackupTarget({
      policyRef,
      policy: policy({ rpo: '1h' }),
      target: daily,
      reading: reading({ copies: [ok('2026-01-09T02:59:59Z')] }),
      now,
    });
    expect(old.status).toBe('breached');
  });

  it('failing: the newest run failed (pushed or listed); an older failure does not count', () => {
    const base = {
      policyRef,
      policy: policy({ rpo: '1d' }),
      target: keyVault,
      now,
    };
    const failing = evaluateBackupTarget({
      ...base,
      reading: reading({ copies: [ok('2026-01-09T17:40:00Z')] }),
      reports: [failed('2026-01-10T02:00:00Z')],
    });
    expect(failing.status).toBe('failing');
    expect(failing.lastFailureAt).toBe('2026-01-10T02:00:00.000Z');
    expect(failing.lastSuccessAt).toBe('2026-01-09T17:40:00.000Z');
    const recovered = evaluateBackupTarget({
      ...base,
      reading: reading({
        copies: [failed('2026-01-09T17:35:00Z'), ok('2026-01-09T17:40:00Z')],
      }),
    });
    expect(recovered.status).toBe('ok');
    expect(recovered.lastFailureAt).toBeNull();
  });

  it('failing: the source warns while the copies are fresh', () => {
    const status = evaluateBackupTarget({
      policyRef,
      policy: policy({ rpo: '1d' }),
      target: { ...keyVault, schedule: undefined },
      reading: reading({
        lastSuccessAt: at('2026-01-10T02:55:00Z'),
        warning: 'pg_stat_archiver: 3 failed archive attempts',
      }),
      now,
    });
    expect(status.status).toBe('failing');
    expect(status.message).toBe('pg_stat_archiver: 3 failed archive attempts');
  });

  it('unknown: never read, the source error as message', () => {
    const never = evaluateBackupTarget({
      policyRef,
      policy: policy({}),
      target: keyVault,
      now,
    });
    expect(never).toMatchObject({
      status: 'unknown',
      lastSuccessAt: null,
      ageSeconds: null,
      checkedAt: null,
      message: 'Not read yet',
    });
    const down = evaluateBackupTarget({
      policyRef,
      policy: policy({}),
      target: keyVault,
      sourceError: 'connect ECONNREFUSED',
      now,
    });
    expect(down.status).toBe('unknown');
    expect(down.message).toBe('connect ECONNREFUSED');
    expect(down.sourceError).toBe('connect ECONNREFUSED');
  });

  it('unknown when the source answered with nothing; breached when only failures', () => {
    const empty = evaluateBackupTarget({
      policyRef,
      policy: policy({}),
      target: hourlyTokyo,
      reading: reading({ copies: [] }),
      now,
    });
    expect(empty.status).toBe('unknown');
    expect(empty.retention).toEqual({ expected: 168, found: 0 });
    const onlyFailures = evaluateBackupTarget({
      policyRef,
      policy: policy({}),
      target: hourlyTokyo,
      reading: reading({ copies: [failed('2026-01-10T02:00:00Z')] }),
      now,
    });
    expect(onlyFailures.status).toBe('breached');
    expect(onlyFailures.lastFailureAt).toBe('2026-01-10T02:00:00.000Z');
  });

  it('a source that is down: the last good reading, its staleness, age from now', () => {
    const status = evaluateBackupTarget({
      policyRef,
      policy: policy({ rpo: '1d' }),
      target: { ...keyVault, schedule: undefined },
      reading: reading(
        { copies: [ok('2026-01-09T02:00:00Z')] },
        at('2026-01-10T01:00:00Z'),
      ),
      sourceError: 'timed out after 10 s',
      now,
    });
    expect(status.status).toBe('breached');
    expect(status.ageSeconds).toBe(25 * 3600);
    expect(status.staleSeconds).toBe(7200);
    expect(status.sourceError).toBe('timed out after 10 s');
    expect(status.checkedAt).toBe('2026-01-10T01:00:00.000Z');
  });

  it('no schedule (real-time replica): RPO only, no due time', () => {
    const replica: BackupTarget = {
      name: 'image-replica',
      type: 'objects',
      source: { type: 's3', connection: 'backups', bucket: 'r' },
    };
    const fresh = evaluateBackupTarget({
      policyRef,
      policy: policy({ rpo: '1d' }),
      target: replica,
      reading: reading({
        copies: [ok('2026-01-09T04:00:00Z'), ok('2025-06-01T00:00:00Z')],
      }),
      now,
    });
    expect(fresh.status).toBe('ok');
    expect(fresh.nextDueAt).toBeNull();
    expect(fresh.retention).toEqual({ expected: null, found: 2 });
  });

  it('carries the last restore drill against the RTO on every row', () => {
    const status = evaluateBackupTarget({
      policyRef,
      policy: policy({ rpo: '1d', rto: '1h' }),
      target: keyVault,
      reading: reading({ copies: [ok('2026-01-09T17:40:00Z')] }),
      restoreTests: [
        ok('2025-12-01T10:40:00Z', '2025-12-01T10:00:00Z'),
        ok('2025-11-01T12:00:00Z', '2025-11-01T10:00:00Z'),
      ],
      now,
    });
    expect(status.rtoSeconds).toBe(3600);
    expect(status.lastRestoreTestAt).toBe('2025-12-01T10:40:00.000Z');
    expect(status.lastRestoreTest).toEqual({
      at: '2025-12-01T10:40:00.000Z',
      durationSeconds: 2400,
      status: 'succeeded',
      withinRto: true,
    });
  });
});

describe('retention', () => {
  it('expected: retentionCount, retention ÷ every, or cron fire times in the span', () => {
    expect(expectedRetention(hourlyTokyo, now)).toBe(168);
    expect(
      expectedRetention(
        {
          ...hourlyTokyo,
          schedule: { cron: '0 3 * * *', timezone: 'Asia/Tokyo' },
          retention: '30d',
        },
        now,
      ),
    ).toBe(30);
    expect(
      expectedRetention(
        { ...hourlyTokyo, schedule: { every: '4h' }, retention: '7d' },
        now,
      ),
    ).toBe(42);
    // Weekly on Sunday 04:00 JST over 28 days, with a count that wins.
    expect(
      expectedRetention(
        {
          ...hourlyTokyo,
          schedule: { cron: '0 4 * * 0', timezone: 'Asia/Tokyo' },
          retention: '28d',
          retentionCount: 5,
        },
        now,
      ),
    ).toBe(5);
    expect(
      expectedRetention(
        {
          ...hourlyTokyo,
          schedule: { cron: '0 4 * * 0', timezone: 'Asia/Tokyo' },
          retention: '28d',
        },
        now,
      ),
    ).toBe(4);
    expect(
      expectedRetention({ ...hourlyTokyo, schedule: undefined }, now),
    ).toBeNull();
  });

  it('found: good copies inside the span; the source count wins; null when it cannot tell', () => {
    const copies = [
      ok('2026-01-10T02:00:00Z'),
      failed('2026-01-10T01:00:00Z'),
      ok('2026-01-03T03:00:01Z'), // 6 d 23:59:59 old: inside
      ok('2026-01-03T03:00:00Z'), // exactly 7 d: outside
    ];
    expect(foundRetention(hourlyTokyo, { copies }, now)).toBe(2);
    expect(
      foundRetention(hourlyTokyo, { copies, retentionFound: 9 }, now),
    ).toBe(9);
    expect(
      foundRetention(
        hourlyTokyo,
        { copies: [], lastSuccessAt: at('2026-01-10T02:00:00Z') },
        now,
      ),
    ).toBeNull();
    expect(foundRetention(hourlyTokyo, undefined, now)).toBeNull();
  });
});

describe('evaluateRestoreTest', () => {
  const drills = policy({
    rpo: '1h',
    rto: '1h',
    restoreTest: { every: '30d' },
  });

  it('unknown without a drill', () => {
    const status = evaluateRestoreTest({
      policyRef,
      policy: drills,
      restoreTests: [],
      now,
    });
    expect(status).toMatchObject({
      target: 'restore-test',
      source: { type: 'push' },
      status: 'unknown',
      lastRestoreTestAt: null,
      rpoSeconds: 3600,
      retention: { expected: null, found: null },
    });
  });

  it('ok, late after every + 2 h, failing, breached past the RTO', () => {
    const run = (restoreTests: ReturnType<typeof ok>[]) =>
      evaluateRestoreTest({ policyRef, policy: drills, restoreTests, now });
    const recent = run([ok('2025-12-20T10:40:00Z', '2025-12-20T10:00:00Z')]);
    expect(recent.status).toBe('ok');
    expect(recent.nextDueAt).toBe('2026-01-19T10:40:00.000Z');
    expect(recent.lastRestoreTest?.withinRto).toBe(true);
    // 30 d + 2 h after 2025-12-11T00:59 is 2026-01-10T02:59: late by now.
    expect(
      run([ok('2025-12-11T00:59:00Z', '2025-12-11T00:30:00Z')]).status,
    ).toBe('late');
    expect(
      run([ok('2025-12-11T01:01:00Z', '2025-12-11T00:30:00Z')]).status,
    ).toBe('ok');
    const slow = run([ok('2025-12-20T12:00:01Z', '2025-12-20T11:00:00Z')]);
    expect(slow.status).toBe('breached');
    expect(slow.lastRestoreTest).toMatchObject({
      durationSeconds: 3601,
      withinRto: false,
    });
    const broken = evaluateRestoreTest({
      policyRef,
      policy: drills,
      restoreTests: [
        ok('2025-12-20T10:40:00Z', '2025-12-20T10:00:00Z'),
        failed('2026-01-05T00:00:00Z'),
      ],
      now,
    });
    expect(broken.status).toBe('failing');
    expect(broken.lastFailureAt).toBe('2026-01-05T00:00:00.000Z');
    expect(broken.lastSuccessAt).toBe('2025-12-20T10:40:00.000Z');
  });
});

describe('worstBackupState', () => {
  it('ranks breached > failing > late > unknown > ok', () => {
    expect(worstBackupState([])).toBeNull();
    expect(worstBackupState(['ok', 'unknown'])).toBe('unknown');
    expect(worstBackupState(['late', 'unknown', 'ok'])).toBe('late');
    expect(worstBackupState(['late', 'failing'])).toBe('failing');
    expect(worstBackupState(['failing', 'breached', 'ok'])).toBe('breached');
  });
});
