import { errorBudget } from './errorBudget';
import {
  excludeFromBuckets,
  excludeFromCounts,
  excludeFromTime,
} from './exclusion';
import { excludeIntervals, roundIntervalsOutward } from './intervals';
import { policyFor } from './policy';

const at = (iso: string) => new Date(iso);
const interval = (start: string, end: string) => ({
  start: at(start),
  end: at(end),
});

describe('E8: maintenance exclusion', () => {
  const window = interval('2025-01-01T00:00:00Z', '2025-01-31T00:00:00Z');
  const maintenance = [
    interval('2025-01-12T02:00:00Z', '2025-01-12T04:00:00Z'),
  ];
  const outages = [
    interval('2025-01-12T02:30:00Z', '2025-01-12T03:00:00Z'), // inside maintenance
    interval('2025-01-20T10:00:00Z', '2025-01-20T10:10:00Z'), // unplanned
  ];

  it('time-based: 10 bad of 43,080 minutes consume 23.2126 % (normal)', () => {
    const minutes = excludeFromTime({
      window,
      bad: outages,
      excluded: maintenance,
    });
    expect(minutes).toEqual({
      totalMinutes: 43080,
      badMinutes: 10,
      excludedMinutes: 120,
    });
    const budget = errorBudget({
      bad: minutes.badMinutes,
      total: minutes.totalMinutes,
      targetPpm: 999000,
    })!;
    expect(Math.abs(budget.total - 43.08)).toBeLessThan(1e-6);
    expect(budget.consumedRatio).toBeCloseTo(0.232126276695, 9);
    expect(budget.remainingRatio).toBeCloseTo(0.767873723305, 9);
    expect(policyFor(budget.remainingRatio)).toBe('normal');
  });

  it('time-based without exclusion: 40 of 43,200 minutes consume 92.5926 %', () => {
    const minutes = excludeFromTime({ window, bad: outages, excluded: [] });
    expect(minutes).toEqual({
      totalMinutes: 43200,
      badMinutes: 40,
      excludedMinutes: 0,
    });
    const budget = errorBudget({ bad: 40, total: 43200, targetPpm: 999000 })!;
    expect(budget.consumedRatio).toBeCloseTo(0.925925925926, 9);
    expect(budget.remainingRatio).toBeCloseTo(0.074074074074, 9);
    expect(policyFor(budget.remainingRatio)).toBe('incident-only');
  });

  it('event-based: removing 20,000 requests (5,000 bad) leaves 600 of 980,000', () => {
    const counts = excludeFromCounts({ bad: 5600, total: 1000000 }, [
      { bad: 5000, total: 20000 },
    ]);
    expect(counts).toEqual({ good: 979400, bad: 600, total: 980000 });
    const budget = errorBudget({ ...counts, targetPpm: 999000 })!;
    expect(budget.total).toBeCloseTo(980, 9);
    expect(budget.consumedRatio).toBeCloseTo(0.612244897959, 9);
    expect(budget.remainingRatio).toBeCloseTo(0.387755102041, 9);
    expect(policyFor(budget.remainingRatio)).toBe('feature-freeze');
  });

  it('event-based without exclusion: 5,600 against 1,000 consume 560 %', () => {
    const budget = errorBudget({
      bad: 5600,
      total: 1000000,
      targetPpm: 999000,
    })!;
    expect(budget.consumedRatio).toBeCloseTo(5.6, 9);
    expect(policyFor(budget.remainingRatio)).toBe('frozen');
  });
});

describe('exclusion helpers', () => {
  it('rounds exclusions outward to 5-minute buckets', () => {
    expect(
      roundIntervalsOutward([
        interval('2025-01-01T02:03:00Z', '2025-01-01T02:11:00Z'),
      ]),
    ).toEqual([interval('2025-01-01T02:00:00Z', '2025-01-01T02:15:00Z')]);
    const minutes = excludeFromTime({
      window: interval('2025-01-01T00:00:00Z', '2025-01-02T00:00:00Z'),
      bad: [],
      excluded: [interval('2025-01-01T02:03:00Z', '2025-01-01T02:11:00Z')],
    });
    expect(minutes.excludedMinutes).toBe(15);
    expect(
      excludeFromTime({
        window: interval('2025-01-01T00:00:00Z', '2025-01-02T00:00:00Z'),
        bad: [],
        excluded: [interval('2025-01-01T02:03:00Z', '2025-01-01T02:11:00Z')],
        granularitySeconds: 0,
      }).excludedMinutes,
    ).toBe(8);
  });

  it('drops stored buckets that overlap an exclusion', () => {
    const bucket = (start: string, end: string, bad: number) => ({
      ...interval(start, end),
      bad,
      total: 1000,
    });
    const result = excludeFromBuckets(
      [
        bucket('2025-01-01T01:55:00Z', '2025-01-01T02:00:00Z', 1),
        bucket('2025-01-01T02:00:00Z', '2025-01-01T02:05:00Z', 500),
        bucket('2025-01-01T02:05:00Z', '2025-01-01T02:10:00Z', 2),
      ],
      [interval('2025-01-01T02:01:00Z', '2025-01-01T02:04:00Z')],
    );
    expect(result).toEqual({
      good: 1997,
      bad: 3,
      total: 2000,
      excludedBuckets: 1,
    });
  });

  it('subtracts intervals, keeping what lies outside', () => {
    expect(
      excludeIntervals(
        [interval('2025-01-01T00:00:00Z', '2025-01-01T10:00:00Z')],
        [
          interval('2025-01-01T02:00:00Z', '2025-01-01T03:00:00Z'),
          interval('2025-01-01T09:00:00Z', '2025-01-01T11:00:00Z'),
        ],
      ),
    ).toEqual([
      interval('2025-01-01T00:00:00Z', '2025-01-01T02:00:00Z'),
      interval('2025-01-01T03:00:00Z', '2025-01-01T09:00:00Z'),
    ]);
  });

  it('never returns negative counts when queries disagree', () => {
    expect(
      excludeFromCounts({ good: 90, total: 100 }, [{ good: 95, total: 101 }]),
    ).toEqual({
      good: 0,
      bad: 0,
      total: 0,
    });
  });
});
