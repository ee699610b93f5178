import { maintenanceIntervals } from './maintenanceIntervals';
import { parseMaintenanceWindow } from './maintenanceRule';

const iso = (intervals: { start: Date; end: Date }[]) =>
  intervals.map(i => `${i.start.toISOString()}/${i.end.toISOString()}`);

describe('parseMaintenanceWindow', () => {
  it('parses the seed rule', () => {
    expect(
      parseMaintenanceWindow(
        'FREQ=MONTHLY;BYDAY=3SU;BYHOUR=2;DURATION=PT4H;TZID=Asia/Tokyo',
      ),
    ).toEqual({
      freq: 'MONTHLY',
      byDay: [{ weekday: 7, ordinal: 3 }],
      byHour: [2],
      byMinute: [0],
      duration: 'PT4H',
      timeZone: 'Asia/Tokyo',
    });
  });

  it('defaults to midnight UTC and accepts plain days and last-of-month', () => {
    expect(
      parseMaintenanceWindow('FREQ=WEEKLY;BYDAY=SA,SU;DURATION=PT30M'),
    ).toMatchObject({
      byDay: [{ weekday: 6 }, { weekday: 7 }],
      byHour: [0],
      timeZone: 'UTC',
    });
    expect(
      parseMaintenanceWindow(
        'FREQ=MONTHLY;BYDAY=-1SA;BYHOUR=22;BYMINUTE=30;DURATION=PT2H',
      ).byDay,
    ).toEqual([{ weekday: 6, ordinal: -1 }]);
  });

  it.each([
    ['FREQ=MONTHLY;BYDAY=9XX;DURATION=PT4H', 'BYDAY "9XX" is not a weekday'],
    [
      'FREQ=MONTHLY;BYDAY=6SU;DURATION=PT4H',
      'BYDAY "6SU" has an ordinal outside 1 to 5 and -5 to -1',
    ],
    [
      'FREQ=WEEKLY;BYDAY=3SU;DURATION=PT4H',
      'BYDAY "3SU" has an ordinal, which only FREQ=MONTHLY allows',
    ],
    [
      'FREQ=YEARLY;BYDAY=SU;DURATION=PT4H',
      'FREQ "YEARLY" is not DAILY, WEEKLY or MONTHLY',
    ],
    ['BYDAY=SU;DURATION=PT4H', 'FREQ is missing'],
    ['FREQ=WEEKLY;DURATION=PT4H', 'FREQ=WEEKLY needs BYDAY'],
    [
      'FREQ=DAILY;BYHOUR=24;DURATION=PT4H',
      'BYHOUR "24" is not a number from 0 to 23',
    ],
    [
      'FREQ=DAILY;BYMINUTE=60;DURATION=PT4H',
      'BYMINUTE "60" is not a number from 0 to 59',
    ],
    ['FREQ=DAILY', 'DURATION is missing'],
    [
      'FREQ=DAILY;DURATION=4h',
      'DURATION "4h" is not a positive ISO 8601 duration such as PT4H',
    ],
    [
      'FREQ=DAILY;DURATION=PT4H;TZID=Asia/Atlantis',
      'TZID "Asia/Atlantis" is not a known time zone',
    ],
    ['FREQ=DAILY;COUNT=3;DURATION=PT4H', '"COUNT" is not supported'],
  ])('rejects %s', (rule, message) => {
    expect(() => parseMaintenanceWindow(rule)).toThrow(
      `unyo.dev/maintenance-window: ${message}`,
    );
  });
});

describe('maintenanceIntervals', () => {
  it('finds the 3rd Sunday 02:00–06:00 Asia/Tokyo in real instants', () => {
    expect(
      iso(
        maintenanceIntervals(
          'FREQ=MONTHLY;BYDAY=3SU;BYHOUR=2;DURATION=PT4H;TZID=Asia/Tokyo',
          new Date('2025-02-01T00:00:00Z'),
          new Date('2025-04-01T00:00:00Z'),
        ),
      ),
    ).toEqual([
      '2025-02-15T17:00:00.000Z/2025-02-15T21:00:00.000Z',
      '2025-03-15T17:00:00.000Z/2025-03-15T21:00:00.000Z',
    ]);
  });

  it('finds the last Saturday of the month', () => {
    expect(
      iso(
        maintenanceIntervals(
          'FREQ=MONTHLY;BYDAY=-1SA;BYHOUR=22;DURATION=PT1H',
          new Date('2025-03-01T00:00:00Z'),
          new Date('2025-04-01T00:00:00Z'),
        ),
      ),
    ).toEqual(['2025-03-29T22:00:00.000Z/2025-03-29T23:00:00.000Z']);
  });

  it('follows the local clock across DST and keeps hours as elapsed time', () => {
    const rule =
      'FREQ=WEEKLY;BYDAY=SU;BYHOUR=1;DURATION=PT4H;TZID=Europe/Berlin';
    expect(
      iso(
        maintenanceIntervals(
          rule,
          new Date('2025-03-23T00:00:00Z'),
          new Date('2025-04-07T00:00:00Z'),
        ),
      ),
    ).toEqual([
      '2025-03-23T00:00:00.000Z/2025-03-23T04:00:00.000Z', // CET
      '2025-03-30T00:00:00.000Z/2025-03-30T04:00:00.000Z', // clocks go forward at 02:00
      '2025-04-05T23:00:00.000Z/2025-04-06T03:00:00.000Z', // CEST
    ]);
  });

  it('includes an occurrence that started before `from` and clips nothing', () => {
    expect(
      iso(
        maintenanceIntervals(
          'FREQ=DAILY;BYHOUR=23;DURATION=PT2H',
          new Date('2025-01-02T00:30:00Z'),
          new Date('2025-01-02T12:00:00Z'),
        ),
      ),
    ).toEqual(['2025-01-01T23:00:00.000Z/2025-01-02T01:00:00.000Z']);
  });

  it('excludes occurrences ending exactly at `from` or starting at `to`', () => {
    expect(
      maintenanceIntervals(
        'FREQ=DAILY;BYHOUR=10;DURATION=PT1H',
        new Date('2025-01-01T11:00:00Z'),
        new Date('2025-01-02T10:00:00Z'),
      ),
    ).toEqual([]);
  });

  it('repeats for each BYHOUR and BYMINUTE', () => {
    expect(
      maintenanceIntervals(
        'FREQ=DAILY;BYHOUR=0,12;BYMINUTE=0,30;DURATION=PT5M',
        new Date('2025-01-01T00:00:00Z'),
        new Date('2025-01-02T00:00:00Z'),
      ),
    ).toHaveLength(4);
  });
});
