import { parseOpenSloDuration } from './duration';
import {
  idealRemainingRatio,
  projectedConsumedRatio,
  resolveWindow,
} from './window';

const HOUR = 3600;

describe('parseOpenSloDuration', () => {
  it('parses fixed and calendar units', () => {
    expect(parseOpenSloDuration('30d')).toEqual({
      amount: 30,
      unit: 'd',
      seconds: 2592000,
    });
    expect(parseOpenSloDuration('4w')).toEqual({
      amount: 4,
      unit: 'w',
      seconds: 2419200,
    });
    expect(parseOpenSloDuration('12h')).toEqual({
      amount: 12,
      unit: 'h',
      seconds: 43200,
    });
    expect(parseOpenSloDuration('5m')).toEqual({
      amount: 5,
      unit: 'm',
      seconds: 300,
    });
    expect(parseOpenSloDuration('1M')).toEqual({
      amount: 1,
      unit: 'M',
      seconds: undefined,
    });
    expect(parseOpenSloDuration('1Q').unit).toBe('Q');
    expect(parseOpenSloDuration('1Y').unit).toBe('Y');
  });

  it('rejects anything else', () => {
    expect(() => parseOpenSloDuration('30')).toThrow(
      '"30" is not an OpenSLO duration (a number and one of m h d w M Q Y)',
    );
    expect(() => parseOpenSloDuration('0d')).toThrow();
    expect(() => parseOpenSloDuration('1s')).toThrow();
  });
});

describe('resolveWindow', () => {
  const now = new Date('2025-02-15T12:00:00Z');

  it('makes a rolling window [now − W, now)', () => {
    const window = resolveWindow({ duration: '30d', isRolling: true }, now);
    expect(window.start.toISOString()).toBe('2025-01-16T12:00:00.000Z');
    expect(window.end).toEqual(now);
    expect(window.periodSeconds).toBe(30 * 24 * HOUR);
    expect(window.elapsedRatio).toBe(1);
    expect(window.calendar).toBe(false);
  });

  it('E10: a UTC calendar month on Feb 15 12:00 is 14.5 / 28 elapsed', () => {
    const window = resolveWindow({ duration: '1M', isRolling: false }, now);
    expect(window.start.toISOString()).toBe('2025-02-01T00:00:00.000Z');
    expect(window.end.toISOString()).toBe('2025-03-01T00:00:00.000Z');
    expect(window.periodSeconds).toBe(28 * 24 * HOUR);
    expect(window.elapsedRatio).toBeCloseTo(0.517857142857, 9);
    expect(window.calendar).toBe(true);
    expect(window.timeZone).toBe('UTC');
  });

  it('gives Europe/Berlin March 2025 743 h and October 2025 745 h', () => {
    const month = (iso: string) =>
      resolveWindow(
        {
          duration: '1M',
          isRolling: false,
          calendar: {
            startTime: '2024-01-01 00:00:00',
            timeZone: 'Europe/Berlin',
          },
        },
        new Date(iso),
      );
    const march = month('2025-03-31T21:59:59Z');
    expect(march.start.toISOString()).toBe('2025-02-28T23:00:00.000Z');
    expect(march.end.toISOString()).toBe('2025-03-31T22:00:00.000Z');
    expect(march.periodSeconds).toBe(743 * HOUR);
    expect(month('2025-10-15T00:00:00Z').periodSeconds).toBe(745 * HOUR);
    // Just after local midnight of April 1st it is April.
    expect(month('2025-03-31T22:00:00Z').start.toISOString()).toBe(
      '2025-03-31T22:00:00.000Z',
    );
  });

  it('aligns quarters and years in the zone', () => {
    const tokyo = { startTime: '2024-01-01 00:00:00', timeZone: 'Asia/Tokyo' };
    const quarter = resolveWindow(
      { duration: '1Q', isRolling: false, calendar: tokyo },
      now,
    );
    expect(quarter.start.toISOString()).toBe('2024-12-31T15:00:00.000Z');
    expect(quarter.end.toISOString()).toBe('2025-03-31T15:00:00.000Z');
    expect(quarter.periodSeconds).toBe(90 * 24 * HOUR);
    const year = resolveWindow(
      { duration: '1Y', isRolling: false, calendar: tokyo },
      now,
    );
    expect(year.periodSeconds).toBe(365 * 24 * HOUR);
  });

  it('counts periods from calendar.startTime', () => {
    const window = resolveWindow(
      {
        duration: '2w',
        isRolling: false,
        calendar: { startTime: '2025-01-06 00:00:00', timeZone: 'UTC' },
      },
      now,
    );
    expect(window.start.toISOString()).toBe('2025-02-03T00:00:00.000Z');
    expect(window.end.toISOString()).toBe('2025-02-17T00:00:00.000Z');
  });

  it('rejects an unknown zone', () => {
    expect(() =>
      resolveWindow(
        {
          duration: '1M',
          isRolling: false,
          calendar: {
            startTime: '2024-01-01 00:00:00',
            timeZone: 'Mars/Olympus',
          },
        },
        now,
      ),
    ).toThrow('"Mars/Olympus" is not a known time zone');
  });
});

describe('projection of a partially elapsed calendar window (E10)', () => {
  const elapsed = 14.5 / 28;

  it('projects consumption from the burn rate to date', () => {
    const consumed = projectedConsumedRatio(0.6, elapsed);
    expect(consumed).toBeCloseTo(0.310714285714, 9);
    expect(1 - consumed).toBeCloseTo(0.689285714286, 9);
    expect(idealRemainingRatio(elapsed)).toBeCloseTo(0.482142857143, 9);
  });

  it('equals the strict value at the end of the period', () => {
    expect(projectedConsumedRatio(0.6, 1)).toBe(0.6);
  });
});
