import {
  burnRate,
  evaluateBurnRateAlerts,
  highestFiringAlert,
  timeToExhaustionSeconds,
} from './burnRate';
import type { BurnRateWindow } from './types';

const NINES_3 = 999000;
const HOUR = 3600;
const DAYS_30 = 30 * 86400;

/** Burn rates from error ratios in percent of 100,000 requests. */
function burns(percentages: Partial<Record<BurnRateWindow, number>>) {
  return Object.fromEntries(
    Object.entries(percentages).map(([w, pct]) => [
      w,
      burnRate({ bad: pct! * 1000, total: 100000, targetPpm: NINES_3 }),
    ]),
  );
}

function firing(rates: Partial<Record<BurnRateWindow, number | null>>) {
  return evaluateBurnRateAlerts(rates)
    .filter(a => a.firing)
    .map(a => `${a.severity} ${a.longWindow}/${a.shortWindow}`);
}

describe('burnRate', () => {
  it('E3: 1,500 errors in 100,000 requests at 99.9 % burn 15', () => {
    expect(burnRate({ bad: 1500, total: 100000, targetPpm: NINES_3 })).toBe(15);
    // That hour consumed 1,500 / 72,000 of a uniform 30-day budget.
    expect((15 * 1) / 720).toBeCloseTo(0.020833333, 9);
  });

  it('E3: 1,440 errors burn exactly 14.4', () => {
    expect(burnRate({ bad: 1440, total: 100000, targetPpm: NINES_3 })).toBe(
      14.4,
    );
  });

  it('is null without traffic', () => {
    expect(burnRate({ bad: 0, total: 0, targetPpm: NINES_3 })).toBeNull();
  });

  it('E1: the period burn rate of 700 in 1,000,000 is 0.7', () => {
    expect(
      burnRate({ bad: 700, total: 1000000, targetPpm: NINES_3 }),
    ).toBeCloseTo(0.7, 9);
  });
});

describe('evaluateBurnRateAlerts', () => {
  it('has the four default tiers with 30-day factors', () => {
    expect(evaluateBurnRateAlerts({})).toEqual([
      {
        severity: 'page',
        longWindow: '1h',
        shortWindow: '5m',
        factor: 14.4,
        firing: false,
      },
      {
        severity: 'page',
        longWindow: '6h',
        shortWindow: '30m',
        factor: 6,
        firing: false,
      },
      {
        severity: 'ticket',
        longWindow: '1d',
        shortWindow: '2h',
        factor: 3,
        firing: false,
      },
      {
        severity: 'ticket',
        longWindow: '3d',
        shortWindow: '6h',
        factor: 1,
        firing: false,
      },
    ]);
  });

  it('E4: pages fast when 1h burns 15 and 5m burns 20', () => {
    expect(firing(burns({ '1h': 1.5, '5m': 2.0 }))).toEqual(['page 1h/5m']);
  });

  it('E4: does not page fast once the 5m window recovered', () => {
    expect(firing(burns({ '1h': 1.5, '5m': 0.5 }))).toEqual([]);
  });

  it('E4: pages slow at 7 over 6h and 6.5 over 30m', () => {
    expect(firing(burns({ '6h': 0.7, '30m': 0.65 }))).toEqual(['page 6h/30m']);
  });

  it('E4: tickets at 3.5 over 1d and 3.1 over 2h', () => {
    expect(firing(burns({ '1d': 0.35, '2h': 0.31 }))).toEqual(['ticket 1d/2h']);
  });

  it('E4: tickets at 1.1 over 3d and 1.2 over 6h', () => {
    expect(firing(burns({ '3d': 0.11, '6h': 0.12 }))).toEqual(['ticket 3d/6h']);
  });

  it('E3: a burn of exactly 14.4 on both windows does not fire (strict >)', () => {
    const rate = burnRate({ bad: 1440, total: 100000, targetPpm: NINES_3 });
    expect(firing({ '1h': rate, '5m': rate })).toEqual([]);
    // Nor does the float-noise version of the same value.
    expect(
      firing({ '1h': 0.0144 / (1 - 0.999), '5m': 14.400000000000002 }),
    ).toEqual([]);
    expect(firing({ '1h': 14.41, '5m': 14.41 })).toEqual(['page 1h/5m']);
  });

  it('never fires on a window without traffic', () => {
    expect(firing({ '1h': 20, '5m': null })).toEqual([]);
  });

  it('scales factors by period / 30 days', () => {
    const factors = (days: number) =>
      evaluateBurnRateAlerts({}, { periodSeconds: days * 86400 }).map(
        a => a.factor,
      );
    expect(factors(28)).toEqual([13.44, 5.6, 2.8, 0.933333333333]);
    expect(factors(31)).toEqual([14.88, 6.2, 3.1, 1.03333333333]);
    // A 28-day SLO burning 13.5 pages; a 30-day one would not.
    expect(
      evaluateBurnRateAlerts(
        { '1h': 13.5, '5m': 13.5 },
        { periodSeconds: 28 * 86400 },
      )[0].firing,
    ).toBe(true);
  });

  it('names the highest firing tier', () => {
    const alerts = evaluateBurnRateAlerts({
      '1h': 20,
      '5m': 20,
      '6h': 10,
      '30m': 10,
    });
    expect(alerts.filter(a => a.firing)).toHaveLength(2);
    expect(highestFiringAlert(alerts)).toMatchObject({
      longWindow: '1h',
      factor: 14.4,
    });
    expect(highestFiringAlert(evaluateBurnRateAlerts({}))).toBeUndefined();
  });
});

describe('timeToExhaustionSeconds', () => {
  it('E3: a full budget burning 15 lasts 48 h, 30 % of it 14.4 h', () => {
    expect(timeToExhaustionSeconds(1, 15, DAYS_30)).toBeCloseTo(48 * HOUR, 6);
    expect(timeToExhaustionSeconds(0.3, 15, DAYS_30)).toBeCloseTo(
      14.4 * HOUR,
      6,
    );
    expect(timeToExhaustionSeconds(1, 14.4, DAYS_30)).toBeCloseTo(50 * HOUR, 6);
  });

  it('is 0 when exhausted and null when not burning', () => {
    expect(timeToExhaustionSeconds(0, 15, DAYS_30)).toBe(0);
    expect(timeToExhaustionSeconds(-0.2, 15, DAYS_30)).toBe(0);
    expect(timeToExhaustionSeconds(0.5, 0, DAYS_30)).toBeNull();
    expect(timeToExhaustionSeconds(0.5, null, DAYS_30)).toBeNull();
  });
});
