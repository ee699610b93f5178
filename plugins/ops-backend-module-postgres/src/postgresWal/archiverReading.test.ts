import { archiverReading, type ArchiverRow } from './archiverReading';

const row = (over: Partial<ArchiverRow> = {}): ArchiverRow => ({
  archived_count: 12,
  last_archived_wal: '00000001000000000000000C',
  last_archived_time: new Date('2026-11-23T06:00:00Z'),
  failed_count: 0,
  last_failed_wal: null,
  last_failed_time: null,
  stats_reset: new Date('2026-11-01T00:00:00Z'),
  archive_mode: 'on',
  in_recovery: false,
  ...over,
});

describe('archiverReading', () => {
  it('takes the last archived segment as the newest recovery point', () => {
    const reading = archiverReading(row(), []);
    expect(reading.lastSuccessAt).toEqual(new Date('2026-11-23T06:00:00Z'));
    expect(reading.lastFailureAt).toBeNull();
    expect(reading.warning).toBeUndefined();
    expect(reading.details).toEqual({
      archiveMode: 'on',
      archivedCount: 12,
      lastArchivedWal: '00000001000000000000000C',
      failedCount: 0,
      lastFailedWal: null,
      statsReset: '2026-11-01T00:00:00.000Z',
      inRecovery: false,
      standbys: 0,
    });
  });

  it('warns only when a failure is newer than the last success', () => {
    const old = archiverReading(
      row({
        failed_count: 1,
        last_failed_wal: '000000010000000000000003',
        last_failed_time: new Date('2026-11-20T00:00:00Z'),
      }),
      [],
    );
    expect(old.warning).toBeUndefined();
    expect(old.lastFailureAt).toEqual(new Date('2026-11-20T00:00:00Z'));

    const failing = archiverReading(
      row({
        failed_count: 3,
        last_failed_wal: '00000001000000000000000D',
        last_failed_time: new Date('2026-11-23T06:05:00Z'),
      }),
      [],
    );
    expect(failing.warning).toBe(
      'WAL archiving is failing: 00000001000000000000000D failed at 2026-11-23T06:05:00.000Z (3 failures since 2026-11-01T00:00:00.000Z)',
    );
  });

  it('warns when archiving is off or never succeeded', () => {
    const off = archiverReading(
      row({
        archive_mode: 'off',
        archived_count: 0,
        last_archived_wal: null,
        last_archived_time: null,
      }),
      [],
    );
    expect(off.lastSuccessAt).toBeNull();
    expect(off.warning).toBe('archive_mode is off: WAL is not archived');
  });

  it('lists each standby and the largest replay lag', () => {
    const reading = archiverReading(row(), [
      {
        application_name: 'replica-a',
        client_addr: '10.0.0.2',
        state: 'streaming',
        sync_state: 'async',
        replay_lag_seconds: 0.5,
        replay_lag_bytes: 1024,
      },
      {
        application_name: '',
        client_addr: '10.0.0.3',
        state: 'catchup',
        sync_state: 'async',
        replay_lag_seconds: 12.25,
        replay_lag_bytes: 5e6,
      },
    ]);
    expect(reading.details).toMatchObject({
      standbys: 2,
      'replayLagSeconds[replica-a]': 0.5,
      'replayLagBytes[replica-a]': 1024,
      'state[replica-a]': 'streaming',
      'replayLagSeconds[10.0.0.3]': 12.25,
      'state[10.0.0.3]': 'catchup',
      maxReplayLagSeconds: 12.25,
    });
  });

  it('fails when the view returned nothing', () => {
    expect(() => archiverReading(undefined, [])).toThrow(
      'pg_stat_archiver returned no row',
    );
  });
});
