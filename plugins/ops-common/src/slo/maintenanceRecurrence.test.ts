import { intersectIntervals, intervalsSeconds } from './intervals';
import { maintenanceIntervals } from './maintenanceIntervals';
import { parseMaintenanceWindow } from './maintenanceRule';

const iso = (intervals: { start: Date; end: Date }[]) =>
  intervals.map(i => `${i.start.toISOString()}/${i.end.toISOString()}`);

/** Minutes of `[from, to)` a rule excludes. */
function excludedMinutes(rule: string, from: string, to: string): number {
  const window = { start: new Date(from), end: new Date(to) };
  const found = maintenanceIntervals(rule, window.start, window.end);
  return intervalsSeconds(intersectIntervals(found, [window])) / 60;
}

describe('maintenance windows with full RFC 5545 recurrence', () => {
  const lastSunday =
    'FREQ=MONTHLY;BYDAY=SU;BYSETPOS=-1;BYHOUR=1;DURATION=PT2H;TZID=Europe/Berlin';

  it('last Sunday of the month 01:00–03:00 Europe/Berlin, across both DST changes', () => {
    const found = iso(
      maintenanceIntervals(
        lastSunday,
        new Date('2025-03-01T00:00:00Z'),
        new Date('2025-11-01T00:00:00Z'),
      ),
    );
    expect(found).toEqual([
      // 30 March: clocks go forward at 02:00, two elapsed hours end 04:00 CEST
      '2025-03-30T00:00:00.000Z/2025-03-30T02:00:00.000Z',
      '2025-04-26T23:00:00.000Z/2025-04-27T01:00:00.000Z',
      '2025-05-24T23:00:00.000Z/2025-05-25T01:00:00.000Z',
      '2025-06-28T23:00:00.000Z/2025-06-29T01:00:00.000Z',
      '2025-07-26T23:00:00.000Z/2025-07-27T01:00:00.000Z',
      '2025-08-30T23:00:00.000Z/2025-08-31T01:00:00.000Z',
      '2025-09-27T23:00:00.000Z/2025-09-28T01:00:00.000Z',
      // 26 October: 01:00 CEST, clocks go back at 03:00
      '2025-10-25T23:00:00.000Z/2025-10-26T01:00:00.000Z',
    ]);
    expect(
      excludedMinutes(
        lastSunday,
        '2025-03-01T00:00:00Z',
        '2025-11-01T00:00:00Z',
      ),
    ).toBe(8 * 120);
    // the same as BYDAY=-1SU, the form Unyo accepted before
    expect(
      iso(
        maintenanceIntervals(
          'FREQ=MONTHLY;BYDAY=-1SU;BYHOUR=1;DURATION=PT2H;TZID=Europe/Berlin',
          new Date('2025-03-01T00:00:00Z'),
          new Date('2025-11-01T00:00:00Z'),
        ),
      ),
    ).toEqual(found);
  });

  it('a window cut by the SLO window counts only the minutes inside it', () => {
    expect(
      excludedMinutes(
        lastSunday,
        '2025-03-30T01:30:00Z',
        '2025-04-30T00:00:00Z',
      ),
    ).toBe(30 + 120);
  });

  const fortnightly =
    'DTSTART=20250311T220000;FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20250415;DURATION=PT1H;TZID=Europe/Berlin';

  it('every 2 weeks on Tuesday until a date, counted from DTSTART, across DST', () => {
    expect(
      iso(
        maintenanceIntervals(
          fortnightly,
          new Date('2025-03-01T00:00:00Z'),
          new Date('2025-06-01T00:00:00Z'),
        ),
      ),
    ).toEqual([
      '2025-03-11T21:00:00.000Z/2025-03-11T22:00:00.000Z', // CET
      '2025-03-25T21:00:00.000Z/2025-03-25T22:00:00.000Z',
      '2025-04-08T20:00:00.000Z/2025-04-08T21:00:00.000Z', // CEST; 22 April is after UNTIL
    ]);
    expect(
      excludedMinutes(
        fortnightly,
        '2025-03-01T00:00:00Z',
        '2025-06-01T00:00:00Z',
      ),
    ).toBe(180);
  });

  it('EXDATE leaves out exactly the occurrences it names', () => {
    expect(
      excludedMinutes(
        `${fortnightly};EXDATE=20250325T220000`,
        '2025-03-01T00:00:00Z',
        '2025-06-01T00:00:00Z',
      ),
    ).toBe(120);
    // a date leaves out that local day's occurrences; 30 March is the DST day
    const daily = 'FREQ=DAILY;BYHOUR=1,3;DURATION=PT30M;TZID=Europe/Berlin';
    expect(
      iso(
        maintenanceIntervals(
          `${daily};EXDATE=20250329,20250331T030000`,
          new Date('2025-03-29T00:00:00Z'),
          new Date('2025-04-01T00:00:00Z'),
        ),
      ),
    ).toEqual([
      '2025-03-30T00:00:00.000Z/2025-03-30T00:30:00.000Z', // 01:00 CET
      '2025-03-30T01:00:00.000Z/2025-03-30T01:30:00.000Z', // 03:00 CEST
      '2025-03-30T23:00:00.000Z/2025-03-30T23:30:00.000Z', // 31 March 01:00 CEST
      '2025-03-31T23:00:00.000Z/2025-03-31T23:30:00.000Z', // 1 April 01:00 CEST
    ]);
  });

  it('COUNT counts from DTSTART, before EXDATE removes an occurrence', () => {
    expect(
      iso(
        maintenanceIntervals(
          'DTSTART=20250107T010000;FREQ=WEEKLY;BYDAY=TU;COUNT=3;EXDATE=20250114T010000;DURATION=PT1H',
          new Date('2025-01-01T00:00:00Z'),
          new Date('2025-03-01T00:00:00Z'),
        ),
      ),
    ).toEqual([
      '2025-01-07T01:00:00.000Z/2025-01-07T02:00:00.000Z',
      '2025-01-21T01:00:00.000Z/2025-01-21T02:00:00.000Z',
    ]);
  });

  it('BYSETPOS picks the first weekday of the month', () => {
    expect(
      iso(
        maintenanceIntervals(
          'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1;BYHOUR=6;DURATION=PT1H;TZID=Asia/Tokyo',
          new Date('2025-02-01T00:00:00Z'),
          new Date('2025-04-01T00:00:00Z'),
        ),
      ),
    ).toEqual([
      '2025-02-02T21:00:00.000Z/2025-02-02T22:00:00.000Z', // Mon 3 Feb 06:00 JST
      '2025-03-02T21:00:00.000Z/2025-03-02T22:00:00.000Z', // Mon 3 Mar 06:00 JST
      '2025-03-31T21:00:00.000Z/2025-03-31T22:00:00.000Z', // Tue 1 Apr 06:00 JST
    ]);
  });

  it('parses the new parts', () => {
    expect(parseMaintenanceWindow(fortnightly)).toEqual({
      freq: 'WEEKLY',
      byDay: [{ weekday: 2 }],
      byHour: [22],
      byMinute: [0],
      duration: 'PT1H',
      timeZone: 'Europe/Berlin',
      interval: 2,
      start: '2025-03-11T22:00:00',
      until: '2025-04-15T21:59:59.999Z',
    });
  });

  it.each([
    [
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;DURATION=PT1H',
      'INTERVAL=2 needs DTSTART',
    ],
    [
      'FREQ=DAILY;UNTIL=tomorrow;DURATION=PT1H',
      'UNTIL "tomorrow" is not a date (20250630) or date-time (20250630T000000Z)',
    ],
    [
      'FREQ=DAILY;EXDATE=20250230;DURATION=PT1H',
      'EXDATE "20250230" is not a local date',
    ],
    [
      'FREQ=DAILY;DTSTART=20250107T010000Z;DURATION=PT1H',
      'DTSTART "20250107T010000Z" is not a local date-time',
    ],
    ['FREQ=DAILY;BYSETPOS=0;DURATION=PT1H', 'BYSETPOS "0" is not a number'],
    [
      'FREQ=DAILY;INTERVAL=0;DTSTART=20250101T000000;DURATION=PT1H',
      'INTERVAL "0"',
    ],
  ])('rejects %s', (rule, message) => {
    expect(() => parseMaintenanceWindow(rule)).toThrow(
      `unyo.dev/maintenance-window: ${message}`,
    );
  });
});
