import { parseBackupDuration } from './duration';
import {
  countCronFires,
  cronFireTimes,
  nextFireTime,
  previousFireTime,
  scheduleIntervalSeconds,
} from './schedule';

const iso = (dates: Date[]) => dates.map(d => d.toISOString());

describe('parseBackupDuration', () => {
  it.each([
    ['30s', 30],
    ['5m', 300],
    ['6h', 21600],
    ['1d', 86400],
    ['30d', 2592000],
    ['2w', 1209600],
  ])('%s is %i s', (value, expected) => {
    expect(parseBackupDuration(value)).toBe(expected);
  });

  it('names a malformed value', () => {
    expect(() => parseBackupDuration('1M')).toThrow('"1M" is not a backup');
    expect(() => parseBackupDuration('h')).toThrow('"h"');
  });
});

describe('cron schedules', () => {
  it('Asia/Tokyo 02:00 is 17:00 UTC the day before (no DST)', () => {
    const schedule = { cron: '0 2 * * *', timezone: 'Asia/Tokyo' };
    expect(
      iso(
        cronFireTimes(
          schedule,
          new Date('2026-01-08T00:00:00Z'),
          new Date('2026-01-10T00:00:00Z'),
        ),
      ),
    ).toEqual(['2026-01-08T17:00:00.000Z', '2026-01-09T17:00:00.000Z']);
    expect(
      scheduleIntervalSeconds(schedule, new Date('2026-03-29T12:00:00Z')),
    ).toBe(86400);
  });

  it('includes a fire time equal to the end of the span, not the start', () => {
    const schedule = { cron: '0 * * * *' };
    expect(
      iso(
        cronFireTimes(
          schedule,
          new Date('2026-01-01T00:00:00Z'),
          new Date('2026-01-01T02:00:00Z'),
        ),
      ),
    ).toEqual(['2026-01-01T01:00:00.000Z', '2026-01-01T02:00:00.000Z']);
    expect(
      previousFireTime(schedule, new Date('2026-01-01T02:00:00Z')),
    ).toEqual(new Date('2026-01-01T02:00:00Z'));
    expect(nextFireTime(schedule, new Date('2026-01-01T02:00:00Z'))).toEqual(
      new Date('2026-01-01T03:00:00Z'),
    );
  });

  it('Europe/Berlin: the night DST ends makes a daily cron 25 h apart', () => {
    const schedule = { cron: '0 2 * * *', timezone: 'Europe/Berlin' };
    // 02:00 CEST (UTC+2) on the 25th, then 02:00 CET (UTC+1) on the 26th.
    expect(
      iso(
        cronFireTimes(
          schedule,
          new Date('2026-10-24T12:00:00Z'),
          new Date('2026-10-26T12:00:00Z'),
        ),
      ),
    ).toEqual(['2026-10-25T00:00:00.000Z', '2026-10-26T01:00:00.000Z']);
    expect(
      scheduleIntervalSeconds(schedule, new Date('2026-10-26T12:00:00Z')),
    ).toBe(25 * 3600);
    // Three days later the long night is out of the look-back.
    expect(
      scheduleIntervalSeconds(schedule, new Date('2026-10-29T12:00:00Z')),
    ).toBe(86400);
  });

  it('America/New_York: 02:30 does not exist the night DST starts', () => {
    const schedule = { cron: '30 2 * * *', timezone: 'America/New_York' };
    // cron-parser fires at 03:30 EDT that night: 23 h before the next one.
    expect(
      iso(
        cronFireTimes(
          schedule,
          new Date('2026-03-07T00:00:00Z'),
          new Date('2026-03-09T12:00:00Z'),
        ),
      ),
    ).toEqual([
      '2026-03-07T07:30:00.000Z',
      '2026-03-08T07:30:00.000Z',
      '2026-03-09T06:30:00.000Z',
    ]);
  });

  it('counts fire times in a span, extrapolating past 500', () => {
    const now = new Date('2026-01-10T03:30:00Z');
    expect(
      countCronFires(
        { cron: '0 * * * *', timezone: 'Asia/Tokyo' },
        7 * 86400,
        now,
      ),
    ).toBe(168);
    // Every minute for a week: 10,080, from the first 500 counted.
    const started = Date.now();
    expect(countCronFires({ cron: '* * * * *' }, 7 * 86400, now)).toBe(10080);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('an irregular cron counts its longest gap', () => {
    expect(
      scheduleIntervalSeconds(
        { cron: '0 2,3 * * *', timezone: 'Asia/Tokyo' },
        new Date('2026-01-10T00:00:00Z'),
      ),
    ).toBe(23 * 3600);
    expect(
      scheduleIntervalSeconds(
        { cron: '0 4 * * 0', timezone: 'Asia/Tokyo' },
        new Date('2026-01-10T00:00:00Z'),
      ),
    ).toBe(7 * 86400);
    expect(
      scheduleIntervalSeconds({ every: '4h' }, new Date('2026-01-10')),
    ).toBe(14400);
  });
});
