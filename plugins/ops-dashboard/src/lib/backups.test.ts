import type { BackupStatus } from '@unyo/plugin-ops-common';
import {
  backupStateTone,
  factorText,
  groupByPolicy,
  isBackupRelevantEntity,
  rpoUsage,
  secondsUntil,
  wholeUnit,
} from './backups';

const row = (policyRef: string, target: string): BackupStatus => ({
  policyRef,
  target,
  source: { type: 's3' },
  lastSuccessAt: null,
  ageSeconds: null,
  rpoSeconds: 3600,
  rtoSeconds: 14400,
  status: 'unknown',
  retention: { expected: null, found: null },
  lastRestoreTestAt: null,
  checkedAt: null,
  protects: [],
});

describe('backups', () => {
  it('measures the age against the RPO, unclamped factor and full bar once over', () => {
    expect(rpoUsage(1800, 3600)).toEqual({
      factor: 0.5,
      fill: 50,
      over: false,
    });
    expect(rpoUsage(3600 * 2.5, 3600)).toEqual({
      factor: 2.5,
      fill: 100,
      over: true,
    });
    expect(rpoUsage(null, 3600)).toBeUndefined();
    expect(rpoUsage(60, 0)).toBeUndefined();
    expect(factorText(2.54)).toBe('2.5×');
    expect(factorText(168)).toBe('168×');
    expect([3600, 5400, 86400 * 30, 300, 45].map(wholeUnit)).toEqual([
      { value: 1, unit: 'hours' },
      { value: 90, unit: 'minutes' },
      { value: 30, unit: 'days' },
      { value: 5, unit: 'minutes' },
      { value: 45, unit: 'seconds' },
    ]);
  });

  it('colours states: late amber, breached and failing red, unknown grey', () => {
    expect(
      (['ok', 'late', 'breached', 'failing', 'unknown', null] as const).map(
        backupStateTone,
      ),
    ).toEqual(['success', 'warning', 'error', 'error', 'default', 'default']);
  });

  it('groups rows by policy and sets the restore drill apart', () => {
    const groups = groupByPolicy([
      row('backuppolicy:default/a', 'wal'),
      row('backuppolicy:default/b', 'dump'),
      row('backuppolicy:default/a', 'restore-test'),
      row('backuppolicy:default/a', 'daily'),
    ]);
    expect(
      groups.map(g => [
        g.policyRef,
        g.targets.map(t => t.target),
        g.restoreTest?.target,
      ]),
    ).toEqual([
      ['backuppolicy:default/a', ['wal', 'daily'], 'restore-test'],
      ['backuppolicy:default/b', ['dump'], undefined],
    ]);
    expect(groups[0].rtoSeconds).toBe(14400);
  });

  it('counts seconds to a due time', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(secondsUntil('2026-01-01T00:30:00Z', now)).toBe(1800);
    expect(secondsUntil('2025-12-31T23:00:00Z', now)).toBe(-3600);
    expect(secondsUntil(null, now)).toBeUndefined();
    expect(secondsUntil('not a date', now)).toBeUndefined();
  });

  it('shows the card on policies and on what holds data, as the coverage counts it', () => {
    const base = { apiVersion: 'v1', metadata: { name: 'x' } };
    expect(isBackupRelevantEntity({ ...base, kind: 'BackupPolicy' })).toBe(
      true,
    );
    expect(
      isBackupRelevantEntity({
        ...base,
        kind: 'Resource',
        spec: { type: 'database' },
      }),
    ).toBe(true);
    expect(
      isBackupRelevantEntity({
        ...base,
        kind: 'Component',
        relations: [
          { type: 'protectedBy', targetRef: 'backuppolicy:default/a' },
        ],
      }),
    ).toBe(true);
    expect(
      isBackupRelevantEntity({
        ...base,
        kind: 'Component',
        spec: { type: 'database' },
      }),
      // A database component counts in its system's coverage (backend), so
      // its page shows the same finding.
    ).toBe(true);
    expect(
      isBackupRelevantEntity({
        ...base,
        kind: 'Resource',
        spec: { type: 'queue' },
      }),
    ).toBe(false);
    expect(isBackupRelevantEntity({ ...base, kind: 'System' })).toBe(false);
  });
});
