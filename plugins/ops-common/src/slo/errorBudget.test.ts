import { errorBudget, sliOf } from './errorBudget';
import { policyFor } from './policy';

const NINES_3 = 999000;

describe('errorBudget', () => {
  it('E1: 700 errors of 1,000,000 at 99.9 % leave 30 % (feature-freeze)', () => {
    const budget = errorBudget({
      good: 999300,
      total: 1000000,
      targetPpm: NINES_3,
    })!;
    expect(budget.total).toBe(1000);
    expect(budget.consumed).toBe(700);
    expect(budget.consumedRatio).toBeCloseTo(0.7, 9);
    expect(budget.remainingRatio).toBeCloseTo(0.3, 9);
    expect(policyFor(budget.remainingRatio)).toBe('feature-freeze');
    expect(sliOf({ good: 999300, total: 1000000 })!.ratio).toBeCloseTo(
      0.9993,
      9,
    );
  });

  it('accepts bad instead of good', () => {
    expect(
      errorBudget({ bad: 700, total: 1000000, targetPpm: NINES_3 }),
    ).toEqual(
      errorBudget({ good: 999300, total: 1000000, targetPpm: NINES_3 }),
    );
  });

  it('is undefined without traffic: no-data, never 100 %', () => {
    expect(
      errorBudget({ good: 0, total: 0, targetPpm: NINES_3 }),
    ).toBeUndefined();
    expect(sliOf({ good: 0, total: 0 })).toBeUndefined();
  });

  it('does not clamp an exhausted budget', () => {
    const budget = errorBudget({
      bad: 5600,
      total: 1000000,
      targetPpm: NINES_3,
    })!;
    expect(budget.consumedRatio).toBeCloseTo(5.6, 9);
    expect(budget.remainingRatio).toBeCloseTo(-4.6, 9);
    expect(policyFor(budget.remainingRatio)).toBe('frozen');
  });

  it('counts good above total (extrapolation jitter) as no errors', () => {
    expect(
      errorBudget({ good: 1001, total: 1000, targetPpm: NINES_3 })!.consumed,
    ).toBe(0);
  });

  describe('E5: latency SLOs from histogram buckets (200,000 requests)', () => {
    it.each([
      [198500, 990000, 2000, 0.75, 0.25, 'feature-freeze'],
      [192000, 950000, 10000, 0.8, 0.2, 'feature-freeze'],
      [199900, 990000, 2000, 0.05, 0.95, 'normal'],
    ] as const)(
      'good %d at %d ppm: budget %d, consumed %d',
      (good, targetPpm, total, consumedRatio, remainingRatio, policy) => {
        const budget = errorBudget({ good, total: 200000, targetPpm })!;
        expect(budget.total).toBeCloseTo(total, 9);
        expect(budget.consumedRatio).toBeCloseTo(consumedRatio, 9);
        expect(budget.remainingRatio).toBeCloseTo(remainingRatio, 9);
        expect(policyFor(budget.remainingRatio)).toBe(policy);
      },
    );

    it('keeps remaining exactly 0.2 so the inclusive boundary holds', () => {
      // 1 - 0.8 in doubles is 0.19999999999999996, which would be incident-only.
      expect(
        errorBudget({ good: 192000, total: 200000, targetPpm: 950000 })!
          .remainingRatio,
      ).toBe(0.2);
    });
  });
});

describe('policyFor', () => {
  it.each([
    [1, 'normal'],
    [0.5000001, 'normal'],
    [0.5, 'feature-freeze'],
    [0.2, 'feature-freeze'],
    [0.1999999, 'incident-only'],
    [0.0000001, 'incident-only'],
    [0, 'frozen'],
    [-0.157, 'frozen'],
  ] as const)('remaining %d is %s', (remaining, policy) => {
    expect(policyFor(remaining)).toBe(policy);
  });

  it('uses configured thresholds', () => {
    const thresholds = { featureFreezeBelow: 0.3, incidentOnlyBelow: 0.1 };
    expect(policyFor(0.4, thresholds)).toBe('normal');
    expect(policyFor(0.1, thresholds)).toBe('feature-freeze');
    expect(policyFor(0.05, thresholds)).toBe('incident-only');
  });
});
