import { policyFor } from './policy';
import { errorBudget } from './errorBudget';
import {
  badSliceMinutes,
  countTimeslices,
  timesliceBudget,
  timesliceSli,
} from './timeslices';

describe('time slices', () => {
  it('E6: 50 of 43,200 one-minute `up` samples down at 99.9 % exhaust the budget', () => {
    const counts = {
      goodSlices: 43150,
      slicesWithData: 43200,
      targetPpm: 999000,
    };
    expect(timesliceSli(counts)!.ratio).toBeCloseTo(0.99884259259, 9);
    expect(badSliceMinutes(50, 60)).toBe(50);
    const budget = timesliceBudget(counts)!;
    expect(budget.total).toBeCloseTo(43.2, 9);
    expect(budget.consumedRatio).toBeCloseTo(1.157407407407, 9);
    expect(budget.remainingRatio).toBeCloseTo(-0.157407407407, 9);
    expect(policyFor(budget.remainingRatio)).toBe('frozen');
  });

  it('E6: 10 bad minutes at 99.95 % consume 46.2963 % of 21.6', () => {
    const budget = errorBudget({ bad: 10, total: 43200, targetPpm: 999500 })!;
    expect(budget.total).toBeCloseTo(21.6, 9);
    expect(budget.consumedRatio).toBeCloseTo(0.462962962963, 9);
    expect(policyFor(budget.remainingRatio)).toBe('normal');
  });

  it('E7: 30 of 43,200 slices below 500 TPS at 99.9 %', () => {
    const counts = {
      goodSlices: 43170,
      slicesWithData: 43200,
      targetPpm: 999000,
    };
    expect(timesliceSli(counts)!.ratio).toBeCloseTo(0.999305555556, 9);
    const budget = timesliceBudget(counts)!;
    expect(budget.total).toBeCloseTo(43.2, 9);
    expect(budget.consumedRatio).toBeCloseTo(0.694444444444, 9);
    expect(budget.remainingRatio).toBeCloseTo(0.305555555556, 9);
    expect(policyFor(budget.remainingRatio)).toBe('feature-freeze');
  });

  it('excludes slices without data by default and reports coverage', () => {
    const sli = timesliceSli({
      goodSlices: 90,
      slicesWithData: 100,
      expectedSlices: 200,
    })!;
    expect(sli).toEqual({ good: 90, total: 100, ratio: 0.9, coverage: 0.5 });
    const strict = timesliceSli({
      goodSlices: 90,
      slicesWithData: 100,
      expectedSlices: 200,
      missing: 'bad',
    })!;
    expect(strict.ratio).toBe(0.45);
  });

  it('is undefined with no slice of data', () => {
    expect(timesliceSli({ goodSlices: 0, slicesWithData: 0 })).toBeUndefined();
    expect(
      timesliceBudget({ goodSlices: 0, slicesWithData: 0, targetPpm: 999000 }),
    ).toBeUndefined();
  });

  it('counts slices meeting an objective', () => {
    expect(countTimeslices([1, 0, null, 1, 1], 'gte', 1)).toEqual({
      goodSlices: 3,
      slicesWithData: 4,
      expectedSlices: 5,
    });
    expect(countTimeslices([499, 500, 501], 'gt', 500).goodSlices).toBe(1);
    expect(countTimeslices([0.9, 1, 1.1], 'lt', 1).goodSlices).toBe(1);
    expect(countTimeslices([0.9, 1, 1.1], 'lte', 1).goodSlices).toBe(2);
  });
});
