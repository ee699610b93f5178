import { evaluateSloStatus } from './evaluateSloStatus';

const now = new Date('2025-02-15T12:00:00Z');
const rolling30d = { duration: '30d', isRolling: true };

describe('evaluateSloStatus', () => {
  it('E1/E3: 700 of 1,000,000 with 1,500 of 100,000 in the last hour', () => {
    const status = evaluateSloStatus({
      target: 0.999,
      timeWindow: rolling30d,
      budgetingMethod: 'Occurrences',
      counts: { good: 999300, total: 1000000 },
      burnRateCounts: {
        '5m': { bad: 200, total: 8000 }, // burn 25
        '1h': { bad: 1500, total: 100000 }, // burn 15
      },
      now,
    });
    expect(status.state).toBe('ok');
    expect(status.sli).toEqual({ good: 999300, total: 1000000, ratio: 0.9993 });
    expect(status.errorBudget!.total).toBe(1000);
    expect(status.errorBudget!.consumed).toBe(700);
    expect(status.errorBudget!.consumedRatio).toBeCloseTo(0.7, 9);
    expect(status.errorBudget!.remainingRatio).toBeCloseTo(0.3, 9);
    expect(status.policy).toBe('feature-freeze');
    expect(status.burnRates).toEqual({
      '5m': 25,
      '30m': null,
      '1h': 15,
      '2h': null,
      '6h': null,
      '1d': null,
      '3d': null,
    });
    expect(status.burnRateAlerts!.filter(a => a.firing)).toEqual([
      {
        severity: 'page',
        longWindow: '1h',
        shortWindow: '5m',
        factor: 14.4,
        firing: true,
      },
    ]);
    // 30 % of 720 h at burn 15.
    expect(status.timeToExhaustionSeconds).toBeCloseTo(14.4 * 3600, 6);
    expect(status.allowedDowntimeMinutes).toBeUndefined();
    expect(status.window).toEqual({
      duration: '30d',
      calendar: false,
      timeZone: 'UTC',
      start: '2025-01-16T12:00:00.000Z',
      end: '2025-02-15T12:00:00.000Z',
    });
    expect(status.evaluatedAt).toBe('2025-02-15T12:00:00.000Z');
    expect(status.target).toBe(0.999);
  });

  it('does not page when the 5m window burns exactly 14.4', () => {
    const status = evaluateSloStatus({
      target: 0.999,
      timeWindow: rolling30d,
      budgetingMethod: 'Occurrences',
      counts: { good: 999300, total: 1000000 },
      burnRateCounts: {
        '5m': { bad: 1440, total: 100000 },
        '1h': { bad: 1500, total: 100000 },
      },
      now,
    });
    expect(status.burnRateAlerts!.some(a => a.firing)).toBe(false);
  });

  it('suppresses alerts during maintenance', () => {
    const status = evaluateSloStatus({
      target: 0.999,
      timeWindow: rolling30d,
      budgetingMethod: 'Occurrences',
      counts: { good: 999300, total: 1000000 },
      burnRateCounts: {
        '5m': { bad: 200, total: 8000 },
        '1h': { bad: 1500, total: 100000 },
      },
      inMaintenance: true,
      now,
    });
    expect(status.burnRateAlerts!.some(a => a.firing)).toBe(false);
  });

  it('reports no-data, never 100 %, when total is 0', () => {
    const status = evaluateSloStatus({
      target: 0.999,
      timeWindow: rolling30d,
      budgetingMethod: 'Occurrences',
      counts: { good: 0, total: 0 },
      now,
    });
    expect(status.state).toBe('no-data');
    expect(status.message).toBe('No events in the window');
    expect(status.sli).toBeUndefined();
    expect(status.errorBudget).toBeUndefined();
    expect(status.policy).toBeUndefined();
    expect(Object.values(status.burnRates!)).toEqual(Array(7).fill(null));
  });

  it('E10: projects a partially elapsed calendar month', () => {
    const status = evaluateSloStatus({
      target: 0.999,
      timeWindow: { duration: '1M', isRolling: false },
      budgetingMethod: 'Occurrences',
      counts: { bad: 300, total: 500000 },
      now,
    });
    expect(status.sli!.ratio).toBeCloseTo(0.9994, 9);
    expect(status.errorBudget!.consumedRatio).toBeCloseTo(0.310714285714, 9);
    expect(status.errorBudget!.remainingRatio).toBeCloseTo(0.689285714286, 9);
    expect(status.policy).toBe('normal');
    expect(status.idealRemainingRatio).toBeCloseTo(0.482142857143, 9);
    // Strict "if the month ended now".
    expect(status.errorBudgetToDate!.consumedRatio).toBeCloseTo(0.6, 9);
    expect(status.errorBudgetToDate!.remainingRatio).toBeCloseTo(0.4, 9);
    expect(status.window).toMatchObject({
      calendar: true,
      start: '2025-02-01T00:00:00.000Z',
      end: '2025-03-01T00:00:00.000Z',
    });
  });

  it('E6: Timeslices report allowed downtime and exhaust at 50 bad minutes', () => {
    const status = evaluateSloStatus({
      target: 0.999,
      timeWindow: rolling30d,
      budgetingMethod: 'Timeslices',
      counts: { good: 43150, total: 43200 },
      now,
    });
    expect(status.allowedDowntimeMinutes).toBe(43.2);
    expect(status.errorBudget!.remainingRatio).toBeCloseTo(-0.157407407407, 9);
    expect(status.policy).toBe('frozen');
    expect(status.timeToExhaustionSeconds).toBe(0);
  });

  it('E8: excluded maintenance shrinks allowed downtime to 43.08 minutes', () => {
    const status = evaluateSloStatus({
      target: 0.999,
      timeWindow: rolling30d,
      budgetingMethod: 'Timeslices',
      counts: { bad: 10, total: 43080 },
      excludedMaintenanceMinutes: 120,
      now,
    });
    expect(Math.abs(status.allowedDowntimeMinutes! - 43.08)).toBeLessThan(1e-6);
    expect(status.excludedMaintenanceMinutes).toBe(120);
    expect(status.errorBudget!.consumedRatio).toBeCloseTo(0.232126276695, 9);
    expect(status.policy).toBe('normal');
  });

  it('uses configured policy thresholds and says null when not burning', () => {
    const status = evaluateSloStatus({
      target: 0.999,
      timeWindow: rolling30d,
      budgetingMethod: 'Occurrences',
      counts: { good: 999300, total: 1000000 },
      burnRateCounts: { '1h': { bad: 0, total: 100000 } },
      thresholds: { featureFreezeBelow: 0.25, incidentOnlyBelow: 0.1 },
      now,
    });
    expect(status.policy).toBe('normal');
    expect(status.timeToExhaustionSeconds).toBeNull();
  });
});
